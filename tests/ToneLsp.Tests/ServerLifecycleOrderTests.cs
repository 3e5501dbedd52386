using System.Text.Json;
using System.Text.Json.Nodes;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>Messages out of the lifecycle's order, and what an error response may carry.</summary>
public sealed class ServerLifecycleOrderTests : IAsyncLifetime
{
    private readonly InProcessServer _host = InProcessServer.Start();
    private RawLspConnection _connection = null!;

    public Task InitializeAsync()
    {
        _connection = new RawLspConnection(_host.ClientStream, _host.ClientStream);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _host.DisposeAsync();
        Assert.Empty(_connection.ProtocolViolations);
    }

    [Fact]
    public async Task ShutdownBeforeInitializeIsRefusedAndTheServerStillStarts()
    {
        JsonElement response = await _connection.RequestAsync("shutdown");

        Assert.Equal(LspErrorCodes.ServerNotInitialized, ErrorCode(response));
        RawLspConnection.Result(await _connection.RequestAsync("initialize", ClientSetup.Minimal.ToInitializeParams()));
    }

    [Fact]
    public async Task ASecondInitializeIsAnInvalidRequest()
    {
        await _connection.InitializeAsync();

        JsonElement second = await _connection.RequestAsync("initialize", ClientSetup.Minimal.ToInitializeParams());

        Assert.Equal(LspErrorCodes.InvalidRequest, ErrorCode(second));
        await _connection.OpenAndWaitAsync(Samples.Uri("still"), Samples.GermanCondescension);
    }

    [Fact]
    public async Task RequestsAfterShutdownAreInvalidAndExitStillEndsTheServer()
    {
        await _connection.InitializeAsync();
        RawLspConnection.Result(await _connection.RequestAsync("shutdown"));

        JsonElement hover = await _connection.RequestAsync("textDocument/hover", new HoverParams(new TextDocumentIdentifier(Samples.Uri("late")), new Position(0, 0)));
        JsonElement again = await _connection.RequestAsync("shutdown");

        Assert.Equal(LspErrorCodes.InvalidRequest, ErrorCode(hover));
        Assert.Equal(LspErrorCodes.InvalidRequest, ErrorCode(again));
        await _connection.NotifyAsync("exit", new JsonObject());
        Assert.Equal(0, await _host.WaitForExitAsync());
    }

    [Fact]
    public async Task ErrorResponsesCarryNoStackTrace()
    {
        await _connection.InitializeAsync();

        // Parameters of the wrong shape and a command the server does not know.
        JsonElement[] errors =
        [
            await _connection.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 5, ["position"] = "x" }),
            await _connection.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "tonelsp.nothing" }),
            await _connection.RequestAsync("textDocument/codeAction", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Samples.Uri("none") } }),
        ];

        foreach (JsonElement response in errors)
        {
            JsonElement error = response.GetProperty("error");
            string text = error.GetRawText();
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task AChangeBeyondTheDocumentAppliesAtItsEndInsteadOfBeingDropped()
    {
        await _connection.InitializeAsync();
        string uri = Samples.Uri("far");
        await _connection.OpenAndWaitAsync(uri, "Hallo Anna.");

        // 4294967296 does not fit LSP's uinteger: the position is clamped, the change applied.
        var far = new JsonObject { ["line"] = 4294967296L, ["character"] = 0 };
        await _connection.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = far, ["end"] = far.DeepClone() },
                ["text"] = " " + Samples.GermanCondescension,
            }),
        });

        JsonElement published = await _connection.WaitForDiagnosticsAsync(uri, 2);
        Assert.Equal("TONE001", Assert.Single(published.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ANotificationThatCannotBeReadIsReportedInTheLog()
    {
        await _connection.InitializeAsync();
        string uri = Samples.Uri("broken");
        await _connection.OpenAndWaitAsync(uri, "Hallo Anna.");
        int mark = _connection.Messages.Count;

        await _connection.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = "one", ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 0, ["character"] = 0 } },
                ["text"] = "x",
            }),
        });

        JsonElement log = await _connection.Messages.WaitForAsync(
            m => m.TryGetProperty("method", out JsonElement method) && method.GetString() == "window/logMessage" &&
                 m.GetProperty("params").GetProperty("message").GetString()!.Contains("textDocument/didChange", StringComparison.Ordinal),
            "a log message about the unreadable change", mark);
        Assert.Equal(1, log.GetProperty("params").GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task AShutdownSentAsANotificationDoesNotEndServing()
    {
        await _connection.InitializeAsync();

        await _connection.NotifyAsync("shutdown", new JsonObject());

        await _connection.OpenAndWaitAsync(Samples.Uri("after-notification"), Samples.GermanCondescension);
        RawLspConnection.Result(await _connection.RequestAsync("shutdown"));
    }

    private static int ErrorCode(JsonElement response)
    {
        Assert.True(response.TryGetProperty("error", out JsonElement error), $"Expected an error, got {response}");
        return error.GetProperty("code").GetInt32();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>
/// Well-framed but wrong messages: bad parameters, unknown methods, positions out of range,
/// documents that are not open, and a very large document. Each test ends by checking that the
/// server still analyses a new document correctly.
/// </summary>
public sealed class ServerInputRobustnessTests : IAsyncLifetime
{
    private LspTestClient _client = null!;

    public async Task InitializeAsync() => _client = await LspTestClient.StartAsync();

    public async Task DisposeAsync()
    {
        try
        {
            await _client.AssertStillServesAsync();
        }
        finally
        {
            await _client.DisposeAsync();
        }
    }

    public static TheoryData<string, string> RequestsMissingParameters => new()
    {
        { "textDocument/codeAction", """{"textDocument":{"uri":"file:///templates/x.md"}}""" },
        { "textDocument/codeAction", """[1,2,3]""" },
        { "textDocument/diagnostic", """{"textDocument":null}""" },
    };

    [Theory]
    [MemberData(nameof(RequestsMissingParameters))]
    public async Task RequestsMissingParametersGetInvalidParams(string method, string parameters)
    {
        var error = await Assert.ThrowsAnyAsync<RemoteRpcException>(
            () => _client.RequestAsync<JsonElement>(method, JsonNode.Parse(parameters)!));

        Assert.Equal(JsonRpcErrorCode.InvalidParams, error.ErrorCode);
    }

    [Theory]
    [InlineData("""{"textDocument":5,"position":"here"}""")]
    [InlineData("""{"textDocument":{"uri":"file:///templates/x.md"},"position":{"line":"one","character":0}}""")]
    [InlineData("""{"textDocument":{"uri":"file:///templates/x.md"},"position":{"line":4294967296,"character":0}}""")]
    public async Task RequestsWithParametersOfTheWrongTypeGetAnErrorResponse(string parameters)
    {
        var error = await Assert.ThrowsAnyAsync<RemoteRpcException>(
            () => _client.RequestAsync<JsonElement>("textDocument/hover", JsonNode.Parse(parameters)!));

        // StreamJsonRpc answers arguments it cannot deserialize with InvocationError; InvalidParams would do as well.
        Assert.Contains(error.ErrorCode, new JsonRpcErrorCode?[] { JsonRpcErrorCode.InvalidParams, JsonRpcErrorCode.InvocationError });
    }

    [Theory]
    [InlineData("textDocument/didOpen", """{"textDocument":"file:///templates/x.md"}""")]
    [InlineData("textDocument/didChange", """{"textDocument":{"uri":7},"contentChanges":{}}""")]
    [InlineData("textDocument/didClose", """{}""")]
    [InlineData("workspace/didChangeConfiguration", """{"settings":{"tonelsp":{"rules":["TONE001"],"enable":"maybe"}}}""")]
    public async Task NotificationsWithWrongParametersAreIgnored(string method, string parameters)
    {
        await _client.NotifyAsync(method, JsonNode.Parse(parameters)!);
        await _client.SyncAsync();

        Assert.Empty(_client.Server.Workspace.Documents);
        Assert.True(_client.Server.Workspace.Settings.Enable);
    }

    [Fact]
    public async Task UnknownRequestsGetMethodNotFound()
    {
        var error = await Assert.ThrowsAnyAsync<RemoteRpcException>(
            () => _client.RequestAsync<JsonElement>("textDocument/noSuchMethod", new JsonObject()));

        Assert.Equal(JsonRpcErrorCode.MethodNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task ChangesPastTheEndOfALineOrTheDocumentClampToThoseEnds()
    {
        string uri = Samples.Uri("far-changes");
        await _client.OpenAndWaitAsync(uri, "Zeile eins\nZeile zwei\n");

        await _client.ChangeAsync(
            uri,
            2,
            new TextDocumentContentChangeEvent(At(1, int.MaxValue), null, " Ende"),
            new TextDocumentContentChangeEvent(At(1_000_000, 5), null, Samples.GermanCondescension));
        PublishDiagnosticsParams published = await _client.WaitForDiagnosticsAsync(uri, 2);

        Assert.Equal("Zeile eins\nZeile zwei Ende\n" + Samples.GermanCondescension, _client.ServerText(uri));
        Assert.Equal(2, Assert.Single(published.Diagnostics).Range.Start.Line);
    }

    [Fact]
    public async Task RequestsWithPositionsFarOutOfRangeAreAnsweredSensibly()
    {
        string uri = Samples.Uri("far-requests");
        await _client.OpenAndWaitAsync(uri, Samples.Clean + Samples.GermanCondescension);

        Hover? pastTheLine = await _client.HoverAsync(uri, new Position(0, int.MaxValue));
        Hover? pastTheDocument = await _client.HoverAsync(uri, new Position(int.MaxValue, int.MaxValue));
        CodeAction[] everything = await _client.CodeActionsAsync(uri, new Protocol.Range(new Position(0, 0), new Position(int.MaxValue, int.MaxValue)));
        CodeAction[] onLineTwoAndBeyond = await _client.CodeActionsAsync(uri, new Protocol.Range(new Position(1, 3), new Position(1, int.MaxValue)));

        Assert.Null(pastTheLine);
        Assert.Null(pastTheDocument);
        Assert.Contains(everything, a => a.IsPreferred == true && a.Title.Contains("Kurz zusammengefasst", StringComparison.Ordinal));
        Assert.Contains(everything, a => a.Kind == "source.fixAll.tonelsp");
        Assert.Contains(onLineTwoAndBeyond, a => a.IsPreferred == true);
    }

    [Fact]
    public async Task ChangesAndRequestsForDocumentsThatAreNotOpenAreIgnored()
    {
        string uri = Samples.Uri("never-opened");
        int mark = _client.LogMessages.Count;

        await _client.ReplaceAsync(uri, 2, Samples.GermanCondescension);
        Hover? hover = await _client.HoverAsync(uri, new Position(0, 1));
        CodeAction[] actions = await _client.CodeActionsAsync(uri, new Protocol.Range(new Position(0, 0), new Position(0, 5)));

        Assert.Null(hover);
        Assert.Empty(actions);
        Assert.Null(_client.ServerText(uri));
        LogMessageParams warning = await _client.LogMessages.WaitForAsync(m => m.Message.Contains(uri, StringComparison.Ordinal), "a warning naming the document", mark);
        Assert.Equal(MessageType.Warning, warning.Type);
    }

    [Fact]
    public async Task ATwoMegabyteDocumentIsAnalysedAndEditable()
    {
        string uri = Samples.Uri("two-megabytes");
        var document = new EditedDocument(LargeDocuments.CleanParagraphs(2 * 1024 * 1024) + Samples.GermanCondescension);

        Diagnostic finding = Assert.Single(await _client.OpenAndWaitAsync(uri, document.Text));
        Assert.Equal(ClientText.RangeOf(document.Text, Samples.GermanCondescensionPhrase), finding.Range);

        Hover? hover = await _client.HoverAsync(uri, finding.Range.Start);
        Assert.NotNull(hover);

        await _client.ChangeAsync(uri, 2, document.Replace(Samples.GermanCondescensionPhrase, "Kurz zusammengefasst"));
        Assert.Empty((await _client.WaitForDiagnosticsAsync(uri, 2)).Diagnostics);
        Assert.Equal(document.Text, _client.ServerText(uri));
    }

    private static Protocol.Range At(int line, int character) => new(new Position(line, character), new Position(line, character));
}

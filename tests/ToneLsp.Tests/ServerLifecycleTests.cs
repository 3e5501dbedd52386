using System.Text.Json;
using System.Text.Json.Nodes;
using StreamJsonRpc;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>The initialize handshake, capability negotiation, and the shutdown and exit sequence.</summary>
public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task InitializeAnnouncesTheServerCapabilities()
    {
        await using LspTestClient client = LspTestClient.StartUninitialized();

        JsonElement result = await client.InitializeAsync(ClientSetup.Minimal);

        JsonElement capabilities = result.GetProperty("capabilities");
        Assert.Equal("utf-16", capabilities.GetProperty("positionEncoding").GetString());
        JsonElement sync = capabilities.GetProperty("textDocumentSync");
        Assert.True(sync.GetProperty("openClose").GetBoolean());
        Assert.Equal(TextDocumentSyncKind.Incremental, sync.GetProperty("change").GetInt32());
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        string[] kinds = [.. capabilities.GetProperty("codeActionProvider").GetProperty("codeActionKinds").EnumerateArray().Select(k => k.GetString()!)];
        Assert.Contains("quickfix", kinds);
        Assert.Contains("source.fixAll.tonelsp", kinds);
        Assert.False(capabilities.TryGetProperty("diagnosticProvider", out _), "A client without pull diagnostics gets pushed diagnostics only.");
        Assert.Equal("tonelsp", result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("serverInfo").GetProperty("version").GetString()));
    }

    [Fact]
    public async Task InitializeChoosesUtf8WhenTheClientOffersIt()
    {
        await using LspTestClient client = LspTestClient.StartUninitialized();

        JsonElement result = await client.InitializeAsync(new ClientSetup { OffersUtf8 = true });

        Assert.Equal("utf-8", result.GetProperty("capabilities").GetProperty("positionEncoding").GetString());
    }

    [Fact]
    public async Task InitializeAnnouncesPullDiagnosticsWhenTheClientSupportsThem()
    {
        await using LspTestClient client = LspTestClient.StartUninitialized();

        JsonElement result = await client.InitializeAsync(new ClientSetup { PullDiagnostics = true });

        JsonElement provider = result.GetProperty("capabilities").GetProperty("diagnosticProvider");
        Assert.True(provider.GetProperty("interFileDependencies").GetBoolean());
        Assert.True(provider.GetProperty("workspaceDiagnostics").GetBoolean());
    }

    // "Hallo 😀 Jürgen! " is 17 UTF-16 code units but 20 UTF-8 bytes: the emoji takes 2 units or 4 bytes, the ü 1 unit or 2 bytes.
    // "Wie bereits erwähnt," is 20 code units and 21 bytes.
    [Theory]
    [InlineData(false, 17, 37)]
    [InlineData(true, 20, 41)]
    public async Task DiagnosticRangesUseTheNegotiatedEncoding(bool utf8, int expectedStart, int expectedEnd)
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { OffersUtf8 = utf8 });
        string text = "Hallo 😀 Jürgen! " + Samples.GermanCondescension;

        Diagnostic[] diagnostics = await client.OpenAndWaitAsync(Samples.Uri("encoding"), text);

        Diagnostic finding = Assert.Single(diagnostics);
        Assert.Equal(new Protocol.Range(new Position(0, expectedStart), new Position(0, expectedEnd)), finding.Range);
        Assert.Equal(Samples.GermanCondescensionPhrase, ClientText.Slice(text, finding.Range, utf8));
    }

    [Fact]
    public async Task ShutdownThenExitEndsTheServerWithExitCodeZero()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAndWaitAsync(Samples.Uri("bye"), Samples.GermanCondescension);

        int exitCode = await client.ShutdownAndExitAsync();

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task ExitWithoutShutdownEndsTheServerWithExitCodeOne()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        int exitCode = await client.ExitAsync();

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task RequestsBeforeInitializeAreRejectedWithServerNotInitialized()
    {
        await using LspTestClient client = LspTestClient.StartUninitialized();

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(
            () => client.HoverAsync(Samples.Uri("early"), new Position(0, 0)));

        Assert.Equal(LspErrorCodes.ServerNotInitialized, error.ErrorCode);

        // The rejected request leaves the server ready for a normal start.
        JsonElement result = await client.InitializeAsync(ClientSetup.Minimal);
        Assert.Equal(JsonValueKind.Object, result.GetProperty("capabilities").ValueKind);
        Assert.Single(await client.OpenAndWaitAsync(Samples.Uri("early"), Samples.GermanCondescension));
    }

    [Fact]
    public async Task StatusNotificationsReportLanguageAndAddressForms()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { StatusNotifications = true });
        string uri = Samples.Uri("status");

        await client.OpenAsync(uri, Samples.CustomerMirror, version: 3);
        DocumentStatusParams status = await client.Statuses.WaitForAsync(s => s.Uri == uri && s.Version == 3, "the status of the opened document");
        PublishDiagnosticsParams published = await client.WaitForDiagnosticsAsync(uri, 3);

        Assert.Equal(new DocumentStatusParams(uri, 3, "de", "sie", "du", "du", status.Findings, "de", $"Anrede: Sie · {status.Findings} {(status.Findings == 1 ? "Befund" : "Befunde")}",
            status.Register, status.CustomerRegister), status);
        Assert.Contains(status.Register, new[] { "formal", "neutral", "casual" });
        Assert.Contains(status.CustomerRegister, new[] { "formal", "neutral", "casual" });
        Assert.Equal(published.Diagnostics.Count(d => d.Severity != 4), status.Findings);
        Assert.Contains(published.Diagnostics, d => d.Code == "TONE003");
    }

    [Fact]
    public async Task UnknownNotificationsAreIgnored()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "verbose" });
        await client.NotifyAsync("tonelsp/unknownNotification", new JsonObject());

        Assert.Single(await client.OpenAndWaitAsync(Samples.Uri("after-unknown"), Samples.GermanCondescension));
    }
}

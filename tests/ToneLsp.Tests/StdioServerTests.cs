using System.Text.Json;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>The real executable over standard input and output, as an editor starts it.</summary>
public sealed class StdioServerTests
{
    [Fact]
    public async Task TheExecutableServesAnEditingSessionAndWritesOnlyFramesToStdout()
    {
        await using ServerProcess server = ServerProcess.Start();
        RawLspConnection connection = server.Connection;

        JsonElement initialized = await connection.InitializeAsync();
        Assert.Equal("utf-16", initialized.GetProperty("capabilities").GetProperty("positionEncoding").GetString());

        string uri = Samples.Uri("stdio");
        string text = "Hallo Jürgen,\n\n" + Samples.GermanCondescension;
        JsonElement published = await connection.OpenAndWaitAsync(uri, text);
        Diagnostic finding = RawLspConnection.Read<Diagnostic>(Assert.Single(published.GetProperty("diagnostics").EnumerateArray()));
        Assert.Equal("TONE001", finding.Code);
        Assert.Equal(Samples.GermanCondescensionPhrase, ClientText.Slice(text, finding.Range));

        JsonElement hover = RawLspConnection.Result(await connection.RequestAsync("textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), finding.Range.Start)));
        Assert.Contains("TONE001", hover.GetProperty("contents").GetProperty("value").GetString());

        CodeAction[] actions = RawLspConnection.Read<CodeAction[]>(RawLspConnection.Result(await connection.RequestAsync(
            "textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), finding.Range, new CodeActionContext([finding], null, null)))));
        CodeAction preferred = Assert.Single(actions, a => a.IsPreferred == true);
        string fixedText = ClientText.ApplyEdits(text, preferred.Edit!.Changes![uri]);
        Assert.Equal("Hallo Jürgen,\n\n" + Samples.GermanCondescensionFixed, fixedText);
        await connection.NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(
            new VersionedTextDocumentIdentifier(uri, 2), [new TextDocumentContentChangeEvent(null, null, fixedText)]));
        Assert.Empty((await connection.WaitForDiagnosticsAsync(uri, 2)).GetProperty("diagnostics").EnumerateArray());

        int mark = connection.Messages.Count;
        await connection.SendRawAsync("garbage that is not a frame\r\n\r\n");
        Assert.Equal(-32700, RawLspConnection.ErrorCode(await connection.WaitForErrorWithNullIdAsync(mark)));
        await connection.AssertStillServesAsync();

        Assert.Equal(JsonValueKind.Null, RawLspConnection.Result(await connection.RequestAsync("shutdown")).ValueKind);
        await connection.NotifyAsync("exit");
        Assert.Equal(0, await server.WaitForExitAsync());

        await connection.ReaderCompletion.WaitAsync(TestTimeouts.Default);
        Assert.Empty(connection.ProtocolViolations);
        Assert.Contains("Initialized for", server.StandardError);
    }

    [Fact]
    public async Task TheExecutableExitsWithCodeOneWhenTheClientGoesAwayWithoutShutdown()
    {
        await using ServerProcess server = ServerProcess.Start();
        await server.Connection.InitializeAsync();

        await server.Connection.DisposeAsync();

        Assert.Equal(1, await server.WaitForExitAsync());
        Assert.Empty(server.Connection.ProtocolViolations);
    }
}

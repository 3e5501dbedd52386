using System.Text.Json;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>du/Sie conversion through the server: code actions, the code lens, and the convert command.</summary>
public sealed class ServerConversionTests
{
    private const string InformalReply = "Hallo Jana,\n\ndanke für deine Nachricht! Kannst du uns deine Bestellnummer per DM schicken?\n";
    private const string FormalReply = "Hallo Jana,\n\ndanke für Ihre Nachricht! Können Sie uns Ihre Bestellnummer per DM schicken?\n";

    [Fact]
    public async Task CodeActionsConvertTheSentenceTheParagraphAndTheWholeReply()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("convert-actions");
        await client.OpenAndWaitAsync(uri, InformalReply);
        var cursor = new Protocol.Range(new Position(2, 40), new Position(2, 40));

        CodeAction[] actions = await client.CodeActionsAsync(uri, cursor, only: ["refactor"]);

        Assert.All(actions, a => Assert.Equal("refactor.rewrite", a.Kind));
        Assert.Equal(
            ["Diesen Satz in Sie umwandeln", "Diesen Absatz in Sie umwandeln", "Ganze Antwort in Sie umwandeln"],
            actions.Select(a => a.Title));
        CodeAction sentence = actions[0];
        Assert.Equal("Hallo Jana,\n\ndanke für deine Nachricht! Können Sie uns Ihre Bestellnummer per DM schicken?\n",
            ClientText.ApplyEdits(InformalReply, sentence.Edit!.Changes![uri]));
        Assert.Equal(FormalReply, ClientText.ApplyEdits(InformalReply, actions[2].Edit!.Changes![uri]));
    }

    [Fact]
    public async Task TheCodeLensShowsTheFormsAndOffersTheConversion()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("convert-lens");
        await client.OpenAndWaitAsync(uri, "> Können Sie mir helfen?\n\n" + InformalReply);

        CodeLens[] lenses = await client.RequestAsync<CodeLens[]>("textDocument/codeLens", new CodeLensParams(new TextDocumentIdentifier(uri)));

        Assert.Equal(3, lenses.Length);
        Assert.Equal("Anrede: du · Kundin/Kunde: Sie", lenses[0].Command!.Title);
        Assert.Equal("In Sie umwandeln", lenses[1].Command!.Title);
        Assert.Equal(Commands.ConvertDocument, lenses[1].Command!.CommandName);
        Assert.Equal(2, lenses[0].Range.Start.Line);
        Assert.StartsWith("Tonlage: ", lenses[2].Command!.Title, StringComparison.Ordinal);
        Assert.EndsWith(" · Kundin/Kunde: neutral", lenses[2].Command!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConversionTheEditorRefusesGetsAPlainErrorAndTheServerServesOn()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        client.RefuseEdits = "the document is read-only";
        string uri = Samples.Uri("convert-refused");
        await client.OpenAndWaitAsync(uri, InformalReply);

        var error = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(() => client.RequestAsync<JsonElement>("workspace/executeCommand",
            new ExecuteCommandParams(Commands.ConvertDocument, [JsonSerializer.SerializeToElement(uri), JsonSerializer.SerializeToElement("sie")])));

        Assert.Equal(-32803, error.ErrorCode);
        Assert.Contains("did not apply the conversion", error.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.ErrorData?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Single(await client.OpenAndWaitAsync(Samples.Uri("after-refusal"), Samples.GermanCondescension));
    }

    [Fact]
    public async Task TheConvertCommandAppliesTheEditThroughTheClient()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("convert-command");
        await client.OpenAndWaitAsync(uri, InformalReply);

        await client.RequestAsync<JsonElement>("workspace/executeCommand",
            new ExecuteCommandParams(Commands.ConvertDocument, [JsonSerializer.SerializeToElement(uri), JsonSerializer.SerializeToElement("sie")]));

        ApplyWorkspaceEditParams applied = await client.AppliedEdits.WaitForAsync(_ => true, "the conversion edit");
        Assert.Equal(FormalReply, ClientText.ApplyEdits(InformalReply, applied.Edit.Changes![uri]));
    }

    [Fact]
    public async Task AnUnknownCommandIsAnInvalidParamsError()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        // StreamJsonRpc surfaces the InvalidParams code (-32602) as a RemoteMethodNotFoundException.
        var error = await Assert.ThrowsAnyAsync<StreamJsonRpc.RemoteRpcException>(() =>
            client.RequestAsync<JsonElement>("workspace/executeCommand", new ExecuteCommandParams("tonelsp.nope", null)));
        Assert.Contains("tonelsp.convertDocument", error.Message, StringComparison.Ordinal);
        await client.AssertStillServesAsync();
    }

    [Fact]
    public async Task EnglishRepliesGetNoConversion()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("convert-english");
        await client.OpenAndWaitAsync(uri, "Thanks for your message! Could you DM us your order number?\n");
        CodeAction[] actions = await client.CodeActionsAsync(uri, new Protocol.Range(new Position(0, 5), new Position(0, 5)), only: ["refactor"]);
        CodeLens[] lenses = await client.RequestAsync<CodeLens[]>("textDocument/codeLens", new CodeLensParams(new TextDocumentIdentifier(uri)));
        Assert.Empty(actions);
        Assert.Empty(lenses);
    }
}

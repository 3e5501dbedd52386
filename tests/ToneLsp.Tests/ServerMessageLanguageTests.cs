using System.Text.Json.Nodes;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>The server speaks the template's language, or the one the settings choose; the editor's locale decides where the template does not.</summary>
public sealed class ServerMessageLanguageTests
{
    private const string German = "Wie bereits erwähnt, ist die Lieferung unterwegs.\n";

    [Fact]
    public async Task AGermanTemplateGetsGermanDiagnosticsHoverAndQuickFixes()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { Locale = "en-US" });
        string uri = Samples.Uri("german-messages");

        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(uri, German));
        CodeAction[] actions = await client.CodeActionsAsync(uri, finding.Range, [finding]);
        Hover? hover = await client.RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 3)));

        Assert.Equal("„Wie bereits erwähnt,“ spricht von oben herab", finding.Message);
        Assert.Contains(actions, a => a.Title == "Umformulieren zu „Kurz zusammengefasst“");
        Assert.Contains(actions, a => a.Title == "TONE001 für diese Zeile deaktivieren");
        Assert.Contains("Herablassende Formulierung", hover!.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("*Vorschlag:* Umformulieren zu „Kurz zusammengefasst“", hover.Contents.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMessagesSettingWinsOverTheTemplatesLanguage()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { Locale = "de-DE" });
        string uri = Samples.Uri("english-messages");
        Assert.Single(await client.OpenAndWaitAsync(uri, German));

        int before = client.PublishedDiagnostics.Count;
        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"tonelsp":{"messages":"en"}}}""")!);
        Diagnostic finding = Assert.Single((await client.WaitForDiagnosticsAsync(uri, 1, d => d.Length == 1, since: before)).Diagnostics);

        Assert.Equal("“Wie bereits erwähnt,” talks down to the reader", finding.Message);
    }

    [Theory]
    [InlineData("de-AT", "Diese Unterdrückung unterdrückt nichts mehr")]
    [InlineData("en", "This suppression no longer suppresses anything")]
    public async Task ATemplateWithoutWordsSpeaksTheEditorsLanguage(string locale, string expected)
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { Locale = locale });
        string uri = Samples.Uri("no-words-" + locale);

        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(uri, "<!-- tonelsp-disable-next-line -->\n{{vorname}}\n"));

        Assert.Equal(expected, finding.Message);
    }
}

using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>Quick fixes, suppressions and fix-all as code actions, and hovers that explain findings.</summary>
public sealed class ServerCodeActionAndHoverTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ThePreferredQuickFixRemovesTheFinding(bool utf8)
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { OffersUtf8 = utf8 });
        string uri = Samples.Uri("quickfix");
        string text = "Hallo Jürgen 👋,\n\n" + Samples.GermanCondescension;
        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(uri, text));

        CodeAction[] actions = await client.CodeActionsAsync(uri, finding.Range, [finding]);

        CodeAction preferred = Assert.Single(actions, a => a.IsPreferred == true);
        Assert.Equal("quickfix", preferred.Kind);
        Assert.Equal("TONE001", Assert.Single(preferred.Diagnostics!).Code);
        string fixedText = ClientText.ApplyEdits(text, preferred.Edit!.Changes![uri], utf8);
        Assert.Equal("Hallo Jürgen 👋,\n\n" + Samples.GermanCondescensionFixed, fixedText);

        await client.ReplaceAsync(uri, 2, fixedText);
        Assert.Empty((await client.WaitForDiagnosticsAsync(uri, 2)).Diagnostics);
    }

    [Fact]
    public async Task EveryFindingOffersToDisableItsRuleForTheLine()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("disable-line");
        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(uri, Samples.GermanCondescension));

        CodeAction[] actions = await client.CodeActionsAsync(uri, finding.Range, [finding], only: ["quickfix"]);

        CodeAction disable = Assert.Single(actions, a => a.Title == "TONE001 für diese Zeile deaktivieren");
        Assert.Equal("quickfix", disable.Kind);
        Assert.Null(disable.IsPreferred);
        string suppressed = ClientText.ApplyEdits(Samples.GermanCondescension, disable.Edit!.Changes![uri]);
        Assert.Equal("Wie bereits erwähnt, ist die Antwort im Hilfebereich. <!-- tonelsp-disable-line TONE001 -->\n", suppressed);

        await client.ReplaceAsync(uri, 2, suppressed);
        Assert.Empty((await client.WaitForDiagnosticsAsync(uri, 2)).Diagnostics);
    }

    [Fact]
    public async Task AFindingInTheFrontMatterOffersNoSuppressionThatWouldBreakTheYaml()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("front-matter");
        string text = "---\naddress: ihr\n---\n" + Samples.GermanCondescension;
        Diagnostic[] diagnostics = await client.OpenAndWaitAsync(uri, text);
        Diagnostic template = Assert.Single(diagnostics, d => d.Code == "TONE100");
        Assert.Equal(1, template.Range.Start.Line);

        CodeAction[] actions = await client.CodeActionsAsync(uri, template.Range, [template], only: ["quickfix"]);

        Assert.DoesNotContain(actions, a => a.Title.StartsWith("TONE100 für", StringComparison.Ordinal));
        Diagnostic prose = Assert.Single(diagnostics, d => d.Code == "TONE001");
        Assert.Contains(await client.CodeActionsAsync(uri, prose.Range, [prose], only: ["quickfix"]), a => a.Title == "TONE001 für diese Zeile deaktivieren");
    }

    [Fact]
    public async Task FixAllRewritesEveryFindingAtOnce()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("fix-all");
        string text = Samples.GermanCondescension + "\n" + Samples.GermanCondescensionAgain;
        Diagnostic[] findings = await client.OpenAndWaitAsync(uri, text);
        Assert.Equal(2, findings.Length);
        var everything = new Protocol.Range(new Position(0, 0), ClientText.ToPosition(text, text.Length));

        // Editors ask for the parent kind on save; the server's kind is a sub-kind of it.
        CodeAction[] actions = await client.CodeActionsAsync(uri, everything, only: ["source.fixAll"]);

        CodeAction fixAll = Assert.Single(actions);
        Assert.Equal("source.fixAll.tonelsp", fixAll.Kind);
        string fixedText = ClientText.ApplyEdits(text, fixAll.Edit!.Changes![uri]);
        // The second place gets the next rewrite: fix-all does not write the same opener twice.
        Assert.Equal(Samples.GermanCondescensionFixed + "\nNoch einmal in Kürze: Die Antwort steht in der Hilfe.\n", fixedText);

        await client.ReplaceAsync(uri, 2, fixedText);
        Assert.Empty((await client.WaitForDiagnosticsAsync(uri, 2)).Diagnostics);
    }

    [Fact]
    public async Task CodeActionsOutsideAFindingOfferNoQuickFix()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("no-action");
        string text = Samples.Clean + "\n" + Samples.GermanCondescension;
        await client.OpenAndWaitAsync(uri, text);

        CodeAction[] actions = await client.CodeActionsAsync(uri, ClientText.RangeOf(text, "Feedback"), only: ["quickfix"]);

        Assert.Empty(actions);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HoverOnAFindingExplainsTheRuleInMarkdown(bool utf8)
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { OffersUtf8 = utf8 });
        string uri = Samples.Uri("hover");
        string text = "Grüße 😀! " + Samples.GermanCondescension;
        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(uri, text));

        Hover? hover = await client.HoverAsync(uri, ClientText.RangeOf(text, "erwähnt", utf8).Start);

        Assert.NotNull(hover);
        Assert.Equal("markdown", hover.Contents.Kind);
        Assert.Contains("**TONE001", hover.Contents.Value);
        Assert.Contains("Kurz zusammengefasst", hover.Contents.Value);
        Assert.Equal(finding.Range, hover.Range);
    }

    [Fact]
    public async Task HoverOnTheCustomersMessageShowsItsRegister()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("hover-customer");
        string text = "> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nGuten Tag, wir rufen Sie heute an.\n";
        await client.OpenAndWaitAsync(uri, text);

        Hover? hover = await client.HoverAsync(uri, ClientText.RangeOf(text, "Rückruf").Start);

        Assert.NotNull(hover);
        // The template is German, so the hover is too (messages: auto).
        Assert.Contains("**Die Kundin oder der Kunde schreibt förmlich**", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("„ich bitte um“", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("Die Antwort klingt neutral.", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Equal(0, hover.Range!.Start.Line);
    }

    [Fact]
    public async Task HoverAwayFromFindingsReturnsNothing()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("no-hover");
        string text = Samples.Clean + "\n" + Samples.GermanCondescension;
        await client.OpenAndWaitAsync(uri, text);

        Assert.Null(await client.HoverAsync(uri, ClientText.RangeOf(text, "Feedback").Start));
    }
}

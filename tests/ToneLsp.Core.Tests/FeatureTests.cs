using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Features;
using ToneLsp.Core.Snippets;

namespace ToneLsp.Core.Tests;

/// <summary>What the editor shows, computed in the core: the outline, the hover explanation, team snippets.</summary>
public class FeatureTests
{
    [Fact]
    public void TheOutlineNestsSectionsByLevelAndLeavesOutTheQuotedMessage()
    {
        const string text = "# Versand\n\nText.\n\n## Verspätung\n\nMehr.\n\n> # Kunde\n\n# Rückgabe\n\nEnde.\n";
        var document = TemplateDocument.Parse(text);

        IReadOnlyList<OutlineSection> outline = Outline.Of(document);

        Assert.Equal(["Versand", "Rückgabe"], outline.Select(s => s.Name));
        OutlineSection delay = Assert.Single(outline[0].Children);
        Assert.Equal("Verspätung", delay.Name);
        Assert.Equal("## Verspätung\n\nMehr.\n\n> # Kunde", text[delay.Range.Start..delay.Range.End]);
        Assert.Equal(text.IndexOf("# Rückgabe", StringComparison.Ordinal), outline[1].Heading.Start);
    }

    [Fact]
    public void TheExplanationNamesTheRuleWhyAndThePreferredFix()
    {
        var english = ToneOptions.Default with { Messages = MessageChoice.English };
        AnalysisResult result = ToneEngine.Default.Analyze("Wie bereits erwähnt, ist die Lieferung unterwegs.\n", english);
        var findings = Explanation.At(result, 3);

        string markdown = Explanation.Markdown(ToneEngine.Default, result, findings);

        Assert.Equal("TONE001", Assert.Single(findings).Id);
        Assert.StartsWith("**TONE001 · condescension** — Condescending phrase", markdown);
        Assert.Contains(findings[0].Descriptor.HelpText(Language.English), markdown);
        Assert.Contains("*For example:* " + findings[0].Descriptor.English.Example, markdown);
        Assert.Contains("*Suggested:* Rewrite as “Kurz zusammengefasst”", markdown);
        Assert.Empty(Explanation.At(result, 40));
    }

    [Fact]
    public void AGermanTemplateIsExplainedInGermanUnderAuto()
    {
        AnalysisResult result = ToneEngine.Default.Analyze("Wie bereits erwähnt, ist die Lieferung unterwegs.\n");
        var findings = Explanation.At(result, 3);

        string markdown = Explanation.Markdown(ToneEngine.Default, result, findings);

        Assert.Equal("„Wie bereits erwähnt,“ spricht von oben herab", Assert.Single(findings).Message);
        Assert.StartsWith("**TONE001 · condescension** — Herablassende Formulierung", markdown);
        Assert.Contains(findings[0].Descriptor.HelpText(Language.German), markdown);
        Assert.Contains("*Zum Beispiel:* Kurz zusammengefasst:", markdown);
        Assert.Contains("*Vorschlag:* Umformulieren zu „Kurz zusammengefasst“", markdown);
    }

    [Fact]
    public void ASnippetFileGivesItsPrefixDescriptionAndBody()
    {
        Snippet snippet = Snippet.FromFile("/repo/snippets/gruss.md", "---\nprefix: tschuess\ndescription: Closing\nlanguage: de\n---\nViele Grüße\n{{agent}}\n");
        Snippet unnamed = Snippet.FromFile("/repo/snippets/dm.md", "Schick uns eine Direktnachricht.\n");

        Assert.Equal(("tschuess", "Closing", "Viele Grüße\n{{agent}}"), (snippet.Prefix, snippet.Description, snippet.Body));
        Assert.Equal(("dm", "Team snippet"), (unnamed.Prefix, unnamed.Description));
    }
}

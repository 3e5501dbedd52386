using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Tests;

/// <summary>A sentence rewrite replaces the framing and keeps what the sentence says; fix-all does not repeat a rewrite.</summary>
public class RewriteContentTests
{
    private const string Rules = """
        phrases:
          - match: "(reg dich|regen Sie sich) [doch] nicht [so] auf"
            scope: sentence
            rewrite: "Wir verstehen den Ärger."
            lang: de
            message: dismissive
          - match: "(hättest du|hätten Sie) die FAQ gelesen"
            scope: sentence
            rewrite: "Das steht auch in unseren FAQ."
            lang: de
            message: condescending
          - match: "[das ist] doch [eigentlich] selbsterklärend"
            scope: sentence
            rewrite: "Wir erklären es gern Schritt für Schritt."
            lang: de
            message: condescending
          - match: "it's not rocket science"
            scope: sentence
            rewrite: "Here's how it works."
            lang: en
            message: condescending
          - match: "wie bereits erwähnt [,]"
            rewrite: ["Kurz zusammengefasst", "Noch einmal in Kürze"]
            lang: de
            message: repeated
        """;

    private static string Fix(string text, Language language)
    {
        var (configuration, errors) = ConfigurationParser.Parse(Rules, ".tonelsp.yaml");
        Assert.Empty(errors);
        var options = new ToneOptions { Configuration = configuration };
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, language), options);
        ToneDiagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal));
        CodeFix fix = Assert.Single(ToneEngine.Default.GetFixes(result, diagnostic), f => f.IsPreferred);
        return result.Document.Source.ApplyEdits(fix.Edits);
    }

    [Theory]
    [InlineData("Reg dich nicht so auf, dein Paket kommt morgen.", "Dein Paket kommt morgen. Wir verstehen den Ärger.")]
    [InlineData("Hätten Sie die FAQ gelesen, wüssten Sie, dass der Versand drei Tage dauert.", "Der Versand dauert drei Tage. Das steht auch in unseren FAQ.")]
    [InlineData("Hättest du die FAQ gelesen, wüsstest du, dass das Paket erst am Montag ankommt.", "Das Paket kommt erst am Montag an. Das steht auch in unseren FAQ.")]
    [InlineData("Hätten Sie die FAQ gelesen, wüssten Sie, dass Sie den Code bis {{datum}} einlösen können.", "Sie können den Code bis {{datum}} einlösen. Das steht auch in unseren FAQ.")]
    [InlineData("Das ist doch eigentlich selbsterklärend: Klicke auf „Passwort vergessen“.", "Klicke auf „Passwort vergessen“. Wir erklären es gern Schritt für Schritt.")]
    [InlineData("Hättest du die FAQ gelesen, wüsstest du das.", "Das steht auch in unseren FAQ.")]
    [InlineData("Dein Paket kommt morgen, also reg dich nicht so auf.", "Dein Paket kommt morgen. Wir verstehen den Ärger.")]
    public void GermanFramingGoesAndTheFactsStay(string text, string expected) => Assert.Equal(expected, Fix(text, Language.German));

    [Theory]
    [InlineData("It's not rocket science: back up your photos before updating.", "Back up your photos before updating. Here's how it works.")]
    [InlineData("It's not rocket science.", "Here's how it works.")]
    public void EnglishFramingGoesAndTheFactsStay(string text, string expected) => Assert.Equal(expected, Fix(text, Language.English));

    [Fact]
    public void FixAllDoesNotWriteTheSameRewriteTwice()
    {
        var (configuration, _) = ConfigurationParser.Parse(Rules, ".tonelsp.yaml");
        var options = new ToneOptions { Configuration = configuration };
        const string text = "Wie bereits erwähnt, ist der Versand kostenlos.\n\nWie bereits erwähnt, kommt das Paket morgen.\n";
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, Language.German), options);
        string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixAllEdits(result));
        Assert.Equal("Kurz zusammengefasst ist der Versand kostenlos.\n\nNoch einmal in Kürze kommt das Paket morgen.\n", fixedText);
    }

    [Theory]
    [InlineData("Das klappt, wie bereits erwähnt, nur mit der neuen App.", "Das klappt nur mit der neuen App.")]
    [InlineData("Der Versand ist, wie bereits erwähnt, kostenlos.", "Der Versand ist kostenlos.")]
    public void AnOpenerInsideASentenceGoesWithItsCommas(string text, string expected) => Assert.Equal(expected, Fix(text, Language.German));

    [Fact]
    public void ADependentClauseWithAFactIsNotLostWithItsFraming()
    {
        var (configuration, _) = ConfigurationParser.Parse(Rules, ".tonelsp.yaml");
        var options = new ToneOptions { Configuration = configuration };
        const string text = "Hätten Sie die FAQ gelesen, die seit dem 3. Mai online ist, wüssten Sie das.";
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, Language.German), options);
        ToneDiagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal));
        Assert.DoesNotContain(ToneEngine.Default.GetFixes(result, diagnostic), f => f.Title.StartsWith("Rewrite", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Das Paket ist unterwegs 🙄.", "Das Paket ist unterwegs.")]
    [InlineData("Das steht in der FAQ. 🙄", "Das steht in der FAQ.")]
    public void RemovingAMarkLeavesNoSpaceBeforePunctuation(string text, string expected)
    {
        var (configuration, _) = ConfigurationParser.Parse("phrases:\n  - match: \"🙄\"\n    rewrite: \"\"\n    message: eye roll\n", ".tonelsp.yaml");
        var options = new ToneOptions { Configuration = configuration };
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, Language.German), options);
        ToneDiagnostic roll = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal));
        CodeFix fix = Assert.Single(ToneEngine.Default.GetFixes(result, roll), f => f.IsPreferred);
        Assert.Equal(expected, result.Document.Source.ApplyEdits(fix.Edits).TrimEnd());
    }

    private static string FixBuiltIn(string text, Language language, string ruleId)
    {
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, language), new ToneOptions());
        ToneDiagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == ruleId);
        CodeFix fix = Assert.Single(ToneEngine.Default.GetFixes(result, diagnostic), f => f.IsPreferred);
        return result.Document.Source.ApplyEdits(fix.Edits);
    }

    [Theory]
    [InlineData("Na toll, das Paket ist wieder nicht da.", "Das Paket ist wieder nicht da.")]
    [InlineData("Das Paket ist da. Na toll, jetzt fehlt die Rechnung.", "Das Paket ist da. Jetzt fehlt die Rechnung.")]
    public void ARemovedOpenerTakesItsCommaAndHandsOnTheCapital(string text, string expected) =>
        Assert.Equal(expected, FixBuiltIn(text, Language.German, "TONE005"));

    [Theory]
    [InlineData("Wow, danke für dein super hilfreiches Feedback.", Language.German, "Danke für dein Feedback.")]
    [InlineData("Oh wow, thanks for the super helpful feedback.", Language.English, "Thanks for your feedback.")]
    public void ASarcasmRewriteTakesTheInterjectionThatOpensIt(string text, Language language, string expected) =>
        Assert.Equal(expected, FixBuiltIn(text, language, "TONE005"));

    [Fact]
    public void FixAllPutsAnInsertionBeforeADeletionThatStartsAtTheSamePlace()
    {
        // A hostile customer: the reply gets an acknowledgement inserted where "Na super" is deleted.
        const string text = "> Ihr seid alle unfähig!!!\n\nNa super 🙄 Wie bereits erwähnt, kommt das Paket morgen.\n";
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, Language.German), new ToneOptions());
        IReadOnlyList<Text.TextEdit> edits = ToneEngine.Default.GetFixAllEdits(result);

        Assert.Contains(edits, e => e.Span.Length == 0 && edits.Any(d => d.Span.Start == e.Span.Start && d.Span.Length > 0));
        Assert.Equal(edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End), edits);
        for (int i = 1; i < edits.Count; i++)
        {
            Assert.True(edits[i - 1].Span.End <= edits[i].Span.Start, $"{edits[i - 1].Span} overlaps {edits[i].Span}");
        }

        Assert.Equal("> Ihr seid alle unfähig!!!\n\nDanke, dass du dich meldest – das ist wirklich ärgerlich. Kurz zusammengefasst kommt das Paket morgen. " +
                     "Melde dich gern, wenn wir noch etwas für dich tun können.\n", result.Document.Source.ApplyEdits(edits));
    }
}

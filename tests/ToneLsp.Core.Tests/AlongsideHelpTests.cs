using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>
/// A channel named beside help given in the reply is an offer (TONE006 as a hint), named instead of it a redirect (a
/// warning): the cases in <c>TestData/help/alongside-help.cases</c>, and the rule key that asks for it.
/// </summary>
public class AlongsideHelpTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "help", "alongside-help.cases");
        string? expected = null;
        var text = new List<string>();
        foreach (string line in File.ReadAllLines(path).Append("== end"))
        {
            if (line.StartsWith("==", StringComparison.Ordinal))
            {
                if (expected is not null)
                {
                    data.Add(expected, string.Join("\n", text).Trim() + "\n");
                }

                expected = line[2..].Trim();
                text.Clear();
            }
            else if (expected is not null)
            {
                text.Add(line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheRedirectIsAWarningOnlyWhereTheReplyGivesNoHelp(string expected, string document)
    {
        var redirects = ToneEngine.Default.Analyze(document).Diagnostics.Where(d => d.Id == "TONE006").ToList();

        // A channel offered in so many words ("auch", "bei Fragen …") is no finding at all; what is found is a hint.
        if (expected == "hint")
        {
            Assert.All(redirects, d => Assert.Equal(DiagnosticSeverity.Hint, d.Severity));
        }
        else
        {
            Assert.NotEmpty(redirects);
            Assert.All(redirects, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        }
    }

    [Fact]
    public void AHintSaysWhyItIsMilder()
    {
        var result = ToneEngine.Default.Analyze("Wir haben die Bestellung storniert. Wende dich für die Rechnung an unseren Kundenservice.\n");

        ToneDiagnostic redirect = Assert.Single(result.Diagnostics, d => d.Id == "TONE006");
        Assert.Contains("hilft auch selbst", redirect.Message);
    }

    [Fact]
    public void AConfiguredSeverityWinsOverTheMilderOne()
    {
        var options = new ToneOptions { Rules = new Dictionary<string, RuleSetting> { ["TONE006"] = RuleSetting.Error } };
        var result = ToneEngine.Default.Analyze("Wir haben die Bestellung storniert. Wende dich für die Rechnung an unseren Kundenservice.\n", options);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(result.Diagnostics, d => d.Id == "TONE006").Severity);
    }

    [Fact]
    public void AnUnknownSeverityForTheKeyIsAnErrorWithItsLine()
    {
        const string yaml = "id: TONE900\ncategory: test\nseverity: warning\nalongsideHelp: quiet\n" +
            "title: {en: T, de: T}\nmessage: {en: \"{0}\", de: \"{0}\"}\nhelp: {en: H, de: H}\nexample: {en: E, de: E}\n" +
            "phrases:\n  - lang: de\n    match: Hotline\n    flag: [Ruf die Hotline an.]\n";

        var (_, errors) = LexiconLoader.Parse(yaml, "test.yaml");

        LexiconError error = Assert.Single(errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("alongsideHelp", error.Message);
    }

    [Fact]
    public void ATeamPhraseMayBeMilderAlongsideHelpToo()
    {
        var errors = new List<LexiconError>();
        var node = new YamlDotNet.RepresentationModel.YamlStream();
        node.Load(new StringReader("match: Servicewüste\nmessage: Kein Ort für Kunden\nalongsideHelp: information\n"));

        LexiconRule? rule = LexiconLoader.ParseTeamRule(node.Documents[0].RootNode, ".tonelsp.yaml", errors);

        Assert.Empty(errors);
        Assert.Equal(DiagnosticSeverity.Information, rule?.AlongsideHelp);
    }
}

/// <summary>What counts as help of the reply's own, one sentence at a time (nothing excluded).</summary>
public class ReplyHelpTests
{
    [Theory]
    [InlineData("Wir haben den Betrag eben storniert.", Documents.Language.German)]
    [InlineData("Die Karte wurde gesperrt, damit niemand mehr damit zahlen kann.", Documents.Language.German)]
    [InlineData("Tippe in der App auf „Profil“ und dann auf „Zahlungsarten“.", Documents.Language.German)]
    [InlineData("Öffnen Sie die Einstellungen und wählen Sie „Konto“.", Documents.Language.German)]
    [InlineData("Dein Paket kommt am Freitag.", Documents.Language.German)]
    [InlineData("Die Störung ist seit heute Morgen behoben.", Documents.Language.German)]
    [InlineData("We've refunded the delivery fee.", Documents.Language.English)]
    [InlineData("Your claim has been approved.", Documents.Language.English)]
    [InlineData("Go to Settings and tap Reset.", Documents.Language.English)]
    [InlineData("The money arrives within 3 working days.", Documents.Language.English)]
    public void AFactAStepOrSomethingDoneIsHelp(string sentence, Documents.Language language) =>
        Assert.True(ReplyHelp.HelpsOutside(Documents.TemplateDocument.ParseAs(sentence + "\n", language), []));

    [Theory]
    [InlineData("Vielen Dank für deine Nachricht.", Documents.Language.German)]
    [InlineData("Das tut uns wirklich leid.", Documents.Language.German)]
    [InlineData("Wir helfen dir gern weiter.", Documents.Language.German)]
    [InlineData("Wir kümmern uns gern darum.", Documents.Language.German)]
    [InlineData("Dort kann man dir sicher weiterhelfen.", Documents.Language.German)]
    [InlineData("Das können wir hier leider nicht klären.", Documents.Language.German)]
    [InlineData("Die Kontaktdaten findest du im Impressum.", Documents.Language.German)]
    [InlineData("Unsere Hotline erreichst du unter 0800 123 456.", Documents.Language.German)]
    [InlineData("Wir haben Ihr Anliegen geprüft.", Documents.Language.German)]
    [InlineData("Thanks so much for reaching out to us.", Documents.Language.English)]
    [InlineData("We're not able to look into this here.", Documents.Language.English)]
    [InlineData("They will be able to sort it out for you.", Documents.Language.English)]
    [InlineData("Viele Grüße aus Hamburg", Documents.Language.German)]
    public void ThanksOffersPointersAndRefusalsAreNoHelp(string sentence, Documents.Language language) =>
        Assert.False(ReplyHelp.HelpsOutside(Documents.TemplateDocument.ParseAs(sentence + "\n", language), []));

    [Fact]
    public void AClauseThatAMatchTouchesDoesNotCount()
    {
        var document = Documents.TemplateDocument.Parse("Wir haben den Betrag storniert.\n");

        Assert.False(ReplyHelp.HelpsOutside(document, [new Text.TextSpan(0, 3)]));
    }
}

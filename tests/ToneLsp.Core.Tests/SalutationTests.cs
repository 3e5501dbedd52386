using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

/// <summary>
/// Greetings and closings through every path that writes them: the du/Sie conversion, the address-form rule's fix
/// (TONE013) and the tonality fix (TONE024), with the built-in salutations and with the team's.
/// </summary>
public class SalutationTests
{
    private const string TeamNeutral = "brand:\n  salutations:\n    de:\n      neutral: { greeting: Guten Tag, closing: Beste Grüße }\n";

    [Theory]
    [InlineData("Sehr geehrte Kundin, sehr geehrter Kunde,", "Hallo,")]
    [InlineData("Sehr geehrte Frau Roth,", "Hallo Frau Roth,")]
    [InlineData("Sehr geehrter Herr Roth, sehr geehrte Frau Roth,", "Hallo Herr Roth, hallo Frau Roth,")]
    [InlineData("Sehr geehrte Damen und Herren,", "Hallo,")]
    public void TheConversionToDuWritesANaturalGreeting(string formal, string expected)
    {
        string text = formal + "\n\nvielen Dank für Ihre Nachricht.\n\nMit freundlichen Grüßen\n";
        Assert.Equal(expected + "\n\nvielen Dank für deine Nachricht.\n\nViele Grüße\n", Convert(text, AddressForm.Du));
    }

    [Theory]
    [InlineData("Hey ihr Lieben,", "Hallo,")]
    [InlineData("Hey Anna,", "Hallo Anna,")]
    [InlineData("Hey zusammen,", "Hallo zusammen,")]
    public void TheConversionToSieDropsAnInformalPluralRecipient(string casual, string expected)
    {
        string text = casual + "\n\ndanke für eure Nachricht! Wir melden uns bei euch.\n\nLG\n";
        Assert.Equal(expected + "\n\ndanke für Ihre Nachricht! Wir melden uns bei Ihnen.\n\nViele Grüße\n", Convert(text, AddressForm.Sie));
    }

    [Fact]
    public void TheTonalityFixTowardAFormalCustomerDropsAnInformalPluralRecipient()
    {
        const string text = "> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nHey ihr Lieben, klar, wir rufen Sie an.\n\nLG\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text);
        Assert.Equal("> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nGuten Tag, klar, wir rufen Sie an.\n\nMit freundlichen Grüßen\n", FixAll(result));
    }

    [Theory]
    [InlineData("Hallo,")]
    [InlineData("Hallo Frau Roth,")]
    public void TheConversionBackToSieKeepsANeutralGreeting(string neutral)
    {
        string text = neutral + "\n\nvielen Dank für deine Nachricht.\n\nViele Grüße\n";
        Assert.Equal(neutral + "\n\nvielen Dank für Ihre Nachricht.\n\nViele Grüße\n", Convert(text, AddressForm.Sie));
    }

    [Theory]
    [InlineData("Sehr geehrte Kundin, sehr geehrter Kunde,", "Hallo,")]
    [InlineData("Sehr geehrte Frau Roth,", "Hallo Frau Roth,")]
    public void TheGreetingRulesFixWritesTheSameGreeting(string formal, string expected)
    {
        string text = "---\naddress: du\n---\n" + formal + "\n\ndanke für deine Nachricht!\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text);
        Assert.Contains(result.Diagnostics, d => d.Id == "TONE013");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TONE024");
        Assert.Equal("---\naddress: du\n---\n" + expected + "\n\ndanke für deine Nachricht!\n", FixAll(result));
    }

    [Theory]
    [InlineData("Sehr geehrte Kundin, sehr geehrter Kunde,", "Hallo,")]
    [InlineData("Sehr geehrte Frau Roth,", "Hallo Frau Roth,")]
    public void TheTonalityFixTowardANeutralCustomerWritesTheSameGreeting(string formal, string expected)
    {
        string text = "> Hallo, wann kommt meine Rechnung?\n\n" + formal + "\n\nwir schicken dir die Rechnung heute.\n\nMit freundlichen Grüßen\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text);
        ToneDiagnostic mismatch = Assert.Single(result.Diagnostics, d => d.Id == "TONE024");
        string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixes(result, mismatch)[0].Edits);
        Assert.Equal("> Hallo, wann kommt meine Rechnung?\n\n" + expected + "\n\nwir schicken dir die Rechnung heute.\n\nViele Grüße\n", fixedText);
    }

    [Theory]
    [InlineData("Hallo Frau Roth,", "Sehr geehrte Frau Roth,")]
    [InlineData("Hallo Herr Roth,", "Sehr geehrter Herr Roth,")]
    [InlineData("Hallo,", "Guten Tag,")]
    [InlineData("Hey Frau Roth,", "Sehr geehrte Frau Roth,")]
    public void TheTonalityFixTowardAFormalCustomerGoesBack(string neutral, string expected)
    {
        string text = "> Sehr geehrte Damen und Herren, ich bitte um die Rechnung. Mit freundlichen Grüßen\n\n" + neutral + "\n\nwir schicken Ihnen die Rechnung heute zu.\n\nViele Grüße\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text);
        ToneDiagnostic mismatch = Assert.Single(result.Diagnostics, d => d.Id == "TONE024");
        string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixes(result, mismatch)[0].Edits);
        Assert.StartsWith("> Sehr geehrte Damen und Herren, ich bitte um die Rechnung. Mit freundlichen Grüßen\n\n" + expected + "\n\n", fixedText, StringComparison.Ordinal);
        Assert.EndsWith("\n\nMit freundlichen Grüßen\n", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConversionUsesTheTeamsNeutralSalutationsFromTheConfiguration()
    {
        ToneOptions options = Configured(TeamNeutral);
        TemplateDocument document = TemplateDocument.ParseAs("Sehr geehrte Frau Weber,\n\nvielen Dank für Ihre Nachricht.\n\nMit freundlichen Grüßen\n", Language.German);
        ConversionOptions conversion = new AnalysisInput(document, options).Options.Conversion;
        string converted = document.Source.ApplyEdits(AddressFormConverter.ConvertDocument(document, AddressForm.Du, conversion));
        Assert.Equal("Guten Tag Frau Weber,\n\nvielen Dank für deine Nachricht.\n\nBeste Grüße\n", converted);
    }

    [Fact]
    public void TheGreetingRuleUsesTheTeamsSalutations()
    {
        ToneOptions options = Configured(TeamNeutral);
        const string text = "---\naddress: du\n---\nSehr geehrte Frau Weber,\n\ndanke für deine Nachricht!\n\nMit freundlichen Grüßen\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text, options);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "TONE013"));
        Assert.Equal("---\naddress: du\n---\nGuten Tag Frau Weber,\n\ndanke für deine Nachricht!\n\nBeste Grüße\n", FixAll(result));
    }

    [Fact]
    public void TheWholeReplyConversionFixUsesTheTeamsSalutations()
    {
        ToneOptions options = Configured(TeamNeutral + "  address: du\n");
        const string text = "Sehr geehrte Frau Weber,\n\nvielen Dank für Ihre Nachricht.\n\nMit freundlichen Grüßen\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text, options);
        ToneDiagnostic mirror = Assert.Single(result.Diagnostics, d => d.Id == "TONE003");
        CodeFix whole = Assert.Single(ToneEngine.Default.GetFixes(result, mirror), f => f.EquivalenceKey == "convert-document:du");
        Assert.Equal("Guten Tag Frau Weber,\n\nvielen Dank für deine Nachricht.\n\nBeste Grüße\n", result.Document.Source.ApplyEdits(whole.Edits));
    }

    [Fact]
    public void ATeamSalutationThatClashesWithTheFormOfAddressIsNotWritten()
    {
        // The team writes "Sehr geehrte … Mit freundlichen Grüßen" to formal customers, but the brand says du: the fix
        // writes a formal greeting and closing that fit du, so that TONE013 does not flag what TONE024's fix wrote.
        ToneOptions options = Configured("brand:\n  address: du\n  salutations:\n    de:\n      formal: { greeting: Sehr geehrte, closing: Mit freundlichen Grüßen }\n");
        const string text = "> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nHey Frau Roth, klar, wir rufen dich an!!\n\nLG\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text, options);
        ToneDiagnostic mismatch = Assert.Single(result.Diagnostics, d => d.Id == "TONE024");
        string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixes(result, mismatch)[0].Edits);
        Assert.EndsWith("\n\nGuten Tag Frau Roth, klar, wir rufen dich an!\n\nFreundliche Grüße\n", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain(ToneEngine.Default.Analyze(fixedText, options).Diagnostics, d => d.Id == "TONE013");
    }

    [Fact]
    public void AGreetingThatMissesBothTheFormAndTheRegisterIsOneFinding()
    {
        const string text = "> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nHey Frau Roth, klar, wir rufen Sie an.\n\nLG\n";
        int hey = text.IndexOf("Hey", StringComparison.Ordinal);
        AnalysisResult result = ToneEngine.Default.Analyze(text);
        ToneDiagnostic only = Assert.Single(result.Diagnostics, d => d.Span.Start <= hey && hey < d.Span.End);
        Assert.Equal("TONE024", only.Id);

        // Its fix writes what fits both Sie and the formal register; fix-all is safe and leaves neither finding.
        string expected = "> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nSehr geehrte Frau Roth, klar, wir rufen Sie an.\n\nMit freundlichen Grüßen\n";
        Assert.Equal(expected, result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixes(result, only)[0].Edits));
        IReadOnlyList<TextEdit> all = ToneEngine.Default.GetFixAllEdits(result);
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(pair.First.Span.End <= pair.Second.Span.Start));
        Assert.Equal(expected, result.Document.Source.ApplyEdits(all));
        Assert.DoesNotContain(ToneEngine.Default.Analyze(expected).Diagnostics, d => d.Id is "TONE013" or "TONE024");
    }

    [Fact]
    public void TheOneFindingSaysBothAndKeepsTheMoreSevereLevel()
    {
        // The reply is one step from the customer (a hint), and its greeting misses du (a warning).
        const string text = "> Hallo, wie kann ich kündigen? Kannst du mir helfen?\n\nSehr geehrte Kundin, sehr geehrter Kunde,\n\nvielen Dank für deine Nachricht.\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TONE013");
        ToneDiagnostic mismatch = Assert.Single(result.Diagnostics, d => d.Id == "TONE024");
        Assert.Equal(DiagnosticSeverity.Warning, mismatch.Severity);
        Assert.EndsWith("; „Sehr geehrte Kundin, sehr geehrter Kunde“ passt auch nicht zu einer Antwort mit du", mismatch.Message, StringComparison.Ordinal);
        Assert.Equal("> Hallo, wie kann ich kündigen? Kannst du mir helfen?\n\nHallo,\n\nvielen Dank für deine Nachricht.\n", FixAll(result));

        AnalysisResult english = ToneEngine.Default.Analyze(text, new ToneOptions { Messages = MessageChoice.English });
        Assert.EndsWith("; “Sehr geehrte Kundin, sehr geehrter Kunde” does not fit a reply that says du either", Assert.Single(english.Diagnostics, d => d.Id == "TONE024").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheTonalityRuleOffTheGreetingRuleStillReportsTheGreeting()
    {
        const string text = "> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nHey Frau Roth, klar, wir rufen Sie an.\n\nLG\n";
        var options = new ToneOptions { Rules = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase) { ["TONE024"] = RuleSetting.Off } };
        AnalysisResult result = ToneEngine.Default.Analyze(text, options);
        ToneDiagnostic greeting = Assert.Single(result.Diagnostics, d => d.Id == "TONE013" && result.Document.Source.Slice(d.Span) == "Hey");

        // Without the finding that mirrors the customer, its fix still writes the greeting of the customer's register.
        string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixes(result, greeting)[0].Edits);
        Assert.Contains("\n\nSehr geehrte Frau Roth, klar", fixedText, StringComparison.Ordinal);
    }

    private static string Convert(string text, AddressForm target)
    {
        TemplateDocument document = TemplateDocument.ParseAs(text, Language.German);
        return document.Source.ApplyEdits(AddressFormConverter.ConvertDocument(document, target));
    }

    private static string FixAll(AnalysisResult result) => result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixAllEdits(result));

    private static ToneOptions Configured(string yaml)
    {
        var (configuration, errors) = ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        Assert.Empty(errors);
        return configuration.Apply(new ToneOptions(), "reply.md");
    }
}

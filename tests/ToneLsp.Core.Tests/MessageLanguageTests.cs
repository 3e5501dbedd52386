using System.Reflection;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>Every text exists in German and English with the same placeholders, and the message language is chosen as documented.</summary>
public sealed class MessageLanguageTests
{
    /// <summary>Every rule of the engine: phrase rules, code rules and the engine's own (TONE020, TONE021, TONE022, TONE100).</summary>
    public static TheoryData<string> RuleIds() => [.. ToneEngine.Default.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRuleSaysEverythingInBothLanguagesWithTheSamePlaceholders(string id)
    {
        DiagnosticDescriptor descriptor = ToneEngine.Default.FindDescriptor(id)!;
        foreach (RuleTexts texts in new[] { descriptor.English, descriptor.German })
        {
            Assert.False(string.IsNullOrWhiteSpace(texts.Title), $"{id}: title");
            Assert.False(string.IsNullOrWhiteSpace(texts.MessageFormat), $"{id}: message");
            Assert.False(string.IsNullOrWhiteSpace(texts.HelpText), $"{id}: help");
            Assert.False(string.IsNullOrWhiteSpace(texts.Example), $"{id}: example");
        }

        Assert.Equal(LexiconLoader.Placeholders(descriptor.English.MessageFormat), LexiconLoader.Placeholders(descriptor.German.MessageFormat));
        Assert.NotEqual(descriptor.English.Title, descriptor.German.Title);
        Assert.NotEqual(descriptor.English.HelpText, descriptor.German.HelpText);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void GermanMessagesQuoteWithGermanMarksAndEnglishOnesWithEnglishMarks(string id)
    {
        DiagnosticDescriptor descriptor = ToneEngine.Default.FindDescriptor(id)!;
        Assert.DoesNotContain("“{", descriptor.German.MessageFormat, StringComparison.Ordinal);
        Assert.DoesNotContain("„", descriptor.English.MessageFormat, StringComparison.Ordinal);
    }

    /// <summary>Every text of the core's catalogue.</summary>
    public static TheoryData<string> CatalogueTexts() =>
        [.. typeof(Messages).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(LocalText)).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(CatalogueTexts))]
    public void EveryCatalogueTextHasBothLanguagesWithTheSamePlaceholders(string name)
    {
        var text = (LocalText)typeof(Messages).GetField(name)!.GetValue(null)!;
        Assert.False(string.IsNullOrWhiteSpace(text.En), name);
        Assert.False(string.IsNullOrWhiteSpace(text.De), name);
        Assert.Equal(LexiconLoader.Placeholders(text.En), LexiconLoader.Placeholders(text.De));
    }

    [Fact]
    public void TheGoodExampleOfAPhraseRuleIsNotFlaggedByItsOwnRule()
    {
        foreach (LexiconRule rule in LexiconLoader.BuiltIn)
        {
            foreach (var (example, language) in new[] { (rule.Descriptor.English.Example, Language.English), (rule.Descriptor.German.Example, Language.German) })
            {
                AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(example, language));
                Assert.DoesNotContain(result.Diagnostics, d => d.Id == rule.Descriptor.Id);
            }
        }
    }

    [Fact]
    public void AGermanTemplateGetsGermanMessagesAndFixesUnderAuto()
    {
        AnalysisResult result = ToneEngine.Default.Analyze("Wie bereits erwähnt, ist die Lieferung unterwegs.\n");

        ToneDiagnostic finding = Assert.Single(result.Diagnostics, d => d.Id == "TONE001");
        Assert.Equal(Language.German, result.Input.MessageLanguage);
        Assert.Equal("„Wie bereits erwähnt,“ spricht von oben herab", finding.Message);
        Assert.Equal("Umformulieren zu „Kurz zusammengefasst“", ToneEngine.Default.GetFixes(result, finding)[0].Title);
    }

    [Fact]
    public void AnEnglishTemplateGetsEnglishMessagesUnderAuto()
    {
        AnalysisResult result = ToneEngine.Default.Analyze("As I already explained, the parcel is on its way.\n");

        ToneDiagnostic finding = Assert.Single(result.Diagnostics, d => d.Id == "TONE001");
        Assert.Equal(Language.English, result.Input.MessageLanguage);
        Assert.StartsWith("“As I already explained", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("” talks down to the reader", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitChoiceWinsOverTheTemplatesLanguage()
    {
        var english = ToneOptions.Default with { Messages = MessageChoice.English };
        AnalysisResult result = ToneEngine.Default.Analyze("Wie bereits erwähnt, ist die Lieferung unterwegs.\n", english);

        ToneDiagnostic finding = Assert.Single(result.Diagnostics, d => d.Id == "TONE001");
        Assert.Equal("“Wie bereits erwähnt,” talks down to the reader", finding.Message);
        Assert.Equal("Rewrite as “Kurz zusammengefasst”", ToneEngine.Default.GetFixes(result, finding)[0].Title);
    }

    [Fact]
    public void TheConfigurationsChoiceAppliesUnderAutoAndTheChannelsBeatsTheBrands()
    {
        const string yaml = "brand:\n  messages: en\nchannels:\n  instagram:\n    messages: de\n";
        var (configuration, errors) = ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        Assert.Empty(errors);
        const string english = "As I already explained, the parcel is on its way.\n";

        ToneOptions options = configuration.Apply(ToneOptions.Default, "x.md");
        Assert.Equal(Language.English, ToneEngine.Default.Analyze("Wie bereits erwähnt, ist die Lieferung unterwegs.\n", options).Input.MessageLanguage);
        Assert.Equal(Language.German, ToneEngine.Default.Analyze("---\nchannel: instagram\n---\n" + english, options).Input.MessageLanguage);

        // The host's explicit choice (the editor setting, --messages) wins over the file.
        var host = options with { Messages = MessageChoice.English };
        Assert.Equal(Language.English, ToneEngine.Default.Analyze("---\nchannel: instagram\n---\n" + english, host).Input.MessageLanguage);
    }

    [Fact]
    public void AnUnknownMessagesValueIsAnErrorWithItsLine()
    {
        var (_, errors) = ConfigurationParser.Parse("brand:\n  address: du\n  messages: fr\n", ".tonelsp.yaml");

        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("brand.messages: 'fr' is not allowed; use auto, de, en.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnyLanguageInTheTemplateTheHostsFallbackThenEnglishApplies()
    {
        const string noWords = "{{vorname}}\n";
        Assert.Equal(Language.English, ToneEngine.Default.Analyze(noWords).Input.MessageLanguage);
        Assert.Equal(Language.German, ToneEngine.Default.Analyze(noWords, ToneOptions.Default with { FallbackMessages = Language.German }).Input.MessageLanguage);

        // A template's front matter language is known, whatever the fallback.
        Assert.Equal(Language.German, ToneEngine.Default.Analyze("---\nlanguage: de\n---\n" + noWords, ToneOptions.Default with { FallbackMessages = Language.English }).Input.MessageLanguage);
    }

    [Theory]
    [InlineData("de", Language.German)]
    [InlineData("de-AT", Language.German)]
    [InlineData("de_DE.UTF-8", Language.German)]
    [InlineData("en-US", Language.English)]
    [InlineData("en", Language.English)]
    [InlineData("fr-FR", null)]
    [InlineData("C.UTF-8", null)]
    [InlineData("dev", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ALocaleNamesItsLanguage(string? locale, Language? expected) => Assert.Equal(expected, Messages.FromLocale(locale));

    [Fact]
    public void ArgumentWordsOfAddressFormMessagesAreLocalisedToo()
    {
        const string mixed = "---\naddress: sie\n---\nHallo, kannst du uns Ihre Bestellnummer schicken? Wir helfen Ihnen gern.\n";
        AnalysisResult german = ToneEngine.Default.Analyze(mixed);
        AnalysisResult english = ToneEngine.Default.Analyze(mixed, ToneOptions.Default with { Messages = MessageChoice.English });

        Assert.Contains(german.Diagnostics, d => d.Id == "TONE002" && d.Message == "„du“ steht in der Du-Form, die Antwort verwendet aber die Sie-Form, wie es das Front Matter verlangt");
        Assert.Contains(english.Diagnostics, d => d.Id == "TONE002" && d.Message == "“du” is informal (du), but this reply addresses the reader with formal (Sie) as its front matter asks");
        ToneDiagnostic finding = german.Diagnostics.First(d => d.Id == "TONE002");
        Assert.Contains(ToneEngine.Default.GetFixes(german, finding), f => f.Title == "Ganze Antwort in Sie umwandeln");
    }

    [Fact]
    public void ATeamPhraseMaySayItsMessageInBothLanguages()
    {
        const string yaml = "phrases:\n  - match: \"Kunde ist König\"\n    message: {en: \"Not our voice\", de: \"Nicht unser Ton\"}\n  - match: \"Smart Home Box\"\n    message: Schreib SmartHome-Box\n";
        var (configuration, errors) = ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        Assert.Empty(errors);
        ToneOptions options = configuration.Apply(ToneOptions.Default, "x.md");
        const string text = "Bei uns ist der Kunde ist König, und die Smart Home Box kommt morgen.\n";

        AnalysisResult german = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, Language.German), options);
        AnalysisResult english = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, Language.German), options with { Messages = MessageChoice.English });

        Assert.Equal(["Nicht unser Ton", "Schreib SmartHome-Box"], german.Diagnostics.Where(d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal)).Select(d => d.Message));
        Assert.Equal(["Not our voice", "Schreib SmartHome-Box"], english.Diagnostics.Where(d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal)).Select(d => d.Message));

        var (_, broken) = ConfigurationParser.Parse("phrases:\n  - match: x\n    message: {en: only English}\n", ".tonelsp.yaml");
        Assert.Contains(broken, e => e.Line == 3 && e.Message.Contains("needs a non-empty text for both 'en' and 'de'", StringComparison.Ordinal));
    }

    [Fact]
    public void ALexiconFileWithATextInOneLanguageOnlyIsAnError()
    {
        const string yaml = "id: TONE901\ncategory: condescension\nseverity: warning\ntitle: t\nmessage: {en: \"{0} x\", de: \"y\"}\nhelp: {en: h}\nexample: {en: e, de: e, fr: e}\nphrases: []\n";

        var (rule, errors) = LexiconLoader.Parse(yaml, "one-language.yaml");

        Assert.Null(rule);
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("Key 'title' must be a mapping with 'en' and 'de'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("placeholders of 'message' differ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Message.Contains("needs a non-empty text for both 'en' and 'de'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("Unknown key 'fr'", StringComparison.Ordinal));
    }
}

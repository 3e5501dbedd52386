using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

public class ConfigurationTests
{
    private const string BrandWithTwoChannels = """
        brand:
          language: de
          address: mirror
          humor: false
          emoji: avoid
        channels:
          instagram:
            address: du
            emoji: allowed
            paths: ["social/instagram/**"]
          email:
            address: sie
            emoji: forbidden
            greeting: required
            closing: required
        rules:
          condescension: error
          TONE014: off
        phrases:
          - match: "[der] Kunde ist König"
            message: "Wir sprechen nicht von Königen"
            replace: "Kundinnen und Kunden stehen bei uns im Mittelpunkt"
            lang: de
        accept:
          - "wie bereits erwähnt"
        exclude: ["drafts/**"]
        """;

    [Fact]
    public void ParsesAFullConfigurationWithoutErrors()
    {
        var (configuration, errors) = ConfigurationParser.Parse(BrandWithTwoChannels, ".tonelsp.yaml");
        Assert.Empty(errors);
        Assert.Equal(AddressPreference.Mirror, configuration.Brand.Address);
        Assert.Equal(2, configuration.Channels.Count);
        Assert.Equal(RuleSetting.Error, configuration.Rules["condescension"]);
        Assert.Equal(LexiconLoader.TeamRuleId("[der] Kunde ist König", "de"), Assert.Single(configuration.TeamRules).Descriptor.Id);
        Assert.False(configuration.Includes("drafts/neu.md"));
        Assert.True(configuration.Includes("social/instagram/dank.md"));
    }

    [Theory]
    [InlineData("brand:\n  adress: du\n", 2, "did you mean 'address'")]
    [InlineData("brand:\n  address: ihr\n", 2, "'ihr' is not allowed")]
    [InlineData("rules:\n  TONE001: loud\n", 2, "not a severity")]
    [InlineData("channels:\n  email:\n    greeting: sometimes\n", 3, "required or optional")]
    [InlineData("phrases:\n  - match: \"(kaputt\"\n    message: x\n", 2, "Invalid pattern")]
    [InlineData("brand: [du\n", 2, "Not valid YAML")]
    [InlineData("colour: blue\n", 1, "Unknown key 'colour'")]
    public void ErrorsNameTheLine(string yaml, int line, string message)
    {
        var (_, errors) = ConfigurationParser.Parse(yaml, "repo/.tonelsp.yaml");
        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("repo/.tonelsp.yaml:" + line + ":", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenPartDoesNotDisableTheRest()
    {
        var (configuration, errors) = ConfigurationParser.Parse("brand:\n  address: ihr\nrules:\n  TONE001: off\n", "c.yaml");
        Assert.Single(errors);
        Assert.Equal(RuleSetting.Off, configuration.Rules["TONE001"]);
    }

    [Fact]
    public void NearerConfigurationsWin()
    {
        var (outer, _) = ConfigurationParser.Parse("brand:\n  address: sie\n  humor: true\nrules:\n  sarcasm: error\n  TONE001: off\n", "outer");
        var (inner, _) = ConfigurationParser.Parse("brand:\n  address: du\nrules:\n  TONE001: warning\n", "inner");
        ToneConfiguration merged = ToneConfiguration.Merge([inner, outer]);
        Assert.Equal(AddressPreference.Du, merged.Brand.Address);
        Assert.True(merged.Brand.Humor);
        Assert.Equal(RuleSetting.Error, merged.Rules["sarcasm"]);
        Assert.Equal(RuleSetting.Warning, merged.Rules["TONE001"]);
    }

    [Fact]
    public void ChannelComesFromFrontMatterOrPath()
    {
        var (configuration, _) = ConfigurationParser.Parse(BrandWithTwoChannels, "c");
        Assert.Equal("email", configuration.FindChannel("email", "social/instagram/x.md")?.Name);
        Assert.Equal("instagram", configuration.FindChannel(null, "social/instagram/x.md")?.Name);
        Assert.Null(configuration.FindChannel(null, "other/x.md"));
    }

    [Fact]
    public void ChannelAddressFormIsMirroredWhenTheCustomerIsSilent()
    {
        var (configuration, _) = ConfigurationParser.Parse(BrandWithTwoChannels, "c");
        ToneOptions options = configuration.Apply(ToneOptions.Default, "social/instagram/dank.md");
        AnalysisResult result = ToneEngine.Default.Analyze("Vielen Dank für Ihre Nachricht, wir melden uns bei Ihnen.", options);
        Assert.Contains(result.Diagnostics, d => d.Id == "TONE003");
        Assert.Equal(AddressForm.Du, result.Input.TargetAddress);
    }

    [Fact]
    public void TeamPhrasesAreFoundAndFixed()
    {
        var (configuration, _) = ConfigurationParser.Parse(BrandWithTwoChannels, "c");
        ToneOptions options = configuration.Apply(ToneOptions.Default, "x.md");
        AnalysisResult result = ToneEngine.Default.Analyze("Bei uns gilt: Der Kunde ist König.", options);
        ToneDiagnostic team = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal));
        Assert.Equal("team", team.Category);
        CodeFix fix = Assert.Single(ToneEngine.Default.GetFixes(result, team));
        Assert.Equal("Bei uns gilt: Kundinnen und Kunden stehen bei uns im Mittelpunkt.", result.Document.Source.ApplyEdits(fix.Edits));
    }

    [Fact]
    public void ATeamRuleKeepsItsIdWhenPhrasesAreAddedOrReordered()
    {
        const string first = "phrases:\n  - match: \"Kunde ist König\"\n    message: a\n  - match: \"Smart Home Box\"\n    message: b\n";
        const string reordered = "phrases:\n  - match: \"Neu\"\n    message: c\n  - match: \"Smart Home Box\"\n    message: b\n  - match: \"Kunde ist König\"\n    message: a\n";
        var ids = ConfigurationParser.Parse(first, "c").Configuration.TeamRules.ToDictionary(r => r.Descriptor.Title(Language.English), r => r.Descriptor.Id);
        var moved = ConfigurationParser.Parse(reordered, "c").Configuration.TeamRules.ToDictionary(r => r.Descriptor.Title(Language.English), r => r.Descriptor.Id);
        Assert.Equal(ids["a"], moved["a"]);
        Assert.Equal(ids["b"], moved["b"]);
        Assert.NotEqual(ids["a"], ids["b"]);
        Assert.Matches("^TEAM-[0-9A-F]{8}$", ids["a"]);
    }

    [Fact]
    public void ATeamPhraseHasTheSchemaOfTheBuiltInLexicon()
    {
        const string yaml = """
            phrases:
              - match: "<übersehen>"
                message: "Say what happened, not what the reader missed"
                unless: ["wir"]
                flag: ["Sie haben die Mail übersehen."]
                pass: ["Wir haben die Mail übersehen."]
                lang: de
              - match: "Kunde"
                message: "x"
                unles: ["König"]
            """;
        var (configuration, errors) = ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(10, error.Line);
        Assert.Contains("did you mean 'unless'", error.Message);
        LexiconRule rule = configuration.TeamRules[0];
        ToneOptions options = new() { Configuration = configuration };
        Assert.Empty(RuleExamples.Check(ToneEngine.Default, rule, options));
        Assert.Contains(ToneEngine.Default.Analyze("Offenbar übersahen Sie die Mail.", options).Diagnostics, d => d.Id == rule.Descriptor.Id);
    }

    [Fact]
    public void TheReadmeExampleConfigurationLoadsAndItsPhrasesPassTheirOwnExamples()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        int start = readme.IndexOf("```yaml\n# .tonelsp.yaml", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README shows an example .tonelsp.yaml");
        start = readme.IndexOf('\n', start) + 1;
        string yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var (configuration, errors) = ConfigurationParser.Parse(yaml, "README.md");
        Assert.Empty(errors);
        Assert.NotEmpty(configuration.TeamRules);
        var options = new ToneOptions { Configuration = configuration };
        Assert.All(configuration.TeamRules, rule =>
        {
            Assert.All(rule.Phrases, p => Assert.NotEmpty(p.Flag));
            Assert.Empty(RuleExamples.Check(ToneEngine.Default, rule, options));
        });

        // The replacement covers the article, so the sentence stays grammatical.
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs("Bei uns gilt: Der Kunde ist König!", Language.German), options);
        ToneDiagnostic king = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal));
        CodeFix fix = Assert.Single(ToneEngine.Default.GetFixes(result, king), f => f.IsPreferred);
        Assert.Equal("Bei uns gilt: Kundinnen und Kunden stehen bei uns im Mittelpunkt!", result.Document.Source.ApplyEdits(fix.Edits));

        // Inside a sentence a rewrite that starts with a noun keeps its capital.
        result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs("Hallo Jana,\n\nder Kunde ist König.", Language.German), options);
        king = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal));
        fix = Assert.Single(ToneEngine.Default.GetFixes(result, king), f => f.IsPreferred);
        Assert.Equal("Hallo Jana,\n\nKundinnen und Kunden stehen bei uns im Mittelpunkt.", result.Document.Source.ApplyEdits(fix.Edits));
    }

    [Fact]
    public void AcceptedPhrasesAndSeveritiesApply()
    {
        var (configuration, _) = ConfigurationParser.Parse(BrandWithTwoChannels, "c");
        ToneOptions options = configuration.Apply(ToneOptions.Default, "x.md");
        AnalysisResult result = ToneEngine.Default.Analyze("Wie bereits erwähnt, ist das so. Das ist doch eigentlich selbsterklärend.", options);
        ToneDiagnostic only = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, only.Severity);
        Assert.DoesNotContain("erwähnt", result.Document.Source.Slice(only.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void EmailChannelRequiresGreetingAndClosingAndForbidsEmoji()
    {
        var (configuration, _) = ConfigurationParser.Parse(BrandWithTwoChannels, "c");
        ToneOptions options = configuration.Apply(ToneOptions.Default, "mail/x.md");
        AnalysisResult result = ToneEngine.Default.Analyze("---\nchannel: email\n---\nIhre Bestellung ist unterwegs 🙂\n", options);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "TONE018"));
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics, d => d.Id == "TONE017").Severity);
        string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixAllEdits(result));
        Assert.Equal("---\nchannel: email\n---\nGuten Tag,\n\nIhre Bestellung ist unterwegs\n\nViele Grüße\n", fixedText);
        Assert.Empty(ToneEngine.Default.Analyze(fixedText, options).Diagnostics);
    }

    [Fact]
    public void EmojiAreOnlyAHintWhereTheBrandAvoidsThem()
    {
        var (configuration, _) = ConfigurationParser.Parse(BrandWithTwoChannels, "c");
        ToneOptions options = configuration.Apply(ToneOptions.Default, "x.md");
        AnalysisResult result = ToneEngine.Default.Analyze("Danke dir 🙂", options);
        Assert.Equal(DiagnosticSeverity.Hint, Assert.Single(result.Diagnostics, d => d.Id == "TONE017").Severity);
    }

    [Theory]
    [InlineData("**/*.md", "a/b/c.md", true)]
    [InlineData("*.md", "a/b/c.md", true)]
    [InlineData("drafts/**", "drafts/x/y.md", true)]
    [InlineData("drafts/**", "final/drafts.md", false)]
    [InlineData("{de,en}/*.md", "en/x.md", true)]
    [InlineData("de/?.md", "de/ab.md", false)]
    public void GlobsMatchPaths(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new Glob(pattern).IsMatch(path));
    }

    [Fact]
    public void ACatastrophicTeamPatternCannotHangAnalysis()
    {
        string yaml = "phrases:\n  - match: \"" + string.Join(" ", Enumerable.Repeat("(a|a a|a a a)", 10)) + " b\"\n    message: slow\n";
        var (configuration, errors) = ConfigurationParser.Parse(yaml, "c");
        Assert.Empty(errors);
        // Every anchor word occurs, so the prefilter lets the pattern run, but "x" stops it from ever matching.
        string text = string.Join(" ", Enumerable.Repeat("a", 4000)) + " x b";
        AnalysisResult result = ToneEngine.Default.Analyze(text, configuration.Apply(ToneOptions.Default, "x.md"));
        Assert.Contains(result.Failures, f => f.Contains("timed out", StringComparison.OrdinalIgnoreCase));
    }
}

public class PlaceholderTests
{
    [Fact]
    public void APlaceholderThatDiffersFromTheRepositorysIsFlagged()
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal) { ["VORNAME"] = 12, ["BESTELLNUMMER"] = 5, ["VORNAM"] = 1 };
        var options = new ToneOptions { KnownPlaceholders = known };
        AnalysisResult result = ToneEngine.Default.Analyze("Hallo {{VORNAM}}, deine {{BESTELLNUMMER}} ist da.", options);
        ToneDiagnostic typo = Assert.Single(result.Diagnostics);
        Assert.Equal("{{VORNAM}}", result.Document.Source.Slice(typo.Span));
        Assert.Equal("Hallo {{VORNAME}}, deine {{BESTELLNUMMER}} ist da.", result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixAllEdits(result)));
    }

    [Fact]
    public void PlaceholdersAreListedWithTheirNames()
    {
        var document = Documents.TemplateDocument.Parse("Hallo {{ vorname }}, ${order} und %NAME% und [[link]] und {x}.");
        Assert.Equal(["vorname", "order", "NAME", "link", "x"], document.Placeholders.Select(p => p.Name));
    }
}

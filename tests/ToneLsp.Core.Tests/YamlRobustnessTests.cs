using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

/// <summary>Broken and deeply nested YAML in front matter and <c>.tonelsp.yaml</c>: a finding or an error with its line, never an exception.</summary>
public class YamlRobustnessTests
{
    private const string Condescending = "Wie bereits erwähnt, ist die Antwort im Hilfebereich.\n";

    public static TheoryData<string> DeepYaml => new()
    {
        "accept: " + new string('[', 40_000),
        "accept: " + new string('{', 40_000),
        "accept: " + string.Concat(Enumerable.Repeat("[x, ", 40_000)),
        string.Concat(Enumerable.Repeat("- ", 40_000)),
        "accept:\n" + string.Concat(Enumerable.Range(1, 3_000).Select(i => new string(' ', i) + "- b:\n")),
        "accept:\n" + string.Concat(Enumerable.Range(1, 3_000).Select(i => new string(' ', i) + "b:\n")),
    };

    [Fact]
    public void FrontMatterThatMakesYamlDotNetThrowInvalidOperationIsAProblemAndTheTextIsStillChecked()
    {
        AnalysisResult result = ToneEngine.Default.Analyze("---\nx: [\ny: [\n---\n" + Condescending);

        // The template is German, so the problem is reported in German (messages: auto).
        ToneDiagnostic problem = Assert.Single(result.Diagnostics, d => d.Id == "TONE100");
        Assert.Contains("kein gültiges YAML", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Document.Source.GetLineNumber(problem.Span.Start));
        Assert.Contains(result.Diagnostics, d => d.Id == "TONE001" && result.Document.Source.GetLineNumber(d.Span.Start) == 4);
    }

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void DeepFrontMatterIsAProblemAtItsLineAndTheTextIsStillChecked(string yaml)
    {
        AnalysisResult result = ToneEngine.Default.Analyze("---\n" + yaml + "\n---\n" + Condescending);

        ToneDiagnostic problem = Assert.Single(result.Diagnostics, d => d.Id == "TONE100" && d.Message.Contains("tiefer als", StringComparison.Ordinal));
        Assert.Contains($"tiefer als {YamlDepth.Limit} Ebenen", problem.Message, StringComparison.Ordinal);
        Assert.InRange(result.Document.Source.GetLineNumber(problem.Span.Start), 1, YamlDepth.Limit + 2);
        Assert.Contains(result.Diagnostics, d => d.Id == "TONE001");
    }

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void DeepConfigurationIsAnErrorAtItsLineAndTheRestStillApplies(string yaml)
    {
        var (configuration, errors) = ConfigurationParser.Parse(yaml + "\nrules:\n  TONE001: off\n", "repo/.tonelsp.yaml");

        ConfigurationError error = Assert.Single(errors);
        Assert.Contains($"deeper than {YamlDepth.Limit} levels", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 1, YamlDepth.Limit + 2);
        Assert.StartsWith("repo/.tonelsp.yaml:" + error.Line + ":", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(RuleSetting.Off, configuration.Rules["TONE001"]);
    }

    [Fact]
    public void NestingWithinTheLimitIsReadAsBefore()
    {
        string nested = new string('[', YamlDepth.Limit - 2) + "x" + new string(']', YamlDepth.Limit - 2);
        var (configuration, errors) = ConfigurationParser.Parse($"accept: {nested}\nrules:\n  TONE001: off\n", "c.yaml");

        Assert.Contains(errors, e => e.Message.Contains("Each entry of 'accept'", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Message.Contains("deeper than", StringComparison.Ordinal));
        Assert.Equal(RuleSetting.Off, configuration.Rules["TONE001"]);
        Assert.Equal(-1, YamlDepth.FindTooDeep("title: \"[Entwurf] [[x]]\"\n# [siehe [1]]\n" + string.Concat(Enumerable.Repeat("note: '[x]' # [y]\n", 500))));
    }

    [Theory]
    [InlineData("x: [\ny: [\n", 1)]
    [InlineData("rules: {TONE001: off}\nx: [\ny: [\n", 2)]
    public void ConfigurationThatMakesYamlDotNetThrowInvalidOperationIsAnErrorWithItsLine(string yaml, int line)
    {
        var (_, errors) = ConfigurationParser.Parse(yaml, "c.yaml");

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("Not valid YAML", e.Message, StringComparison.Ordinal));
        Assert.Equal(line, errors[0].Line);
    }

    [Fact]
    public void ASyntaxErrorInOneSectionKeepsTheOthers()
    {
        var (configuration, errors) = ConfigurationParser.Parse("rules: {TONE001: off}\nfoo: [1, 2\n", "repo/.tonelsp.yaml");

        Assert.Equal(RuleSetting.Off, configuration.Rules["TONE001"]);
        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("Not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenSectionInTheMiddleIsReportedAtItsOwnLines()
    {
        var (configuration, errors) = ConfigurationParser.Parse("brand:\n  address: du\naccept: [\"a\", \"b\"\n\nrules:\n  TONE001: off\n", "c.yaml");

        Assert.Equal(AddressPreference.Du, configuration.Brand.Address);
        Assert.Equal(RuleSetting.Off, configuration.Rules["TONE001"]);
        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void AKeyTwiceIsAnErrorAtTheSecondAndTheFirstApplies()
    {
        var (configuration, errors) = ConfigurationParser.Parse("rules:\n  TONE001: off\nbrand:\n  address: du\nrules:\n  TONE001: error\n", "c.yaml");

        Assert.Equal(RuleSetting.Off, configuration.Rules["TONE001"]);
        Assert.Equal(AddressPreference.Du, configuration.Brand.Address);
        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  TONE999: off\n", 2, "TONE999")]
    [InlineData("rules:\n  TONE01: off\n", 2, "did you mean 'TONE001'")]
    [InlineData("rules:\n  sarcasme: off\n", 2, "did you mean 'sarcasm'")]
    [InlineData("brand:\n  address: du\nrules: { condescension: error, TONE1000: off }\n", 3, "TONE1000")]
    public void UnknownRuleIdsAreErrorsWithTheirLine(string yaml, int line, string message)
    {
        var (_, errors) = ConfigurationParser.Parse(yaml, "repo/.tonelsp.yaml");

        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("repo/.tonelsp.yaml:" + line + ":", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TONE001")]
    [InlineData("tone014")]
    [InlineData("sarcasm")]
    [InlineData("address-form")]
    [InlineData("team")]
    [InlineData("TEAM-1A2B3C4D")]
    [InlineData("BRAND-PRODUCT")]
    [InlineData("eigene-kategorie")]
    public void KnownRulesCategoriesAndTeamIdsAreNoError(string key)
    {
        var (configuration, errors) = ConfigurationParser.Parse($"rules:\n  {key}: off\n", "c.yaml");

        Assert.Empty(errors);
        Assert.Equal(RuleSetting.Off, configuration.Rules[key]);
    }

    [Fact]
    public void TeamPhraseIdsAndCategoriesOfTheSameFileAreKnown()
    {
        var (_, errors) = ConfigurationParser.Parse(
            "phrases:\n  - id: TONEX-1\n    match: \"Kunde ist König\"\n    message: x\n    category: tonality\nrules:\n  TONEX-1: error\n  tonality: off\n", "c.yaml");

        Assert.Empty(errors);
    }
}

using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Tests;

/// <summary>Runs TestData/analyzers.cases: exact findings, and the text after fix-all.</summary>
public class AnalyzerCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (AnalyzerCase c in AnalyzerCase.Load("analyzers.cases"))
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindingsMatchTheMarkers(string name)
    {
        AnalyzerCase testCase = AnalyzerCase.Load("analyzers.cases").Single(c => c.Name == name);
        ToneOptions options = OptionsFor(testCase);
        AnalysisResult result = ToneEngine.Default.Analyze(testCase.Input, options);
        var expectedAnywhere = testCase.Options.GetValueOrDefault("expect") ?? [];
        foreach (string rule in expectedAnywhere)
        {
            Assert.Contains(result.Diagnostics, d => d.Id == rule);
        }

        var actual = result.Diagnostics
            .Where(d => !expectedAnywhere.Contains(d.Id))
            .Select(d => (d.Id, d.Span.Start, d.Span.End))
            .ToHashSet();
        var expected = testCase.Expected.ToHashSet();
        var falsePositives = actual.Except(expected).Select(Describe(testCase.Input)).ToList();
        var falseNegatives = expected.Except(actual).Select(Describe(testCase.Input)).ToList();
        Assert.True(falsePositives.Count == 0 && falseNegatives.Count == 0,
            $"false positives: [{string.Join(", ", falsePositives)}]; missing: [{string.Join(", ", falseNegatives)}]");
        Assert.Empty(result.Failures);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FixAllGivesTheExpectedText(string name)
    {
        AnalyzerCase testCase = AnalyzerCase.Load("analyzers.cases").Single(c => c.Name == name);
        ToneOptions options = OptionsFor(testCase);
        AnalysisResult result = ToneEngine.Default.Analyze(testCase.Input, options);
        string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixAllEdits(result));
        if (testCase.FixAll is null)
        {
            // Without an expectation, fix-all must at least not break a clean text.
            if (result.Diagnostics.Count == 0)
            {
                Assert.Equal(testCase.Input, fixedText);
            }

            return;
        }

        Assert.Equal(testCase.FixAll, fixedText);
        AnalysisResult after = ToneEngine.Default.Analyze(fixedText, options);
        var fixedRules = testCase.Expected.Select(e => e.Rule).ToHashSet();
        Assert.DoesNotContain(after.Diagnostics, d => fixedRules.Contains(d.Id));
    }

    [Fact]
    public void CategoryOverrideChangesTheSeverity()
    {
        var options = new ToneOptions { Rules = new Dictionary<string, RuleSetting> { ["condescension"] = RuleSetting.Hint, ["TONE001"] = RuleSetting.Error } };
        AnalysisResult result = ToneEngine.Default.Analyze("Wie bereits erwähnt, ist das so.", options);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(result.Diagnostics).Severity);
    }

    private static ToneOptions OptionsFor(AnalyzerCase testCase)
    {
        var rules = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (string rule in testCase.Options.GetValueOrDefault("rule") ?? [])
        {
            string[] parts = rule.Split(':');
            rules[parts[0]] = ToneOptions.ParseSetting(parts[1]) ?? throw new InvalidOperationException(rule);
        }

        return new ToneOptions
        {
            DefaultAddressForm = AddressFormNames.Parse(testCase.Options.GetValueOrDefault("address")?.FirstOrDefault()),
            DefaultLanguage = testCase.Options.GetValueOrDefault("language")?.FirstOrDefault() == "en" ? Language.English : Language.German,
            Rules = rules,
        };
    }

    private static Func<(string Rule, int Start, int End), string> Describe(string text) =>
        finding => $"{finding.Rule} “{text[finding.Start..finding.End]}” at {finding.Start}";
}

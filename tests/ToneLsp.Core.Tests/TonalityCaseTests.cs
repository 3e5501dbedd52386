using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Tests;

/// <summary>Runs TestData/tonality/tonality.cases: the tonality rules' findings, severities and fix-all text.</summary>
public class TonalityCaseTests
{
    private const string File = "tonality/tonality.cases";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (AnalyzerCase c in AnalyzerCase.Load(File))
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindingsSeveritiesAndFixesMatch(string name)
    {
        AnalyzerCase testCase = AnalyzerCase.Load(File).Single(c => c.Name == name);
        ToneOptions options = OptionsFor(testCase);
        AnalysisResult result = ToneEngine.Default.Analyze(testCase.Input, options);
        var anywhere = testCase.Options.GetValueOrDefault("expect") ?? [];
        foreach (string rule in anywhere)
        {
            Assert.Contains(result.Diagnostics, d => d.Id == rule);
        }

        var actual = result.Diagnostics.Where(d => !anywhere.Contains(d.Id)).Select(d => (d.Id, d.Span.Start, d.Span.End)).ToHashSet();
        var expected = testCase.Expected.ToHashSet();
        Assert.True(actual.SetEquals(expected),
            $"false positives: [{string.Join(", ", actual.Except(expected).Select(f => $"{f.Item1} „{testCase.Input[f.Item2..f.Item3]}“"))}]; " +
            $"missing: [{string.Join(", ", expected.Except(actual).Select(f => $"{f.Item1} „{testCase.Input[f.Item2..f.Item3]}“"))}]");
        foreach (string check in testCase.Options.GetValueOrDefault("severity") ?? [])
        {
            string[] parts = check.Split(':');
            var severity = Enum.Parse<DiagnosticSeverity>(parts[1], ignoreCase: true);
            Assert.All(result.Diagnostics.Where(d => d.Id == parts[0]), d => Assert.Equal(severity, d.Severity));
            Assert.Contains(result.Diagnostics, d => d.Id == parts[0]);
        }

        Assert.Empty(result.Failures);
        if (testCase.FixAll is not null)
        {
            string fixedText = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixAllEdits(result));
            Assert.Equal(testCase.FixAll, fixedText);
            AnalysisResult after = ToneEngine.Default.Analyze(fixedText, options);
            Assert.DoesNotContain(after.Diagnostics, d => d.Id == "TONE024" && d.Severity == DiagnosticSeverity.Warning);
        }
    }

    [Theory]
    [InlineData("channels:\n  chat:\n    register: [neutral, casul]\n", 3, "'casul' is not a register (did you mean 'casual'?)")]
    [InlineData("channels:\n  chat:\n    maxLength: lots\n", 3, "'lots' is not a whole number")]
    [InlineData("brand:\n  register: loud\n", 2, "'loud' is not a register")]
    public void BadTonalityValuesAreErrorsWithTheirLine(string yaml, int line, string message)
    {
        var (_, errors) = ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(".tonelsp.yaml", error.Source);
    }

    [Fact]
    public void TheTeamsSalutationsForARegisterAreUsedByTheFix()
    {
        const string yaml = "brand:\n  salutations:\n    de:\n      formal: { greeting: Guten Tag, closing: Freundliche Grüße }\n";
        var (configuration, errors) = ConfigurationParser.Parse(yaml, "x");
        Assert.Empty(errors);
        ToneOptions options = configuration.Apply(new ToneOptions(), "reply.md");
        const string text = "> Sehr geehrte Damen und Herren, ich bitte um Rückruf. Mit freundlichen Grüßen\n\nHey Frau Roth, klar, wir rufen an!!\n\nLG\n";
        AnalysisResult result = ToneEngine.Default.Analyze(text, options);
        ToneDiagnostic mismatch = Assert.Single(result.Diagnostics, d => d.Id == "TONE024");
        CodeFix fix = ToneEngine.Default.GetFixes(result, mismatch)[0];
        string fixedText = result.Document.Source.ApplyEdits(fix.Edits);
        Assert.Contains("\n\nGuten Tag Frau Roth, klar, wir rufen an!\n\nFreundliche Grüße\n", fixedText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brand:\n  salutations:\n    fr:\n      formal: { greeting: Bonjour }\n", 3, "'fr' is not a language")]
    [InlineData("brand:\n  salutations:\n    de:\n      formel: { greeting: Guten Tag }\n", 4, "'formel' is not a register (did you mean 'formal'?)")]
    [InlineData("brand:\n  salutations:\n    de:\n      formal: { gruss: Guten Tag }\n", 4, "must be a mapping of greeting and closing")]
    public void BadSalutationsAreErrorsWithTheirLine(string yaml, int line, string message)
    {
        var (_, errors) = ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        ConfigurationError error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelRegistersAndLimitsAreRead()
    {
        var (configuration, errors) = ConfigurationParser.Parse("brand:\n  register: formal\nchannels:\n  chat:\n    register: [neutral, casual]\n    maxLength: 500\n    placeholderLength: 6\n", "x");
        Assert.Empty(errors);
        Assert.Equal([Text.Register.Formal], configuration.Brand.Registers);
        Configuration.Tonality chat = configuration.Channels["chat"].Tonality;
        Assert.Equal([Text.Register.Neutral, Text.Register.Casual], chat.Registers);
        Assert.Equal(500, chat.MaxLength);
        Assert.Equal(6, chat.PlaceholderLength);
    }

    [Fact]
    public void TheCustomersRegisterSetsTheAddressFormButTheConfigurationWins()
    {
        const string text = "> Sehr geehrte Damen und Herren, ich bitte um Rückmeldung. Mit freundlichen Grüßen\n\nHallo, wir melden uns bei dir.\n";
        AnalysisResult mirrored = ToneEngine.Default.Analyze(text);
        Assert.Equal(AddressForms.AddressForm.Sie, mirrored.Input.TargetAddress);
        Assert.Equal(AddressTargetSource.Customer, mirrored.Input.TargetSource);
        AnalysisResult configured = ToneEngine.Default.Analyze(text, new ToneOptions { DefaultAddressForm = AddressForms.AddressForm.Du });
        Assert.Equal(AddressForms.AddressForm.Du, configured.Input.TargetAddress);
        Assert.Equal(AddressTargetSource.Configuration, configured.Input.TargetSource);
    }

    [Fact]
    public void ACasualCustomerWithoutDuOrSieExpectsDu()
    {
        AnalysisResult result = ToneEngine.Default.Analyze("> Hey, mega Teil 😍 LG\n\nVielen Dank, wir freuen uns mit Ihnen.\n");
        Assert.Equal(AddressForms.AddressForm.Du, result.Input.TargetAddress);
        Assert.Contains(result.Diagnostics, d => d.Id == "TONE003");
    }

    [Fact]
    public void WithoutACustomerOrAChannelRegisterTheReplyIsNotScanned()
    {
        AnalysisResult result = ToneEngine.Default.Analyze("Hey, super!! 😍 LG\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.Category == Categories.Tonality);
        Assert.Null(result.Input.CustomerHostility);
    }

    private static ToneOptions OptionsFor(AnalyzerCase testCase)
    {
        var options = new ToneOptions
        {
            DefaultLanguage = testCase.Options.GetValueOrDefault("language")?.FirstOrDefault() == "en" ? Language.English : Language.German,
        };
        var lines = new List<string>();
        if (testCase.Options.GetValueOrDefault("register")?.FirstOrDefault() is { } registers)
        {
            lines.Add($"    register: [{registers}]");
        }

        foreach (string key in new[] { "maxLength", "placeholderLength" })
        {
            if (testCase.Options.GetValueOrDefault(key)?.FirstOrDefault() is { } value)
            {
                lines.Add($"    {key}: {value}");
            }
        }

        if (lines.Count == 0)
        {
            return options;
        }

        var (configuration, errors) = ConfigurationParser.Parse("channels:\n  chat:\n" + string.Join("\n", lines) + "\n", "test");
        Assert.Empty(errors);
        return configuration.Apply(options, "reply.md");
    }
}

using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>Runs every lexicon phrase's own test sentences and checks the files themselves.</summary>
public class LexiconTests
{
    public static TheoryData<string, int> Phrases()
    {
        var data = new TheoryData<string, int>();
        foreach (LexiconRule rule in LexiconLoader.BuiltIn)
        {
            for (int i = 0; i < rule.Phrases.Count; i++)
            {
                data.Add(rule.Descriptor.Id, i);
            }
        }

        return data;
    }

    [Fact]
    public void BuiltInLexiconFilesHaveNoErrors()
    {
        Assert.True(LexiconLoader.BuiltInErrors.Count == 0, string.Join("\n", LexiconLoader.BuiltInErrors));
        Assert.NotEmpty(LexiconLoader.BuiltIn);
    }

    [Fact]
    public void EveryBuiltInPhraseCompilesOnFirstUse()
    {
        // Built-in expressions are compiled lazily, so this is where a broken one would show.
        var phrases = LexiconLoader.BuiltIn.SelectMany(r => r.Phrases).ToList();
        Assert.NotEmpty(phrases);
        Assert.All(phrases, p => Assert.True(p.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled), p.Pattern));
    }

    [Fact]
    public void ABrokenExpressionInALexiconFileIsAnErrorWithItsLine()
    {
        const string yaml = "id: TONE900\ncategory: condescension\nseverity: warning\ntitle: t\nmessage: m\nhelp: h\nphrases:\n  - lang: de\n    match: \"(?<x\"\n";
        var (_, errors) = LexiconLoader.Parse(yaml, "broken.yaml");
        Assert.Contains(errors, e => e.Message.Contains("Invalid pattern", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryPhraseHasPositiveAndNegativeExamples()
    {
        var missing = LexiconLoader.BuiltIn
            .SelectMany(r => r.Phrases.Select(p => (r.Descriptor.Id, p)))
            .Where(x => x.p.Flag.Count == 0 || x.p.Pass.Count == 0)
            .Select(x => $"{x.Id} line {x.p.SourceLine}: {x.p.Pattern}")
            .ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void PhraseFlagsItsExamplesAndPassesItsCounterExamples(string ruleId, int phraseIndex)
    {
        LexiconRule rule = LexiconLoader.BuiltIn.Single(r => r.Descriptor.Id == ruleId);
        LexiconPhrase phrase = rule.Phrases[phraseIndex];
        var options = new ToneOptions();
        foreach (string sentence in phrase.Flag)
        {
            var result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(sentence, phrase.Language), options);
            Assert.True(result.Diagnostics.Any(d => d.Id == ruleId), $"{ruleId} line {phrase.SourceLine} should flag: {sentence}\npattern: {phrase.Pattern}\nregex: {phrase.Regex}");
        }

        foreach (string sentence in phrase.Pass)
        {
            var result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(sentence, phrase.Language), options);
            var hits = result.Diagnostics.Where(d => d.Id == ruleId).Select(d => result.Document.Source.Slice(d.Span)).ToList();
            Assert.True(hits.Count == 0, $"{ruleId} line {phrase.SourceLine} should pass: {sentence}\nbut flagged: {string.Join(" | ", hits)}");
        }
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void PreferredFixOfEachExampleRemovesTheFinding(string ruleId, int phraseIndex)
    {
        LexiconRule rule = LexiconLoader.BuiltIn.Single(r => r.Descriptor.Id == ruleId);
        LexiconPhrase phrase = rule.Phrases[phraseIndex];
        foreach (string sentence in phrase.Flag)
        {
            var result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(sentence, phrase.Language));
            ToneDiagnostic diagnostic = result.Diagnostics.First(d => d.Id == ruleId);
            CodeFix fix = Assert.Single(ToneEngine.Default.GetFixes(result, diagnostic), f => f.IsPreferred);
            string fixedText = result.Document.Source.ApplyEdits(fix.Edits);
            var after = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(fixedText, phrase.Language));
            int before = result.Diagnostics.Count(d => d.Id == ruleId);
            int remaining = after.Diagnostics.Count(d => d.Id == ruleId);
            Assert.True(remaining < before, $"fixing “{sentence}” gave “{fixedText}”, which {ruleId} still flags as often");
            Assert.NotEqual(sentence, fixedText);
        }
    }
}

/// <summary>Tests that flip process-wide switches run alone.</summary>
[CollectionDefinition(nameof(ProcessSwitches), DisableParallelization = true)]
public sealed class ProcessSwitches;

/// <summary>Short-lived hosts may ask for interpreted phrase expressions.</summary>
[Collection(nameof(ProcessSwitches))]
public sealed class LexiconExpressionModeTests
{
    private const string Lexicon = "id: TONE900\ncategory: condescension\nseverity: warning\ntitle: t\nmessage: m\nhelp: h\nphrases:\n  - lang: de\n    match: wie bereits erwähnt\n    unless: [per DM]\n";

    [Fact]
    public void TheSwitchChoosesInterpretedExpressionsThatMatchTheSame()
    {
        try
        {
            AppContext.SetSwitch(LexiconLoader.InterpretExpressionsSwitch, true);
            LexiconPhrase interpreted = LexiconLoader.Parse(Lexicon, "a.yaml").Rule!.Phrases[0];
            AppContext.SetSwitch(LexiconLoader.InterpretExpressionsSwitch, false);
            LexiconPhrase compiled = LexiconLoader.Parse(Lexicon, "a.yaml").Rule!.Phrases[0];

            Assert.False(interpreted.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
            Assert.True(compiled.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
            const string text = "Wie bereits erwaehnt, und wie   bereits erwähnt.";
            Assert.Equal(compiled.Regex.Matches(text).Select(m => m.Index), interpreted.Regex.Matches(text).Select(m => m.Index));
            Assert.Equal(2, interpreted.Regex.Matches(text).Count);
            Assert.Single(interpreted.Unless);
        }
        finally
        {
            AppContext.SetSwitch(LexiconLoader.InterpretExpressionsSwitch, false);
        }
    }
}


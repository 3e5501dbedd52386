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

        // The rules load from the precompiled catalogue; the YAML files it is made from must parse without errors too.
        var (rules, errors) = LexiconLoader.LoadBuiltInFromYaml(PhraseExpressions.Compiled);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(LexiconLoader.BuiltIn.Count, rules.Count);
    }

    [Fact]
    public void GermanPhrasesNameInflectedAdjectivesAndNounsByTheirLemma()
    {
        // "(hilfreiches|hilfreichen)" misses "hilfreiche"; "<hilfreich:adj>" is every form. A plain word in an
        // alternation that the lexicon reads only as a form of another adjective or noun is written as its lemma.
        var lexicon = Morphology.GermanLexicon.Shared;
        var offenders = new List<string>();
        foreach (LexiconRule rule in LexiconLoader.BuiltIn)
        {
            foreach (LexiconPhrase phrase in rule.Phrases.Where(p => p.Language == Language.German))
            {
                foreach (System.Text.RegularExpressions.Match group in System.Text.RegularExpressions.Regex.Matches(phrase.Pattern, @"[(\[]([^()\[\]]*\|[^()\[\]]*)[)\]]"))
                {
                    foreach (string member in group.Groups[1].Value.Split('|').Select(m => m.Trim()).Where(m => m.Length > 0 && m.All(char.IsLetter)))
                    {
                        bool noun = char.IsUpper(member[0]);
                        var readings = lexicon.Lookup(member).ToList().Where(r => (r.PartOfSpeech == Morphology.PartOfSpeech.Noun) == noun).ToList();
                        var lemmas = readings.Select(r => (r.PartOfSpeech, Lemma: lexicon.Lemma(r.LemmaId))).Distinct().ToList();
                        if (lemmas is [{ PartOfSpeech: Morphology.PartOfSpeech.Noun or Morphology.PartOfSpeech.Adjective } only] && readings.Count > 0 && only.Lemma != member)
                        {
                            offenders.Add($"{rule.SourceName}:{phrase.SourceLine}: “{member}” is a form of <{only.Lemma}:{(noun ? "noun" : "adj")}>");
                        }
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void TheAnchorsWithoutTheExpressionAreTheAnchorsWithIt()
    {
        // Built-in phrases are loaded with their anchors only; the expression is built when a phrase first runs.
        var phrases = LexiconLoader.BuiltIn.SelectMany(r => r.Phrases).ToList();
        Assert.NotEmpty(phrases);
        foreach (LexiconPhrase phrase in phrases)
        {
            var (regex, anchors) = PhrasePattern.Translate(phrase.Pattern);
            Assert.NotEmpty(regex);
            Assert.Equal(anchors.Select(g => string.Join("|", g)), PhrasePattern.Anchors(phrase.Pattern).Select(g => string.Join("|", g)));
            Assert.Equal(anchors.Select(g => string.Join("|", g)), phrase.Anchors.Select(g => string.Join("|", g)));
        }
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
        const string yaml = "id: TONE900\ncategory: condescension\nseverity: warning\ntitle: {en: t, de: t}\nmessage: {en: m, de: m}\nhelp: {en: h, de: h}\nexample: {en: e, de: e}\nphrases:\n  - lang: de\n    match: \"(?<x\"\n";
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
    public void PhraseFlagsItsExamplesPassesItsCounterExamplesAndItsRewriteRaisesNothingNew(string ruleId, int phraseIndex)
    {
        LexiconRule rule = LexiconLoader.BuiltIn.Single(r => r.Descriptor.Id == ruleId);
        LexiconPhrase phrase = rule.Phrases[phraseIndex];
        var failures = RuleExamples.Check(ToneEngine.Default, rule, phrase, new ToneOptions());
        Assert.True(failures.Count == 0, $"pattern: {phrase.Pattern}\n" + string.Join("\n", failures));
    }

    [Fact]
    public void ExampleFailuresNameTheProblem()
    {
        const string yaml = """
            phrases:
              - match: "Kunde ist König"
                message: "Say what we do for the customer"
                rewrite: "Kunde ist König"
                flag: ["Der Kunde hat angerufen.", "Der Kunde ist König."]
                pass: ["Bei uns ist der Kunde ist König."]
            """;
        var (configuration, errors) = ToneLsp.Core.Configuration.ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        Assert.Empty(errors);
        LexiconRule rule = Assert.Single(configuration.TeamRules);
        var failures = RuleExamples.Check(ToneEngine.Default, rule, new ToneOptions { Configuration = configuration });
        Assert.Collection(failures,
            f => Assert.Equal(("Der Kunde hat angerufen.", "a flag line that is not flagged"), (f.Example, f.Problem)),
            f => Assert.Contains("is still flagged", f.Problem),
            f => Assert.StartsWith("a pass line that is flagged", f.Problem));
        Assert.All(failures, f => Assert.Equal(2, f.Line));
    }
}

/// <summary>Short-lived hosts may ask the engine for interpreted phrase expressions; no process-wide switch.</summary>
public sealed class LexiconExpressionModeTests
{
    [Fact]
    public void TheEngineOptionChoosesInterpretedExpressionsThatMatchTheSame()
    {
        LexiconPhrase interpreted = LexiconLoader.BuiltInFor(PhraseExpressions.Interpreted).SelectMany(r => r.Phrases).First();
        LexiconPhrase compiled = LexiconLoader.BuiltInFor(PhraseExpressions.Compiled).SelectMany(r => r.Phrases).First();

        Assert.Equal(compiled.Pattern, interpreted.Pattern);
        Assert.False(interpreted.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
        Assert.True(compiled.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));

        // Both engines in one process, each with its own mode, find the same.
        const string text = "Wie bereits erwähnt, ist das so. Das hättest du selbst herausfinden können. Sie Idiot!";
        var fromInterpreted = ToneEngine.For(PhraseExpressions.Interpreted).Analyze(text).Diagnostics.Select(d => (d.Id, d.Span)).ToList();
        var fromCompiled = ToneEngine.Default.Analyze(text).Diagnostics.Select(d => (d.Id, d.Span)).ToList();
        Assert.NotEmpty(fromCompiled);
        Assert.Equal(fromCompiled, fromInterpreted);
    }
}

/// <summary>The rule keys known without an engine are the engine's own.</summary>
public sealed class BuiltInRuleKeyTests
{
    [Fact]
    public void RuleKeysReadFromHeadersAreTheEnginesIdsAndCategories()
    {
        var fromEngine = ToneEngine.Default.Descriptors.SelectMany(d => new[] { d.Id, d.Category }).ToHashSet(StringComparer.OrdinalIgnoreCase);

        HashSet<string> keys = BuiltInRules.RuleKeys();

        Assert.True(fromEngine.SetEquals(keys), $"only in the engine: {string.Join(", ", fromEngine.Except(keys))}; only in the keys: {string.Join(", ", keys.Except(fromEngine))}");
        Assert.Contains("tone001", keys);
    }
}

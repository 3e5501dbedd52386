using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Rules;

/// <summary>One of a phrase's own example lines that does not behave as the phrase says.</summary>
public sealed record RuleExampleFailure(string RuleId, string Source, int Line, string Example, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}:{Line}: {RuleId}: {Problem}: {Example}";
}

/// <summary>
/// Runs the <c>flag</c> and <c>pass</c> lines of phrase rules through the whole engine, for the built-in lexicon (the
/// test suite) and a team's own phrases (<c>tonelsp check --test-rules</c>) alike: every flag line is reported by its
/// rule, no pass line is, and the preferred rewrite of a flag line removes the finding without raising a new one.
/// </summary>
public static class RuleExamples
{
    /// <summary>The examples of the rule that fail; empty when all behave. The options carry the configuration (a team's rules).</summary>
    public static IReadOnlyList<RuleExampleFailure> Check(ToneEngine engine, LexiconRule rule, ToneOptions options)
    {
        var failures = new List<RuleExampleFailure>();
        // A team phrase without a language is one phrase per language with the same examples: they run once.
        foreach (LexiconPhrase phrase in rule.Phrases.DistinctBy(p => p.SourceLine))
        {
            Check(engine, rule, phrase, options, failures);
        }

        return failures;
    }

    /// <summary>The examples of one phrase that fail.</summary>
    public static IReadOnlyList<RuleExampleFailure> Check(ToneEngine engine, LexiconRule rule, LexiconPhrase phrase, ToneOptions options)
    {
        var failures = new List<RuleExampleFailure>();
        Check(engine, rule, phrase, options, failures);
        return failures;
    }

    private static void Check(ToneEngine engine, LexiconRule rule, LexiconPhrase phrase, ToneOptions options, List<RuleExampleFailure> failures)
    {
        string id = rule.Descriptor.Id;
        void Fail(string example, string problem) => failures.Add(new RuleExampleFailure(id, rule.SourceName, phrase.SourceLine, example, problem));

        foreach (string example in phrase.Flag)
        {
            AnalysisResult result = engine.Analyze(TemplateDocument.ParseAs(example, phrase.Language), options);
            var own = result.Diagnostics.Where(d => d.Id == id).ToList();
            if (own.Count == 0)
            {
                Fail(example, "a flag line that is not flagged");
                continue;
            }

            if (own.SelectMany(d => engine.GetFixes(result, d)).FirstOrDefault(f => f.IsPreferred) is not { } fix)
            {
                continue;
            }

            string rewritten = result.Document.Source.ApplyEdits(fix.Edits);
            AnalysisResult after = engine.Analyze(TemplateDocument.ParseAs(rewritten, phrase.Language), options);
            if (after.Diagnostics.Count(d => d.Id == id) >= own.Count)
            {
                Fail(example, $"the rewrite “{rewritten}” is still flagged");
            }

            var before = result.Diagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            if (after.Diagnostics.FirstOrDefault(d => d.Severity <= DiagnosticSeverity.Warning && !before.Contains(d.Id)) is { } raised)
            {
                Fail(example, $"the rewrite “{rewritten}” raises {raised.Id} (“{after.Document.Source.Slice(raised.Span)}”)");
            }
        }

        foreach (string example in phrase.Pass)
        {
            AnalysisResult result = engine.Analyze(TemplateDocument.ParseAs(example, phrase.Language), options);
            if (result.Diagnostics.FirstOrDefault(d => d.Id == id) is { } hit)
            {
                Fail(example, $"a pass line that is flagged at “{result.Document.Source.Slice(hit.Span)}”");
            }
        }
    }
}

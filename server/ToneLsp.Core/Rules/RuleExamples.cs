using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Rules;

/// <summary>One of a phrase's own example lines that does not behave as the phrase says.</summary>
public sealed record RuleExampleFailure(string RuleId, string Source, int Line, string Example, LocalText Text, object?[] Arguments)
{
    /// <summary>What is wrong, in English.</summary>
    public string Problem => Text.Format(Language.English, Arguments);

    /// <summary>The report line in the language.</summary>
    public string ToString(Language language) => $"{Source}:{Line}: {RuleId}: {Text.Format(language, Arguments)}: {Example}";

    /// <inheritdoc />
    public override string ToString() => ToString(Language.English);
}

/// <summary>
/// Runs the <c>flag</c> and <c>pass</c> lines of phrase rules through the whole engine, for the built-in lexicon (the
/// test suite) and a team's own phrases (<c>tonelsp check --test-rules</c>) alike: every flag line is reported by its
/// rule, no pass line is, and the preferred rewrite of a flag line removes the finding without raising a new one,
/// keeps the facts outside the framing (numbers, placeholders, links, quoted names) and leaves tidy punctuation.
/// </summary>
public static partial class RuleExamples
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
        void Fail(string example, LocalText problem, params object?[] arguments) =>
            failures.Add(new RuleExampleFailure(id, rule.SourceName, phrase.SourceLine, example, problem, arguments));

        foreach (string example in phrase.Flag)
        {
            AnalysisResult result = engine.Analyze(TemplateDocument.ParseAs(example, phrase.Language), options);
            var own = result.Diagnostics.Where(d => d.Id == id).ToList();
            if (own.Count == 0)
            {
                Fail(example, Messages.ExampleNotFlagged);
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
                Fail(example, Messages.ExampleStillFlagged, rewritten);
            }

            // The facts outside the framing survive: numbers, placeholders, links, quoted names. The framing is the
            // match and, for a sentence rewrite, the rest of its clause ("Call us at 555-0100" goes as a whole).
            Text.TextSpan framing = own[0].Span;
            if (phrase.Scope == RewriteScope.Sentence)
            {
                int start = example.LastIndexOfAny([',', ';', ':', '–', '—'], Math.Max(0, framing.Start - 1)) + 1;
                int end = example.IndexOfAny([',', ';', ':', '–', '—'], framing.End) is var stop and >= 0 ? stop : example.Length;
                framing = Text.TextSpan.FromBounds(Math.Min(start, framing.Start), Math.Max(end, framing.End));
            }

            foreach (System.Text.RegularExpressions.Match fact in Facts().Matches(example))
            {
                if (!framing.OverlapsWith(new Text.TextSpan(fact.Index, fact.Length)) && !rewritten.Contains(fact.Value, StringComparison.Ordinal))
                {
                    Fail(example, Messages.ExampleLosesFact, rewritten, fact.Value);
                }
            }

            System.Text.RegularExpressions.Match flaw = Flaw().Match(rewritten);
            bool lostCapital = example.TrimStart() is { Length: > 0 } original && char.IsUpper(original[0]) &&
                               rewritten.TrimStart() is { Length: > 0 } opening && char.IsLower(opening[0]);
            if (flaw.Success || lostCapital)
            {
                Fail(example, Messages.ExampleUntidy, rewritten, flaw.Success ? new LocalText(" at " + Messages.Quote(Language.English, flaw.Value), " bei " + Messages.Quote(Language.German, flaw.Value)) : new LocalText(string.Empty, string.Empty));
            }

            var before = result.Diagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            if (after.Diagnostics.FirstOrDefault(d => d.Severity <= DiagnosticSeverity.Warning && !before.Contains(d.Id)) is { } raised)
            {
                Fail(example, Messages.ExampleRaises, rewritten, raised.Id, after.Document.Source.Slice(raised.Span));
            }
        }

        foreach (string example in phrase.Pass)
        {
            AnalysisResult result = engine.Analyze(TemplateDocument.ParseAs(example, phrase.Language), options);
            if (result.Diagnostics.FirstOrDefault(d => d.Id == id) is { } hit)
            {
                Fail(example, Messages.ExamplePassFlagged, result.Document.Source.Slice(hit.Span));
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{[^}]*\}\}|https?://\S+[\w/]|\d+(?:[.,:]\d+)*|„[^“]+“|""[^""]+""")]
    private static partial System.Text.RegularExpressions.Regex Facts();

    // A space before a full stop or comma, two spaces, a comma before a full stop, two full stops.
    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]+[.,!?;]|\S {2,}\S|[,;:][ \t]*[.!?]|(?<!\.)\.\.(?!\.)")]
    private static partial System.Text.RegularExpressions.Regex Flaw();
}

using System.Collections.Immutable;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Analysis;

/// <summary>The outcome of analysing one text: the document, its facts, and the diagnostics that survived suppression.</summary>
public sealed class AnalysisResult
{
    internal AnalysisResult(AnalysisInput input, IReadOnlyList<ToneDiagnostic> diagnostics, IReadOnlyList<string> failures)
    {
        Input = input;
        Diagnostics = diagnostics;
        Failures = failures;
    }

    /// <summary>The input every rule saw.</summary>
    public AnalysisInput Input { get; }

    /// <summary>The parsed document.</summary>
    public TemplateDocument Document => Input.Document;

    /// <summary>The findings, ordered by position.</summary>
    public IReadOnlyList<ToneDiagnostic> Diagnostics { get; }

    /// <summary>Analyzers or fix providers that failed on this input; their findings are missing. Empty when all is well.</summary>
    public IReadOnlyList<string> Failures { get; }

    /// <summary>The same analysis with other diagnostics, for hosts that add findings that need several files (twins).</summary>
    public AnalysisResult WithDiagnostics(IReadOnlyList<ToneDiagnostic> diagnostics) => new(Input, diagnostics, Failures);
}

/// <summary>
/// Runs analyzers over a document and asks code-fix providers for fixes. Never throws on any input:
/// a failing analyzer is recorded in <see cref="AnalysisResult.Failures"/> and the others still run.
/// </summary>
public sealed class ToneEngine
{
    private readonly ImmutableArray<ToneAnalyzer> _analyzers;
    private readonly ImmutableDictionary<string, ImmutableArray<CodeFixProvider>> _providersById;

    /// <summary>Creates an engine with the given analyzers and providers.</summary>
    public ToneEngine(IEnumerable<ToneAnalyzer> analyzers, IEnumerable<CodeFixProvider> providers)
    {
        _analyzers = [.. analyzers];
        var providerList = providers.ToList();
        _providersById = providerList
            .SelectMany(p => p.FixableDiagnosticIds.Select(id => (id, p)))
            .GroupBy(pair => pair.id, StringComparer.OrdinalIgnoreCase)
            .ToImmutableDictionary(g => g.Key, g => g.Select(pair => pair.p).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        Descriptors = [.. _analyzers.SelectMany(a => a.SupportedDiagnostics).Concat(BuiltInRules.EngineDescriptors)
            .DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    // The rules that read a customer's message for hostility: the phrase rules of the hostile categories and shouting.
    private Lazy<ToneAnalyzer[]> _customerAnalyzers => _customerAnalyzersCache ??= new Lazy<ToneAnalyzer[]>(() =>
    [
        .. _analyzers.OfType<LexiconAnalyzer>().Select(a => new LexiconAnalyzer([.. a.Rules.Where(r => Tonality.CustomerHostility.HostileCategories.Contains(r.Descriptor.Category))])),
        .. _analyzers.OfType<ShoutingAnalyzer>(),
    ]);

    private Lazy<ToneAnalyzer[]>? _customerAnalyzersCache;

    /// <summary>The engine with every built-in rule, its phrase expressions compiled (for a long-lived host).</summary>
    public static ToneEngine Default => LazyDefault.Value;

    /// <summary>The engine with every built-in rule, its phrase expressions run as the host chooses.</summary>
    public static ToneEngine For(PhraseExpressions expressions) => expressions == PhraseExpressions.Interpreted ? LazyInterpreted.Value : LazyDefault.Value;

    /// <summary>Every rule this engine can report, ordered by ID.</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    private static readonly Lazy<ToneEngine> LazyDefault = new(() => new ToneEngine(BuiltInRules.Analyzers(), BuiltInRules.CodeFixProviders()));
    private static readonly Lazy<ToneEngine> LazyInterpreted = new(() =>
        new ToneEngine(BuiltInRules.Analyzers(PhraseExpressions.Interpreted), BuiltInRules.CodeFixProviders(PhraseExpressions.Interpreted)));

    /// <summary>Finds the descriptor with the given ID, case-insensitively.</summary>
    public DiagnosticDescriptor? FindDescriptor(string id) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses and analyzes a text.</summary>
    public AnalysisResult Analyze(string text, ToneOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ToneOptions.Default;
        return Analyze(TemplateDocument.Parse(text, options.DefaultLanguage), options, cancellationToken);
    }

    /// <summary>Analyzes a parsed document.</summary>
    public AnalysisResult Analyze(TemplateDocument document, ToneOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ToneOptions.Default;
        var failures = new List<string>();
        AnalysisInput input;
        try
        {
            input = new AnalysisInput(document, options);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.Add($"address-form detection: {exception.GetType().Name}: {exception.Message}");
            input = new AnalysisInput(TemplateDocument.Parse(string.Empty), options);
        }

        options = input.Options;
        if (input.Document.CustomerBlocks.Any())
        {
            // The customer's message is read with the same phrase catalogue as replies, to know whether it is hostile.
            input.CustomerHostility = Tonality.CustomerHostility.Assess(input.Document, _customerAnalyzers.Value, cancellationToken);
        }

        var raw = new List<ToneDiagnostic>();
        DocumentProblemAnalyzer.Report(input, raw.Add);
        IEnumerable<ToneAnalyzer> analyzers = options.Configuration is { TeamRules.Count: > 0 } configuration
            ? _analyzers.Append(new LexiconAnalyzer(configuration.TeamRules))
            : _analyzers;
        foreach (ToneAnalyzer analyzer in analyzers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (analyzer.SupportedDiagnostics.All(d => options.GetSeverity(d) is null))
            {
                continue;
            }

            try
            {
                analyzer.Analyze(new AnalysisContext(input, raw.Add, cancellationToken, failures.Add));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        if (input.CustomerHostility is { IsHostile: true })
        {
            EscalateForHostileCustomer(raw);
        }

        var kept = new List<ToneDiagnostic>(raw.Count);
        var suppressions = new SuppressionMap(document);
        foreach (ToneDiagnostic diagnostic in raw)
        {
            if (options.Resolve(diagnostic) is not { } severity || suppressions.IsSuppressed(diagnostic) || IsAccepted(document, diagnostic, options))
            {
                continue;
            }

            int start = Math.Clamp(diagnostic.Span.Start, 0, document.Source.Length);
            int end = Math.Clamp(diagnostic.Span.End, start, document.Source.Length);
            kept.Add(diagnostic with { Severity = severity, Span = TextSpan.FromBounds(start, end) });
        }

        try
        {
            MergeSalutationFindings(input, kept);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.Add($"salutation merge: {exception.GetType().Name}: {exception.Message}");
        }

        foreach (SuppressionComment unused in suppressions.Unused)
        {
            string ids = unused.RuleIds.Count > 0 ? Messages.SuppressionRules.Format(input.MessageLanguage, string.Join(", ", unused.RuleIds)) : string.Empty;
            var diagnostic = ToneDiagnostic.Create(DocumentProblemAnalyzer.UnusedSuppression, unused.Span, DocumentProblemAnalyzer.UnusedSuppression.FormatMessage(input.MessageLanguage, ids));
            if (options.Resolve(diagnostic) is { } severity)
            {
                kept.Add(diagnostic with { Severity = severity });
            }
        }

        var ordered = kept
            .DistinctBy(d => (d.Id, d.Span))
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new AnalysisResult(input, ordered, failures);
    }

    // A hostile customer must not get the same tone back: the reply's sarcasm, shouting and dismissive phrases become
    // errors, and a reply that neither acknowledges the problem nor offers help gets warnings.
    private static void EscalateForHostileCustomer(List<ToneDiagnostic> raw)
    {
        bool neither = raw.Any(d => d.Id == EmpathyAnalyzer.MissingAcknowledgement.Id) && raw.Any(d => d.Id == EmpathyAnalyzer.MissingOffer.Id);
        for (int i = 0; i < raw.Count; i++)
        {
            ToneDiagnostic diagnostic = raw[i];
            if (diagnostic.Descriptor.Category is Categories.Sarcasm or Categories.Shouting or Categories.Dismissive)
            {
                raw[i] = diagnostic with { Severity = DiagnosticSeverity.Error };
            }
            else if (neither && (diagnostic.Id == EmpathyAnalyzer.MissingAcknowledgement.Id || diagnostic.Id == EmpathyAnalyzer.MissingOffer.Id))
            {
                raw[i] = diagnostic with { Severity = DiagnosticSeverity.Warning };
            }
        }
    }

    // A greeting or closing that misses both the form of address (TONE013) and the register the reply should have
    // (TONE024) is one finding: TONE024's, whose fix writes the salutation that fits both. TONE013 stays where the
    // TONE024 finding stands elsewhere, or where its fix does not reach.
    private static void MergeSalutationFindings(AnalysisInput input, List<ToneDiagnostic> kept)
    {
        if (!kept.Any(d => d.Id == GreetingAnalyzer.Descriptor.Id))
        {
            return;
        }

        foreach (ToneDiagnostic mismatch in kept.Where(d => d.Id == TonalityAnalyzer.Mismatch.Id).ToList())
        {
            if (!mismatch.Properties.TryGetValue(TonalityAnalyzer.TargetProperty, out string? name) || Tonality.RegisterDetector.ParseRegister(name) is not { } target)
            {
                continue;
            }

            IReadOnlyList<TextEdit> edits = TonalityAnalyzer.MoveToward(input, target);
            var covered = kept.Where(d => d.Id == GreetingAnalyzer.Descriptor.Id && d.Span.OverlapsWith(mismatch.Span) && edits.Any(e => e.Span.OverlapsWith(d.Span))).ToList();
            if (covered.Count == 0)
            {
                continue;
            }

            // The one finding says both and is as severe as the more severe of the two.
            Language language = input.MessageLanguage;
            string label = GreetingAnalyzer.FormOf(input) == AddressForms.AddressForm.Du ? "du" : "Sie";
            string also = string.Concat(covered.Select(d => Messages.TonalityAlsoAddress.Format(language, Messages.Quote(language, input.Document.Source.Slice(d.Span)), label)));
            DiagnosticSeverity severity = (DiagnosticSeverity)Math.Min((int)mismatch.Severity, covered.Min(d => (int)d.Severity));
            kept[kept.IndexOf(mismatch)] = mismatch with { Message = mismatch.Message + also, Severity = severity };
            kept.RemoveAll(covered.Contains);
        }
    }

    /// <summary>The fixes for one diagnostic, the preferred one first. Never throws.</summary>
    public IReadOnlyList<CodeFix> GetFixes(AnalysisResult result, ToneDiagnostic diagnostic, CancellationToken cancellationToken = default)
    {
        if (!_providersById.TryGetValue(diagnostic.Id, out var providers))
        {
            if (result.Input.Options.Configuration?.TeamRules is not { Count: > 0 } team || !team.Any(r => r.Descriptor.Id == diagnostic.Id))
            {
                return [];
            }

            providers = [new LexiconCodeFixProvider(team)];
        }

        var context = new CodeFixContext(result.Input, diagnostic, cancellationToken);
        foreach (CodeFixProvider provider in providers)
        {
            try
            {
                provider.RegisterFixes(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A broken fix must not hide the diagnostic; the failure shows as a missing fix.
                _ = exception;
            }
        }

        return context.Fixes
            .Where(f => EditsAreValid(f.Edits, result.Document.Source.Length))
            .OrderByDescending(f => f.IsPreferred)
            .ToList();
    }

    /// <summary>
    /// The edits of fix-all: each diagnostic's preferred fix, in document order, skipping any fix whose
    /// edits overlap an edit already taken. A rewrite of several words is not written twice: the second place gets
    /// the next alternative ("Kurz zusammengefasst", then "Noch einmal in Kürze"), or keeps its finding when there is
    /// none. The result is safe to apply at once.
    /// </summary>
    public IReadOnlyList<TextEdit> GetFixAllEdits(AnalysisResult result, Func<ToneDiagnostic, bool>? filter = null, CancellationToken cancellationToken = default)
    {
        var taken = new List<TextEdit>();
        var fixKeys = new HashSet<string>(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ToneDiagnostic diagnostic in result.Diagnostics)
        {
            if (filter is not null && !filter(diagnostic))
            {
                continue;
            }

            IReadOnlyList<CodeFix> fixes = GetFixes(result, diagnostic, cancellationToken);
            CodeFix? fix = fixes.FirstOrDefault(f => f.IsPreferred);
            if (fix is not null && fix.Edits.Count == 1 && Repeats(fix.Edits[0]))
            {
                fix = fixes.FirstOrDefault(f => f.Edits.Count == 1 && !Repeats(f.Edits[0]) && f.Edits[0].Span == fix.Edits[0].Span);
            }

            if (fix is null)
            {
                continue;
            }

            // Whole-document fixes (such as converting the reply) are taken once.
            string key = string.Join(";", fix.Edits.Select(e => $"{e.Span.Start}:{e.Span.Length}:{e.NewText}"));
            if (!fixKeys.Add(key))
            {
                continue;
            }

            // An edit identical to one already taken counts as done; any other overlap skips the whole fix.
            var fresh = fix.Edits.Where(edit => !taken.Contains(edit)).ToList();
            if (fresh.Any(edit => taken.Any(t => t.Span.OverlapsWith(edit.Span))))
            {
                continue;
            }

            taken.AddRange(fresh);
            written.UnionWith(fresh.Where(e => e.NewText.Trim().Contains(' ')).Select(e => e.NewText.Trim()));
        }

        // An insertion before a deletion that starts at the same place comes first, as it is applied.
        return [.. taken.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End)];

        bool Repeats(TextEdit edit) => written.Contains(edit.NewText.Trim());
    }

    // An accepted phrase ("Always accept this phrase") is never flagged, whatever rule finds it.
    private static bool IsAccepted(TemplateDocument document, ToneDiagnostic diagnostic, ToneOptions options)
    {
        if (options.Configuration?.Accept is not { Count: > 0 } accepted)
        {
            return false;
        }

        string found = ProseTokenizer.CollapseWhitespace(document.Source.Slice(diagnostic.Span));
        return found.Length > 0 && accepted.Any(phrase =>
            found.Contains(phrase.Trim(), StringComparison.OrdinalIgnoreCase) || phrase.Contains(found, StringComparison.OrdinalIgnoreCase));
    }

    private static bool EditsAreValid(IReadOnlyList<TextEdit> edits, int length)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Span.Start < 0 || ordered[i].Span.End > length || (i > 0 && ordered[i - 1].Span.End > ordered[i].Span.Start))
            {
                return false;
            }
        }

        return true;
    }
}

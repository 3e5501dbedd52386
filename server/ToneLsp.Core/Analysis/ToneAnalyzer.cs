using System.Collections.Immutable;
using ToneLsp.Core.Diagnostics;

namespace ToneLsp.Core.Analysis;

/// <summary>Finds problems in a document and reports diagnostics for the descriptors it declares.</summary>
public abstract class ToneAnalyzer
{
    /// <summary>The rules this analyzer reports.</summary>
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Analyzes the document in the context and reports what it finds.</summary>
    public abstract void Analyze(AnalysisContext context);
}

/// <summary>Returns text edits for diagnostics of the rules it declares.</summary>
public abstract class CodeFixProvider
{
    /// <summary>The rule IDs this provider fixes.</summary>
    public abstract ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <summary>Registers the fixes for the diagnostic in the context; the first preferred one wins in fix-all.</summary>
    public abstract void RegisterFixes(CodeFixContext context);
}

/// <summary>What an analyzer sees: the document, the options, the address-form facts, and a sink for diagnostics.</summary>
public sealed class AnalysisContext(AnalysisInput input, Action<ToneDiagnostic> report, CancellationToken cancellationToken, Action<string>? reportFailure = null)
{
    /// <summary>The shared input of this analysis.</summary>
    public AnalysisInput Input { get; } = input;

    /// <summary>Cancelled when the result is no longer wanted.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Reports a diagnostic.</summary>
    public void Report(ToneDiagnostic diagnostic) => report(diagnostic);

    /// <summary>Records that part of the analysis was skipped, such as a pattern that ran out of time.</summary>
    public void ReportFailure(string failure) => reportFailure?.Invoke(failure);
}

/// <summary>What a code-fix provider sees: the input the diagnostic came from, and the diagnostic.</summary>
public sealed class CodeFixContext(AnalysisInput input, ToneDiagnostic diagnostic, CancellationToken cancellationToken)
{
    private readonly List<CodeFix> _fixes = [];

    /// <summary>The shared input of the analysis.</summary>
    public AnalysisInput Input { get; } = input;

    /// <summary>The diagnostic to fix.</summary>
    public ToneDiagnostic Diagnostic { get; } = diagnostic;

    /// <summary>Cancelled when the result is no longer wanted.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The fixes registered so far.</summary>
    public IReadOnlyList<CodeFix> Fixes => _fixes;

    /// <summary>Registers a fix; fixes without edits are ignored.</summary>
    public void Register(CodeFix fix)
    {
        if (fix.Edits.Count > 0)
        {
            _fixes.Add(fix with { Diagnostic = Diagnostic });
        }
    }
}

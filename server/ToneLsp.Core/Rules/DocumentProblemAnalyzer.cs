using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Rules;

/// <summary>Reports problems with the template file itself, such as front matter that is not valid YAML.</summary>
internal static class DocumentProblemAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TONE100",
        Categories.Template,
        DiagnosticSeverity.Warning,
        "Template problem",
        "{0}",
        "The template file itself has a problem: usually front matter that is not valid YAML, or a value ToneLsp does not know " +
        "(language must be de or en, address must be du or sie). Checking goes on with defaults, so the other findings are still " +
        "reported, but settings from the front matter are ignored until it is fixed.");

    public static void Report(AnalysisInput input, Action<ToneDiagnostic> report)
    {
        foreach (DocumentProblem problem in input.Document.Problems)
        {
            report(ToneDiagnostic.Create(Descriptor, problem.Span, Descriptor.FormatMessage(problem.Message)));
        }
    }
}

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

    /// <summary>TONE020: a suppression comment that no longer suppresses anything.</summary>
    public static readonly DiagnosticDescriptor UnusedSuppression = new(
        "TONE020",
        Categories.Template,
        DiagnosticSeverity.Information,
        "Unused suppression",
        "This suppression{0} no longer suppresses anything",
        "A tonelsp-disable comment stays in the template after the text it excused was rewritten or the rule was switched off. " +
        "Stale suppressions hide future findings and make reviews harder. The fix removes the comment.");

    public static void Report(AnalysisInput input, Action<ToneDiagnostic> report)
    {
        foreach (DocumentProblem problem in input.Document.Problems)
        {
            report(ToneDiagnostic.Create(Descriptor, problem.Span, Descriptor.FormatMessage(problem.Message)));
        }
    }
}

/// <summary>Removes an unused suppression comment, with its line when it stands alone.</summary>
public sealed class UnusedSuppressionCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override System.Collections.Immutable.ImmutableArray<string> FixableDiagnosticIds { get; } = [DocumentProblemAnalyzer.UnusedSuppression.Id];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        var source = context.Input.Document.Source;
        var span = context.Diagnostic.Span;
        int line = source.GetLineNumber(span.Start);
        int lineStart = source.GetLineStart(line);
        int lineEnd = source.GetLineContentEnd(line);
        string rest = source.Text[lineStart..span.Start] + source.Text[span.End..lineEnd];
        Text.TextSpan remove;
        if (string.IsNullOrWhiteSpace(rest))
        {
            int next = line + 1 < source.LineCount ? source.GetLineStart(line + 1) : lineEnd;
            remove = Text.TextSpan.FromBounds(lineStart, next);
        }
        else
        {
            int start = span.Start;
            while (start > lineStart && source.Text[start - 1] == ' ')
            {
                start--;
            }

            remove = Text.TextSpan.FromBounds(start, span.End);
        }

        context.Register(new CodeFix("Remove the unused suppression", [new Text.TextEdit(remove, string.Empty)], true, "TONE020"));
    }
}

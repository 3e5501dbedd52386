using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Analysis;

/// <summary>Decides whether a diagnostic is switched off by a suppression comment.</summary>
internal sealed class SuppressionMap(TemplateDocument document)
{
    /// <summary>Whether any suppression comment covers the diagnostic's start.</summary>
    public bool IsSuppressed(ToneDiagnostic diagnostic)
    {
        if (document.Suppressions.Count == 0)
        {
            return false;
        }

        var source = document.Source;
        int line = source.GetLineNumber(diagnostic.Span.Start);
        bool disabled = false;
        foreach (SuppressionComment comment in document.Suppressions)
        {
            if (!comment.AppliesTo(diagnostic.Id, diagnostic.Category))
            {
                continue;
            }

            int commentLine = source.GetLineNumber(comment.Span.Start);
            switch (comment.Kind)
            {
                case SuppressionKind.DisableLine when commentLine == line:
                    return true;
                case SuppressionKind.DisableNextLine when NextContentLine(source, source.GetLineNumber(comment.Span.End)) == line:
                    return true;
                case SuppressionKind.Disable when comment.Span.Start <= diagnostic.Span.Start:
                    disabled = true;
                    break;
                case SuppressionKind.Enable when comment.Span.Start <= diagnostic.Span.Start:
                    disabled = false;
                    break;
            }
        }

        return disabled;
    }

    private static int NextContentLine(Text.SourceText source, int line)
    {
        for (int next = line + 1; next < source.LineCount; next++)
        {
            if (!string.IsNullOrWhiteSpace(source.GetLineText(next)))
            {
                return next;
            }
        }

        return -1;
    }
}

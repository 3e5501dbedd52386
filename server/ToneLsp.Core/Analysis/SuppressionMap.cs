using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Analysis;

/// <summary>Decides whether a diagnostic is switched off by a suppression comment.</summary>
internal sealed class SuppressionMap(TemplateDocument document)
{
    private readonly HashSet<SuppressionComment> _used = [];

    /// <summary>The suppression comments that switched nothing off (enable comments never count).</summary>
    public IEnumerable<SuppressionComment> Unused =>
        document.Suppressions.Where(c => c.Kind != SuppressionKind.Enable && !_used.Contains(c));

    /// <summary>Whether any suppression comment covers the diagnostic's start; remembers the comment that did.</summary>
    public bool IsSuppressed(ToneDiagnostic diagnostic)
    {
        if (document.Suppressions.Count == 0)
        {
            return false;
        }

        var source = document.Source;
        int line = source.GetLineNumber(diagnostic.Span.Start);
        SuppressionComment? disabledBy = null;
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
                case SuppressionKind.DisableNextLine when NextContentLine(source, source.GetLineNumber(comment.Span.End)) == line:
                    _used.Add(comment);
                    return true;
                case SuppressionKind.Disable when comment.Span.Start <= diagnostic.Span.Start:
                    disabledBy = comment;
                    break;
                case SuppressionKind.Enable when comment.Span.Start <= diagnostic.Span.Start:
                    disabledBy = null;
                    break;
            }
        }

        if (disabledBy is not null)
        {
            _used.Add(disabledBy);
        }

        return disabledBy is not null;
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

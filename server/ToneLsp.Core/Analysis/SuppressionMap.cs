using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Analysis;

/// <summary>
/// Decides whether a diagnostic is switched off by a suppression comment. The lines that line comments cover are
/// computed once, so checking a diagnostic costs a lookup plus a walk over the (few) range comments.
/// </summary>
internal sealed class SuppressionMap
{
    private readonly TemplateDocument _document;
    private readonly Dictionary<int, List<SuppressionComment>> _byLine = [];
    private readonly List<SuppressionComment> _ranges = [];
    private readonly HashSet<SuppressionComment> _used = [];

    public SuppressionMap(TemplateDocument document)
    {
        _document = document;
        SourceText source = document.Source;
        foreach (SuppressionComment comment in document.Suppressions)
        {
            int line = comment.Kind switch
            {
                SuppressionKind.DisableLine => source.GetLineNumber(comment.Span.Start),
                SuppressionKind.DisableNextLine => NextContentLine(source, source.GetLineNumber(comment.Span.End)),
                _ => -1,
            };
            if (comment.Kind is SuppressionKind.Disable or SuppressionKind.Enable)
            {
                _ranges.Add(comment);
            }
            else if (line >= 0)
            {
                if (!_byLine.TryGetValue(line, out List<SuppressionComment>? comments))
                {
                    _byLine[line] = comments = [];
                }

                comments.Add(comment);
            }
        }
    }

    /// <summary>The suppression comments that switched nothing off (enable comments never count).</summary>
    public IEnumerable<SuppressionComment> Unused =>
        _document.Suppressions.Where(c => c.Kind != SuppressionKind.Enable && !_used.Contains(c));

    /// <summary>Whether any suppression comment covers the diagnostic's start; remembers the comment that did.</summary>
    public bool IsSuppressed(ToneDiagnostic diagnostic)
    {
        if (_document.Suppressions.Count == 0)
        {
            return false;
        }

        int line = _document.Source.GetLineNumber(diagnostic.Span.Start);
        if (_byLine.TryGetValue(line, out List<SuppressionComment>? comments) &&
            comments.FirstOrDefault(c => c.AppliesTo(diagnostic.Id, diagnostic.Category)) is { } lineComment)
        {
            _used.Add(lineComment);
            return true;
        }

        SuppressionComment? disabledBy = null;
        foreach (SuppressionComment comment in _ranges)
        {
            if (comment.Span.Start > diagnostic.Span.Start)
            {
                break;
            }

            if (comment.AppliesTo(diagnostic.Id, diagnostic.Category))
            {
                disabledBy = comment.Kind == SuppressionKind.Disable ? comment : null;
            }
        }

        if (disabledBy is not null)
        {
            _used.Add(disabledBy);
        }

        return disabledBy is not null;
    }

    private static int NextContentLine(SourceText source, int line)
    {
        for (int next = line + 1; next < source.LineCount; next++)
        {
            int start = source.GetLineStart(next);
            int end = source.GetLineContentEnd(next);
            if (source.Text.AsSpan(start, end - start).Trim().Length > 0)
            {
                return next;
            }
        }

        return -1;
    }
}

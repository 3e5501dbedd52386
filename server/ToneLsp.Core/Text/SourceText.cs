namespace ToneLsp.Core.Text;

/// <summary>How the character offset inside a line is counted on the wire.</summary>
public enum PositionEncoding
{
    /// <summary>UTF-16 code units, the LSP default.</summary>
    Utf16,

    /// <summary>UTF-8 bytes.</summary>
    Utf8,
}

/// <summary>A zero-based line and character position.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    /// <inheritdoc />
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
}

/// <summary>A range between two line positions, end exclusive.</summary>
public readonly record struct LineRange(LinePosition Start, LinePosition End);

/// <summary>A range of UTF-16 offsets into a text, end exclusive.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from its start and exclusive end.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    /// <summary>
    /// Whether two edits on these spans would conflict: they share a character, an insertion falls strictly inside
    /// the other span, or both are insertions at the same place. Adjacent spans do not conflict.
    /// </summary>
    public bool OverlapsWith(TextSpan other) => (Length, other.Length) switch
    {
        (0, 0) => Start == other.Start,
        (0, _) => other.Start < Start && Start < other.End,
        (_, 0) => Start < other.Start && other.Start < End,
        _ => Start < other.End && other.Start < End,
    };

    /// <summary>Whether the span lies entirely inside this one.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the offset lies inside this span (the end counts for empty spans).</summary>
    public bool Contains(int offset) => offset >= Start && (offset < End || (Length == 0 && offset == Start));
}

/// <summary>A replacement of the characters in a span by new text.</summary>
public readonly record struct TextEdit(TextSpan Span, string NewText);

/// <summary>
/// An immutable text with a line index. This is the one place that converts between offsets,
/// LSP line/character positions (UTF-16 or UTF-8), and Markdig's inclusive source spans.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>Creates a text and indexes its lines. CR, LF and CRLF all end a line.</summary>
    public SourceText(string text)
    {
        Text = text ?? string.Empty;
        _lineStarts = ComputeLineStarts(Text);
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The number of UTF-16 code units.</summary>
    public int Length => Text.Length;

    /// <summary>The number of lines; an empty text and a text ending in a line break count a last, empty line.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The offset where the line starts.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>The offset of the end of the line's content, before its line break.</summary>
    public int GetLineContentEnd(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        while (end > _lineStarts[line] && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }

    /// <summary>The line's text without its line break.</summary>
    public string GetLineText(int line) => Text[GetLineStart(line)..GetLineContentEnd(line)];

    /// <summary>The zero-based line that contains the offset.</summary>
    public int GetLineNumber(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Converts an offset into a position in the given encoding.</summary>
    public LinePosition GetPosition(int offset, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = GetLineNumber(offset);
        int start = _lineStarts[line];
        int character = encoding == PositionEncoding.Utf16 ? offset - start : Utf8Length(start, offset);
        return new LinePosition(line, character);
    }

    /// <summary>Converts a span into a line range in the given encoding.</summary>
    public LineRange GetRange(TextSpan span, PositionEncoding encoding = PositionEncoding.Utf16) =>
        new(GetPosition(span.Start, encoding), GetPosition(span.End, encoding));

    /// <summary>
    /// Converts a position into an offset. Positions past the end of a line clamp to the line's end,
    /// lines past the end clamp to the end of the text, and a position inside a surrogate pair or a
    /// multi-byte UTF-8 sequence moves to the start of that character.
    /// </summary>
    public int GetOffset(LinePosition position, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= _lineStarts.Length)
        {
            return Text.Length;
        }

        int start = _lineStarts[position.Line];
        int end = GetLineContentEnd(position.Line);
        int character = Math.Max(0, position.Character);
        if (encoding == PositionEncoding.Utf16)
        {
            // Compare before adding: start + character overflows for characters near int.MaxValue.
            int offset = character >= end - start ? end : start + character;
            if (offset > start && offset < end && char.IsLowSurrogate(Text[offset]) && char.IsHighSurrogate(Text[offset - 1]))
            {
                offset--;
            }

            return offset;
        }

        int bytes = 0;
        int i = start;
        while (i < end)
        {
            int width = Utf8Width(i, out int units);
            if (bytes + width > character)
            {
                break;
            }

            bytes += width;
            i += units;
        }

        return i;
    }

    /// <summary>Whether the position names a place inside the text (the end of a line counts).</summary>
    public bool IsValidPosition(LinePosition position) =>
        position.Line >= 0 && position.Character >= 0 && position.Line < _lineStarts.Length;

    /// <summary>Converts a line range into a span.</summary>
    public TextSpan GetSpan(LineRange range, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        int start = GetOffset(range.Start, encoding);
        int end = GetOffset(range.End, encoding);
        return end >= start ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(end, start);
    }

    /// <summary>
    /// Converts a Markdig source span, whose end is inclusive and whose empty form is (start, start - 1),
    /// into a span clamped to the text.
    /// </summary>
    public TextSpan FromMarkdigSpan(int start, int inclusiveEnd)
    {
        int clampedStart = Math.Clamp(start, 0, Text.Length);
        int end = Math.Clamp(inclusiveEnd + 1, clampedStart, Text.Length);
        return TextSpan.FromBounds(clampedStart, end);
    }

    /// <summary>The text inside the span, clamped to the text.</summary>
    public string Slice(TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, Text.Length);
        int end = Math.Clamp(span.End, start, Text.Length);
        return Text[start..end];
    }

    /// <summary>
    /// Applies non-overlapping edits and returns the new text. Edits are applied as if all at once
    /// against this text; overlapping edits after the first are skipped.
    /// </summary>
    public string ApplyEdits(IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        var builder = new System.Text.StringBuilder(Text.Length);
        int position = 0;
        foreach (TextEdit edit in ordered)
        {
            int start = Math.Clamp(edit.Span.Start, 0, Text.Length);
            int end = Math.Clamp(edit.Span.End, start, Text.Length);
            if (start < position)
            {
                continue;
            }

            builder.Append(Text, position, start - position);
            builder.Append(edit.NewText);
            position = end;
        }

        builder.Append(Text, position, Text.Length - position);
        return builder.ToString();
    }

    /// <summary>
    /// Applies one incremental change in the given encoding and returns the new text. The range is
    /// clamped to the text, so a stale or out-of-range position never throws.
    /// </summary>
    public SourceText WithChange(LineRange range, string newText, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        TextSpan span = GetSpan(range, encoding);
        return new SourceText(string.Concat(Text.AsSpan(0, span.Start), newText, Text.AsSpan(span.End)));
    }

    /// <summary>Whether the text starts with a byte order mark character.</summary>
    public bool HasByteOrderMark => Text.Length > 0 && Text[0] == '\uFEFF';

    /// <summary>The first line break style used in the text, or LF when there is none.</summary>
    public string DominantLineBreak
    {
        get
        {
            int index = Text.IndexOfAny(['\r', '\n']);
            if (index < 0)
            {
                return "\n";
            }

            return Text[index] == '\r' ? (index + 1 < Text.Length && Text[index + 1] == '\n' ? "\r\n" : "\r") : "\n";
        }
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    private int Utf8Length(int start, int end)
    {
        int bytes = 0;
        for (int i = start; i < end;)
        {
            bytes += Utf8Width(i, out int units);
            i += units;
        }

        return bytes;
    }

    private int Utf8Width(int index, out int units)
    {
        char c = Text[index];
        units = 1;
        if (c < 0x80)
        {
            return 1;
        }

        if (c < 0x800)
        {
            return 2;
        }

        if (char.IsHighSurrogate(c) && index + 1 < Text.Length && char.IsLowSurrogate(Text[index + 1]))
        {
            units = 2;
            return 4;
        }

        return 3;
    }
}

using System.Text;
using ToneLsp.Protocol;

namespace ToneLsp.Tests.Support;

/// <summary>
/// The client's side of text synchronisation, written independently of the server's SourceText:
/// converts LSP positions to string offsets and applies edits the way an editor would.
/// </summary>
public static class ClientText
{
    /// <summary>Converts a position into a UTF-16 offset; the position must lie inside the text.</summary>
    public static int ToOffset(string text, Position position, bool utf8 = false)
    {
        int lineStart = LineStarts(text)[position.Line];
        if (!utf8)
        {
            return lineStart + position.Character;
        }

        int offset = lineStart;
        int bytes = 0;
        while (bytes < position.Character)
        {
            int units = char.IsHighSurrogate(text[offset]) ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(offset, units));
            offset += units;
        }

        return offset;
    }

    /// <summary>Converts a UTF-16 offset into a position.</summary>
    public static Position ToPosition(string text, int offset, bool utf8 = false)
    {
        List<int> starts = LineStarts(text);
        int line = starts.FindLastIndex(s => s <= offset);
        string before = text[starts[line]..offset];
        return new Position(line, utf8 ? Encoding.UTF8.GetByteCount(before) : before.Length);
    }

    /// <summary>The range of the first occurrence of <paramref name="fragment"/>.</summary>
    public static Protocol.Range RangeOf(string text, string fragment, bool utf8 = false)
    {
        int start = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The text does not contain “{fragment}”.");
        return new Protocol.Range(ToPosition(text, start, utf8), ToPosition(text, start + fragment.Length, utf8));
    }

    /// <summary>The text inside a range.</summary>
    public static string Slice(string text, Protocol.Range range, bool utf8 = false) =>
        text[ToOffset(text, range.Start, utf8)..ToOffset(text, range.End, utf8)];

    /// <summary>Applies the edits of a code action, which all refer to the original text.</summary>
    public static string ApplyEdits(string text, IEnumerable<TextEdit> edits, bool utf8 = false)
    {
        var ordered = edits.Select(e => (Start: ToOffset(text, e.Range.Start, utf8), End: ToOffset(text, e.Range.End, utf8), e.NewText))
            .OrderByDescending(e => e.Start).ToList();
        var builder = new StringBuilder(text);
        foreach (var (start, end, newText) in ordered)
        {
            builder.Remove(start, end - start).Insert(start, newText);
        }

        return builder.ToString();
    }

    // CR, LF and CRLF each end a line, as the LSP specification says.
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}

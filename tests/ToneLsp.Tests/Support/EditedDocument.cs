using ToneLsp.Protocol;

namespace ToneLsp.Tests.Support;

/// <summary>
/// A document as an editor changes it: each edit updates the client's text by plain string offsets
/// and returns the incremental change event to send, with its range in the negotiated encoding.
/// </summary>
public sealed class EditedDocument(string text, bool utf8 = false)
{
    /// <summary>The client's current text.</summary>
    public string Text { get; private set; } = text;

    /// <summary>Replaces the characters between two UTF-16 offsets.</summary>
    public TextDocumentContentChangeEvent Replace(int start, int end, string newText)
    {
        var range = new Protocol.Range(ClientText.ToPosition(Text, start, utf8), ClientText.ToPosition(Text, end, utf8));
        Text = string.Concat(Text.AsSpan(0, start), newText, Text.AsSpan(end));
        return new TextDocumentContentChangeEvent(range, null, newText);
    }

    /// <summary>Replaces the first occurrence of a fragment.</summary>
    public TextDocumentContentChangeEvent Replace(string fragment, string newText)
    {
        int start = IndexOf(fragment);
        return Replace(start, start + fragment.Length, newText);
    }

    /// <summary>Inserts text right after the first occurrence of a fragment.</summary>
    public TextDocumentContentChangeEvent InsertAfter(string fragment, string newText)
    {
        int end = IndexOf(fragment) + fragment.Length;
        return Replace(end, end, newText);
    }

    /// <summary>Inserts text right before the first occurrence of a fragment.</summary>
    public TextDocumentContentChangeEvent InsertBefore(string fragment, string newText)
    {
        int start = IndexOf(fragment);
        return Replace(start, start, newText);
    }

    private int IndexOf(string fragment)
    {
        int index = Text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, $"The document does not contain “{fragment}”.");
        return index;
    }
}

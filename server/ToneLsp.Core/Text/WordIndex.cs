using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Text;

/// <summary>
/// The folded words of a document's reply, for a cheap test whether a phrase can match at all before
/// its regular expression runs.
/// </summary>
public sealed class WordIndex
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly string[] _sorted;

    /// <summary>Indexes the words of the reply blocks of the document.</summary>
    public WordIndex(TemplateDocument document)
    {
        foreach (ProseBlock block in document.ReplyBlocks)
        {
            foreach (Token token in document.TokensOf(block))
            {
                if (!token.IsWord)
                {
                    continue;
                }

                string folded = PhrasePattern.Fold(token.Lower);
                _words.Add(folded);
                int split = folded.IndexOfAny(['\'', '-']);
                if (split > 0)
                {
                    _words.Add(folded[..split]);
                }
            }
        }

        _sorted = [.. _words.Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether any of the anchors occurs; an anchor ending in * matches words that start with it.</summary>
    public bool ContainsAny(IReadOnlyList<string> anchors)
    {
        foreach (string anchor in anchors)
        {
            if (anchor.EndsWith('*') ? HasPrefix(anchor[..^1]) : _words.Contains(anchor))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPrefix(string prefix)
    {
        int index = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
        if (index >= 0)
        {
            return true;
        }

        index = ~index;
        return index < _sorted.Length && _sorted[index].StartsWith(prefix, StringComparison.Ordinal);
    }
}

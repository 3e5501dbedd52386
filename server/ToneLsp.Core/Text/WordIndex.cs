using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Text;

/// <summary>
/// The folded words of a document's reply, for a cheap test whether a phrase can match at all before
/// its regular expression runs.
/// </summary>
public sealed class WordIndex
{
    private readonly HashSet<string> _words;
    private string[]? _sorted;

    /// <summary>Indexes the words of the reply blocks of the document.</summary>
    public WordIndex(TemplateDocument document)
    {
        // Sized for a template; large documents repeat their words, so the set stays far smaller than their text.
        _words = new HashSet<string>(Math.Min(document.Prose.Length / 12, 4096), StringComparer.Ordinal);
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        Dictionary<string, string>? foldedForms = null;
        foreach (ProseBlock block in document.ReplyBlocks)
        {
            foreach (Token token in document.TokensOf(block))
            {
                if (!token.IsWord)
                {
                    continue;
                }

                string folded = token.Lower;
                if (PhrasePattern.NeedsFolding(folded))
                {
                    foldedForms ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    if (!foldedForms.TryGetValue(folded, out string? known))
                    {
                        known = PhrasePattern.Fold(folded);
                        foldedForms[folded] = known;
                    }

                    folded = known;
                }

                _words.Add(folded);
                int split = folded.AsSpan().IndexOfAny('\'', '-');
                if (split > 0 && !lookup.Contains(folded.AsSpan(0, split)))
                {
                    _words.Add(folded[..split]);
                }
            }
        }
    }

    /// <summary>Whether any of the anchors occurs; an anchor ending in * matches words that start with it.</summary>
    public bool ContainsAny(IReadOnlyList<string> anchors)
    {
        for (int i = 0; i < anchors.Count; i++)
        {
            string anchor = anchors[i];
            if (anchor.EndsWith('*') ? HasPrefix(anchor.AsSpan(0, anchor.Length - 1)) : _words.Contains(anchor))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPrefix(ReadOnlySpan<char> prefix)
    {
        // Sorted only when a prefix anchor asks: most documents never need it.
        if (_sorted is null)
        {
            _sorted = [.. _words];
            Array.Sort(_sorted, StringComparer.Ordinal);
        }

        int low = 0, high = _sorted.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (_sorted[middle].AsSpan().CompareTo(prefix, StringComparison.Ordinal) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < _sorted.Length && _sorted[low].AsSpan().StartsWith(prefix, StringComparison.Ordinal);
    }
}

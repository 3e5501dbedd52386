using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Text;

/// <summary>
/// The folded words of a document's reply and the sentences they occur in, for a cheap test whether a phrase can
/// match at all before its regular expression runs, and where: a match contains its anchor words, so the expression
/// runs only on the sentences that hold one of every group of them.
/// </summary>
public sealed class WordIndex
{
    // Word → its id; per id the first occurrence; per occurrence its sentence and the next occurrence of the same word.
    private readonly Dictionary<string, int> _ids;
    private readonly List<int> _first = [];
    private readonly List<int> _sentenceOf = [];
    private readonly List<int> _next = [];
    private string[]? _sorted;
    private HashSet<int>? _proposed, _sentences;

    // A template has at most 64 sentences: then every word also has the set of its sentences as bits, for the
    // inverted phrase index (PhraseIndex). Longer documents walk the occurrence lists instead.
    private readonly List<ulong>? _masks;

    /// <summary>Indexes the words of the reply sentences of the document.</summary>
    public WordIndex(TemplateDocument document)
    {
        // Sized for a template; large documents repeat their words, so the set stays far smaller than their text.
        _ids = new Dictionary<string, int>(Math.Min(document.Prose.Length / 12, 4096), StringComparer.Ordinal);
        var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Dictionary<string, string>? foldedForms = null;
        IReadOnlyList<BlockSentence> sentences = document.Sentences;
        _masks = sentences.Count <= 64 ? [] : null;
        for (int s = 0; s < sentences.Count; s++)
        {
            if (sentences[s].Block.IsQuoted)
            {
                continue;
            }

            foreach (Token token in sentences[s].Sentence.Tokens)
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

                Add(folded, s);
                int split = folded.AsSpan().IndexOfAny('\'', '-');
                if (split > 0)
                {
                    Add(lookup.TryGetValue(folded.AsSpan(0, split), out string? part, out _) ? part : folded[..split], s);
                }
            }
        }
    }

    /// <summary>
    /// For a document of at most 64 sentences, every word (folded) with its id into the masks: bit s is set when the word
    /// occurs in sentence s of <see cref="TemplateDocument.Sentences"/>. False for longer documents.
    /// </summary>
    public bool TryGetSentenceMasks([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyDictionary<string, int>? ids,
                                    [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<ulong>? masks)
    {
        ids = _masks is null ? null : _ids;
        masks = _masks;
        return _masks is not null;
    }

    /// <summary>Whether any of the anchors occurs; an anchor ending in * matches words that start with it.</summary>
    public bool ContainsAny(IReadOnlyList<string> anchors) => Scan(anchors);

    private bool Scan(IReadOnlyList<string> anchors)
    {
        for (int i = 0; i < anchors.Count; i++)
        {
            string anchor = anchors[i];
            if (anchor.StartsWith('*') ? Inner(anchor).Any() : anchor.EndsWith('*') ? PrefixRange(anchor.AsSpan(0, anchor.Length - 1)).Count > 0 : _ids.ContainsKey(anchor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the anchor is one a word must end with (<c>*trottel</c>) or contain (<c>*idiot*</c>).</summary>
    public static bool IsInnerAnchor(string anchor) => anchor.Length > 1 && anchor[0] == '*';

    // The indexed words that end with (or contain) the anchor's word.
    private IEnumerable<string> Inner(string anchor)
    {
        bool contains = anchor.EndsWith('*') && anchor.Length > 2;
        string part = contains ? anchor[1..^1] : anchor[1..];
        foreach (string word in _ids.Keys)
        {
            if (contains ? word.Contains(part, StringComparison.Ordinal) : word.EndsWith(part, StringComparison.Ordinal))
            {
                yield return word;
            }
        }
    }

    /// <summary>
    /// The indices (in <see cref="TemplateDocument.Sentences"/>) of the reply sentences that hold a word of every anchor
    /// group, ascending, added to <paramref name="result"/>; none when a group occurs nowhere. For documents of more
    /// than 64 sentences; shorter ones go through the inverted phrase index.
    /// </summary>
    public void CandidateSentences(IReadOnlyList<IReadOnlyList<string>> groups, List<int> result)
    {
        if (groups.Count == 0)
        {
            return;
        }

        for (int g = 0; g < groups.Count; g++)
        {
            if (!ContainsAny(groups[g]))
            {
                return;
            }
        }

        // The group with the fewest occurrences proposes sentences; every other group must occur in them too.
        int rarest = 0, fewest = int.MaxValue;
        for (int g = 0; g < groups.Count; g++)
        {
            int count = Occurrences(groups[g], null);
            if (count < fewest)
            {
                (rarest, fewest) = (g, count);
            }
        }

        if (fewest == 0)
        {
            return;
        }

        // Reused between calls: one analysis asks for many phrases, one after the other.
        HashSet<int> proposed = _proposed ??= [];
        HashSet<int> sentences = _sentences ??= [];
        proposed.Clear();
        Occurrences(groups[rarest], proposed);

        // Each other group's sentences are collected once and intersected, so the work is linear in the occurrences.
        for (int g = 0; g < groups.Count && proposed.Count > 0; g++)
        {
            if (g != rarest)
            {
                sentences.Clear();
                Occurrences(groups[g], sentences);
                proposed.IntersectWith(sentences);
            }
        }

        int first = result.Count;
        result.AddRange(proposed);
        result.Sort(first, result.Count - first, null);
    }

    private void Add(string word, int sentence)
    {
        ref int id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, word, out bool exists);
        if (!exists)
        {
            id = _first.Count;
            _first.Add(-1);
            _masks?.Add(0);
        }

        if (_masks is not null)
        {
            _masks[id] |= 1UL << sentence;
        }

        int head = _first[id];
        if (head >= 0 && _sentenceOf[head] == sentence)
        {
            return;
        }

        _first[id] = _sentenceOf.Count;
        _sentenceOf.Add(sentence);
        _next.Add(head);
    }

    // How many (word, sentence) occurrences the group's anchors have; their sentences are added to the set when given.
    private int Occurrences(IReadOnlyList<string> anchors, HashSet<int>? into)
    {
        int count = 0;
        for (int i = 0; i < anchors.Count; i++)
        {
            string anchor = anchors[i];
            if (IsInnerAnchor(anchor))
            {
                foreach (string word in Inner(anchor))
                {
                    count += Walk(_ids[word], into);
                }
            }
            else if (anchor.EndsWith('*'))
            {
                foreach (string word in PrefixRange(anchor.AsSpan(0, anchor.Length - 1)))
                {
                    count += Walk(_ids[word], into);
                }
            }
            else if (_ids.TryGetValue(anchor, out int id))
            {
                count += Walk(id, into);
            }
        }

        return count;
    }

    private int Walk(int id, HashSet<int>? into)
    {
        int count = 0;
        for (int occurrence = _first[id]; occurrence >= 0; occurrence = _next[occurrence])
        {
            count++;
            into?.Add(_sentenceOf[occurrence]);
        }

        return count;
    }

    private ArraySegment<string> PrefixRange(ReadOnlySpan<char> prefix)
    {
        // Sorted only when a prefix anchor asks: most documents never need it.
        if (_sorted is null)
        {
            _sorted = [.. _ids.Keys];
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

        int end = low;
        while (end < _sorted.Length && _sorted[end].AsSpan().StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return new ArraySegment<string>(_sorted, low, end - low);
    }
}

using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>
/// The anchor words of every phrase part of a set of rules, inverted: word → the anchor groups it satisfies. For a
/// template (at most 64 sentences) the candidate sentences of all parts come from one pass over the document's words
/// instead of one look-up per anchor per part, which matters once phrases carry hundreds of inflected forms and class
/// members as anchors.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _prefixes = new(StringComparer.Ordinal);
    private readonly List<Entry>[] _byRule;
    private readonly List<int>[] _unanchored;
    private readonly List<(string Part, bool Contains, int Group)> _inner = [];
    private readonly Dictionary<string, List<(string Suffix, int Group)>> _suffixes = new(StringComparer.Ordinal);
    private const int SuffixKey = 3;
    private readonly int _longestPrefix;
    private readonly int _groupCount;

    /// <summary>Indexes the anchors of every part of every phrase of the rules.</summary>
    public PhraseIndex(IReadOnlyList<LexiconRule> rules)
    {
        int group = 0;
        _byRule = new List<Entry>[rules.Count];
        _unanchored = new List<int>[rules.Count];
        for (int r = 0; r < rules.Count; r++)
        {
            _byRule[r] = [];
            _unanchored[r] = [];
            for (int p = 0; p < rules[r].Phrases.Count; p++)
            {
                LexiconPhrase phrase = rules[r].Phrases[p];
                foreach (PhrasePart part in phrase.Parts)
                {
                    var ids = new int[part.Anchors.Count];
                    for (int g = 0; g < part.Anchors.Count; g++)
                    {
                        ids[g] = group;
                        foreach (string anchor in part.Anchors[g].Distinct(StringComparer.Ordinal))
                        {
                            if (WordIndex.IsInnerAnchor(anchor))
                            {
                                bool contains = anchor.EndsWith('*') && anchor.Length > 2;
                                string inner = contains ? anchor[1..^1] : anchor[1..];
                                if (contains || inner.Length < SuffixKey)
                                {
                                    _inner.Add((inner, contains, group));
                                }
                                else
                                {
                                    // Suffixes are bucketed by their last letters, so a word asks only the few that could fit.
                                    string key = inner[^SuffixKey..];
                                    if (!_suffixes.TryGetValue(key, out List<(string, int)>? bucket))
                                    {
                                        _suffixes[key] = bucket = [];
                                    }

                                    bucket.Add((inner, group));
                                }

                                continue;
                            }

                            bool prefix = anchor.EndsWith('*');
                            string word = prefix ? anchor[..^1] : anchor;
                            Dictionary<string, List<int>> map = prefix ? _prefixes : _exact;
                            if (!map.TryGetValue(word, out List<int>? groups))
                            {
                                map[word] = groups = [];
                            }

                            groups.Add(group);
                            if (prefix)
                            {
                                _longestPrefix = Math.Max(_longestPrefix, word.Length);
                            }
                        }

                        group++;
                    }

                    _byRule[r].Add(new Entry(p, phrase, part, ids));
                    if (part.Anchors.Count == 0 && (_unanchored[r].Count == 0 || _unanchored[r][^1] != p))
                    {
                        _unanchored[r].Add(p);
                    }
                }
            }
        }

        _groupCount = group;
    }

    /// <summary>The sentence sets of the document's anchor groups, or null for a document with more than 64 sentences.</summary>
    public Matches? Match(WordIndex words)
    {
        if (!words.TryGetSentenceMasks(out IReadOnlyDictionary<string, int>? ids, out IReadOnlyList<ulong>? masks))
        {
            return null;
        }

        // Rented: a template's analysis would otherwise allocate one mask per anchor group of the whole catalogue.
        ulong[] groups = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(_groupCount, 1));
        Array.Clear(groups, 0, _groupCount);
        var suffixLookup = _suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        var exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        var prefixLookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (word, id) in ids)
        {
            ulong mask = masks[id];
            if (exactLookup.TryGetValue(word, out List<int>? exact))
            {
                foreach (int g in exact)
                {
                    groups[g] |= mask;
                }
            }

            if (word.Length >= SuffixKey && suffixLookup.TryGetValue(word.AsSpan(word.Length - SuffixKey), out List<(string Suffix, int Group)>? bucket))
            {
                foreach (var (suffix, g) in bucket)
                {
                    if (word.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        groups[g] |= mask;
                    }
                }
            }

            foreach (var (part, contains, g) in _inner)
            {
                if (contains ? word.Contains(part, StringComparison.Ordinal) : word.EndsWith(part, StringComparison.Ordinal))
                {
                    groups[g] |= mask;
                }
            }

            for (int length = 1; length <= Math.Min(word.Length, _longestPrefix); length++)
            {
                if (prefixLookup.TryGetValue(word.AsSpan(0, length), out List<int>? prefixed))
                {
                    foreach (int g in prefixed)
                    {
                        groups[g] |= mask;
                    }
                }
            }
        }

        return new Matches(groups);
    }

    /// <summary>The indices of the rule's phrases that have a part without anchor words (it runs on every block).</summary>
    public IReadOnlyList<int> UnanchoredOf(int rule) => _unanchored[rule];

    /// <summary>The phrase parts of the rule with the given index, in order, with their anchor groups.</summary>
    public IReadOnlyList<Entry> EntriesOf(int rule) => _byRule[rule];

    /// <summary>One phrase part and the ids of its anchor groups.</summary>
    public sealed record Entry(int PhraseIndex, LexiconPhrase Phrase, PhrasePart Part, int[] Groups);

    /// <summary>The anchor groups of one document.</summary>
    public sealed class Matches(ulong[] groups) : IDisposable
    {
        /// <summary>Returns the masks to the pool; the object must not be used afterwards.</summary>
        public void Dispose() => System.Buffers.ArrayPool<ulong>.Shared.Return(groups);

        /// <summary>The sentences that hold a word of every anchor group of the entry, as bits; 0 when there are none.</summary>
        public ulong SentencesOf(Entry entry)
        {
            ulong all = ulong.MaxValue;
            int[] ids = entry.Groups;
            for (int i = 0; i < ids.Length && all != 0; i++)
            {
                all &= groups[ids[i]];
            }

            return all;
        }
    }
}

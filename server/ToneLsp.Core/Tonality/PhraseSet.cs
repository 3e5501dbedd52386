using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tonality;

/// <summary>
/// A set of words and several-word phrases matched on tokens, case-insensitively, without regular expressions: a
/// dictionary lookup per word, so that register detection stays cheap on every keystroke. Entries of up to two
/// letters ("LG", "u") match only as written or in lower case, so that "U.S." holds no "u". ’ matches '.
/// </summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<string, List<string[]>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exactShort = new(StringComparer.Ordinal);

    public PhraseSet(IEnumerable<string> entries)
    {
        foreach (string entry in entries)
        {
            string[] words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalize).ToArray();
            if (words.Length == 0 || !words.All(w => w.Any(char.IsLetterOrDigit)))
            {
                continue;
            }

            string first = words[0].ToLowerInvariant();
            if (!_byFirstWord.TryGetValue(first, out List<string[]>? list))
            {
                _byFirstWord[first] = list = [];
            }

            list.Add(words.Select(w => w.ToLowerInvariant()).ToArray());
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
            if (words.Length == 1 && words[0].Count(char.IsLetter) <= 2)
            {
                _exactShort.Add(words[0]);
                _exactShort.Add(words[0].ToLowerInvariant());
            }
        }
    }

    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>The number of tokens of the longest entry that starts at token <paramref name="index"/>, or 0.</summary>
    public int MatchAt(IReadOnlyList<Token> tokens, int index)
    {
        Token token = tokens[index];
        if (!token.IsWord || !_byFirstWord.TryGetValue(Normalize(token.Lower), out List<string[]>? candidates))
        {
            return 0;
        }

        foreach (string[] words in candidates)
        {
            if (words.Length == 1)
            {
                // A short entry ("LG", "u") is also in _exactShort: it matches only as written or in lower case.
                if (!_exactShort.Contains(words[0]) || _exactShort.Contains(Normalize(token.Text)))
                {
                    return 1;
                }

                continue;
            }

            if (index + words.Length > tokens.Count)
            {
                continue;
            }

            bool all = true;
            for (int k = 1; k < words.Length && all; k++)
            {
                all = tokens[index + k].IsWord && Normalize(tokens[index + k].Lower) == words[k];
            }

            if (all)
            {
                return words.Length;
            }
        }

        return 0;
    }

    /// <summary>Every match in the tokens, as the span of its first to last token.</summary>
    public IEnumerable<TextSpan> Matches(IReadOnlyList<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            int length = MatchAt(tokens, i);
            if (length > 0)
            {
                yield return TextSpan.FromBounds(tokens[i].Span.Start, tokens[i + length - 1].Span.End);
                i += length - 1;
            }
        }
    }

    private static string Normalize(string word) => word.Contains('’', StringComparison.Ordinal) ? word.Replace('’', '\'') : word;
}

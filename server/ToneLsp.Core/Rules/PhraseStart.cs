using System.Text.RegularExpressions;

namespace ToneLsp.Core.Rules;

/// <summary>
/// Where a phrase part's matches can begin: the words they begin with (<see cref="PhrasePattern.FirstWords(string)"/>)
/// and the part's expression anchored at one position. A big alternation of words costs its expression a try at every
/// character of a sentence; tried only at the starts of words it can begin with, it finds the same matches (leftmost,
/// one after another) for a fraction of the work.
/// </summary>
internal sealed class PhraseStart
{
    private readonly HashSet<string> _exact;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly string[] _prefixes;
    private readonly string[] _parts;
    private readonly Lazy<Regex> _anchored;

    private PhraseStart(IReadOnlyList<string> first, Func<Regex> anchored)
    {
        _exact = new HashSet<string>(first.Where(w => !w.StartsWith('*') && !w.EndsWith('*')), StringComparer.Ordinal);
        _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = [.. first.Where(w => !w.StartsWith('*') && w.EndsWith('*')).Select(w => w[..^1])];

        // "*trottel" and "*idiot*": a word that holds the part anywhere may hold a match (a hyphen can end it early).
        _parts = [.. first.Where(w => w.StartsWith('*')).Select(w => w.Trim('*')).Where(w => w.Length > 0)];
        _anchored = new Lazy<Regex>(anchored);
    }

    /// <summary>The part's expression with <c>\G</c> before it: it matches only where a search starts.</summary>
    public Regex Anchored => _anchored.Value;

    /// <summary>The start of the part's source pattern, or null when a match may begin other than with a word. Never throws.</summary>
    public static PhraseStart? For(string pattern, Func<string> expression, RegexOptions options, TimeSpan timeout)
    {
        IReadOnlyList<string>? first;
        try
        {
            first = PhrasePattern.FirstWords(pattern);
        }
        catch (FormatException)
        {
            first = null;
        }

        return first is { Count: > 0 } ? new PhraseStart(first, () => new Regex(@"\G(?:" + expression() + ")", options, timeout)) : null;
    }

    /// <summary>The first position at or after <paramref name="from"/> where a word begins that a match may begin with; -1 when none.</summary>
    public int NextCandidate(ReadOnlySpan<char> input, int from)
    {
        Span<char> buffer = stackalloc char[64];
        for (int i = Math.Max(from, 0); i < input.Length; i++)
        {
            if (!IsLetterLike(input[i]) || (i > 0 && IsLetterLike(input[i - 1])))
            {
                continue;
            }

            int end = i;
            while (end < input.Length && (IsLetterLike(input[end]) || input[end] is '\'' or '’' or '-'))
            {
                end++;
            }

            if (Accepts(input[i..end], buffer))
            {
                return i;
            }
        }

        return -1;
    }

    // Whether the word, folded as anchors are, fits: whole, or its part before an apostrophe or hyphen, as a word;
    // as a prefix; or holding an inner part.
    private bool Accepts(ReadOnlySpan<char> word, Span<char> buffer)
    {
        ReadOnlySpan<char> folded = Fold(word, buffer);
        if (folded.IsEmpty)
        {
            return true;
        }

        if (_exactLookup.Contains(folded))
        {
            return true;
        }

        int split = folded.IndexOfAny('\'', '-');
        if (split > 0 && _exactLookup.Contains(folded[..split]))
        {
            return true;
        }

        foreach (string prefix in _prefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (string part in _parts)
        {
            if (folded.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Lower case, umlauts and ß transliterated, ’ as ' (PhrasePattern.Fold) into the buffer; empty when the word does
    // not fit, which counts as a candidate.
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int length = 0;
        foreach (char c in word)
        {
            char lower = char.ToLowerInvariant(c);
            ReadOnlySpan<char> written = PhrasePattern.FoldedLetter(lower);
            if (length + Math.Max(written.Length, 1) > buffer.Length)
            {
                return default;
            }

            if (written.IsEmpty)
            {
                buffer[length++] = lower;
            }
            else
            {
                written.CopyTo(buffer[length..]);
                length += written.Length;
            }
        }

        return buffer[..length];
    }

    // The characters the expressions' word boundaries look at: letters, marks and digits.
    private static bool IsLetterLike(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or
        System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.LetterNumber or
        System.Globalization.UnicodeCategory.OtherNumber;
}

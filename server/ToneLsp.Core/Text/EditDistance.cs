namespace ToneLsp.Core.Text;

/// <summary>The Levenshtein distance between two words.</summary>
public static class EditDistance
{
    /// <summary>" (did you mean 'x'?)" when a known word is at most two edits away from the given one, else nothing.</summary>
    public static string DidYouMean(string word, IEnumerable<string> known) =>
        Closest(word, known) is { } best ? $" (did you mean '{best}'?)" : string.Empty;

    /// <summary>The known word within two edits of the word, or null.</summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        string? best = known.OrderBy(k => Between(k, word, ignoreCase: true)).FirstOrDefault();
        return best is not null && Between(best, word, ignoreCase: true) <= 2 ? best : null;
    }

    /// <summary>How many insertions, deletions and substitutions turn one word into the other.</summary>
    public static int Between(string a, string b, bool ignoreCase = false)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                bool same = ignoreCase ? char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) : a[i - 1] == b[j - 1];
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (same ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

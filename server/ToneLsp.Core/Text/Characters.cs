namespace ToneLsp.Core.Text;

/// <summary>Character tests over a word without the enumerator that LINQ's <c>Any</c> allocates on a string.</summary>
public static class Characters
{
    /// <summary>Whether the text holds a letter.</summary>
    public static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text holds an upper-case letter.</summary>
    public static bool HasUpper(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text holds a decimal digit.</summary>
    public static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}

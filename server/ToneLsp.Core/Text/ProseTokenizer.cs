using System.Text.RegularExpressions;

namespace ToneLsp.Core.Text;

/// <summary>A word or punctuation mark in prose, with its span in the source.</summary>
public readonly struct Token
{
    /// <summary>Creates a token; the lower-case form is computed unless given.</summary>
    public Token(string text, TextSpan span, bool isWord, string? lower = null)
    {
        Text = text;
        _start = span.Start;
        _lengthOrMark = isWord ? span.Length : ~span.Length;
        Lower = lower ?? text.ToLowerInvariant();
    }

    /// <summary>The token's text.</summary>
    public string Text { get; }

    /// <summary>Where the token stands.</summary>
    public TextSpan Span => new(_start, _lengthOrMark >= 0 ? _lengthOrMark : ~_lengthOrMark);

    /// <summary>Whether the token is a word (not punctuation or a symbol).</summary>
    public bool IsWord => _lengthOrMark >= 0;

    /// <summary>The token's text in lower case.</summary>
    public string Lower { get; }

    /// <summary>Whether the token starts with an upper-case letter.</summary>
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    // The span's start, and its length, complemented for marks: a document holds many tokens, so they stay small.
    private readonly int _start;
    private readonly int _lengthOrMark;
}

/// <summary>A sentence: its tokens and its span.</summary>
public sealed record Sentence(TextSpan Span, IReadOnlyList<Token> Tokens)
{
    /// <summary>Whether the sentence ends with a question mark ("?", "⁉️", "❓"), emoji after it aside ("Passt das? 🙂").</summary>
    public bool IsQuestion
    {
        get
        {
            for (int i = Tokens.Count - 1; i >= 0; i--)
            {
                Token token = Tokens[i];
                if (token.IsWord)
                {
                    return false;
                }

                if (token.Text is "?" or "⁉" or "⁈" or "❓" or "❔" or "？")
                {
                    return true;
                }

                if (!IsEmojiOrModifier(token.Text))
                {
                    return false;
                }
            }

            return false;
        }
    }

    private static bool IsEmojiOrModifier(string text) =>
        text.Length > 0 && (char.IsSurrogate(text[0]) || char.GetUnicodeCategory(text[0]) is System.Globalization.UnicodeCategory.OtherSymbol or
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.Format);
}

/// <summary>Shares the strings of repeated tokens, with their lower-case forms; not thread-safe.</summary>
public sealed class StringPool
{
    private readonly Dictionary<string, string> _lower = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty pool.</summary>
    public StringPool() => _lookup = _lower.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string for the characters, and its lower-case form.</summary>
    public (string Text, string Lower) Get(ReadOnlySpan<char> characters)
    {
        if (_lookup.TryGetValue(characters, out string? text, out string? lower))
        {
            return (text, lower);
        }

        text = characters.ToString();
        lower = text.ToLowerInvariant();
        _lower[text] = lower;
        return (text, lower);
    }
}

/// <summary>A view of consecutive tokens of a block's list, so sentences share their block's tokens instead of copying them.</summary>
public sealed class TokenRange(Token[] tokens, int start, int count) : IReadOnlyList<Token>
{
    /// <inheritdoc />
    public int Count => count;

    /// <inheritdoc />
    public Token this[int index] => (uint)index < (uint)count ? tokens[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<Token> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
        {
            yield return tokens[start + i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Splits prose into words, punctuation and sentences.</summary>
public static partial class ProseTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "z", "b", "bzw", "ca", "nr", "dr", "prof", "usw", "etc", "ggf", "vgl", "inkl", "zzgl", "evtl", "u", "a", "d", "h",
        "e", "g", "i", "mr", "mrs", "ms", "st", "str", "tel", "bspw", "s", "mio", "mrd", "jan", "feb", "abs", "co", "vs",
    };

    /// <summary>The text trimmed, with every run of white space as one space.</summary>
    public static string CollapseWhitespace(string text) => Whitespace().Replace(text.Trim(), " ");

    /// <summary>Tokenizes a stretch of prose; spans are offsets into the same text.</summary>
    public static List<Token> Tokenize(string prose, TextSpan span) => Tokenize(prose, span, null);

    /// <summary>Tokenizes with a pool that shares the strings of repeated words (one per document).</summary>
    public static List<Token> Tokenize(string prose, TextSpan span, StringPool? pool)
    {
        var tokens = new List<Token>(span.Length / 5);
        Tokenize(prose, span, pool, tokens);
        return tokens;
    }

    /// <summary>Tokenizes into an array of exactly the tokens' size, for documents that keep their tokens.</summary>
    public static Token[] TokenizeToArray(string prose, TextSpan span, StringPool? pool)
    {
        List<Token> scratch = t_scratch ??= new List<Token>(256);
        scratch.Clear();
        Tokenize(prose, span, pool, scratch);
        Token[] tokens = scratch.ToArray();
        if (scratch.Capacity > 64 * 1024)
        {
            t_scratch = null;
        }

        return tokens;
    }

    [ThreadStatic]
    private static List<Token>? t_scratch;

    private static void Tokenize(string prose, TextSpan span, StringPool? pool, List<Token> tokens)
    {
        // A scanner rather than a regular expression: tokenizing runs on every keystroke over the whole document.
        int end = Math.Min(prose.Length, span.End);
        int i = Math.Max(0, span.Start);
        while (i < end)
        {
            char c = prose[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < end)
                {
                    char next = prose[i];
                    if (char.IsLetterOrDigit(next) || char.GetUnicodeCategory(next) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
                    {
                        i++;
                    }
                    else if (next is '\'' or '’' or '-' && i + 1 < end && char.IsLetterOrDigit(prose[i + 1]))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(Make(start, i, true));
                continue;
            }

            // "/bin/kill", "/etc/hosts": an absolute path after white space is one token and no word.
            if (c == '/' && (start == 0 || char.IsWhiteSpace(prose[start - 1]) || prose[start - 1] is '(' or '»' or '„' or '"') &&
                i + 1 < end && (char.IsLetterOrDigit(prose[i + 1]) || prose[i + 1] is '.' or '_'))
            {
                i = PathEnd(prose, i, end);
                tokens.Add(Make(start, i, false));
                continue;
            }

            // A surrogate pair (most emoji) is one token; any other character stands alone.
            i += char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(prose[i + 1]) ? 2 : 1;
            tokens.Add(Make(start, i, false));
        }

        Token Make(int start, int end, bool isWord)
        {
            if (CommonWords.TryGet(prose.AsSpan(start, end - start), out string common, out string commonLower))
            {
                return new Token(common, new TextSpan(start, end - start), isWord, commonLower);
            }

            if (pool is null)
            {
                return new Token(prose.Substring(start, end - start), new TextSpan(start, end - start), isWord);
            }

            var (text, lower) = pool.Get(prose.AsSpan(start, end - start));
            return new Token(text, new TextSpan(start, end - start), isWord, lower);
        }
    }

    // The end of a path: up to white space, without the punctuation that closes the sentence or a parenthesis.
    private static int PathEnd(string prose, int i, int end)
    {
        int stop = i;
        while (stop < end && !char.IsWhiteSpace(prose[stop]))
        {
            stop++;
        }

        while (stop > i + 1 && prose[stop - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '«' or '“' or '"')
        {
            stop--;
        }

        return stop;
    }

    /// <summary>Splits a stretch of prose into sentences at ., ! and ?, not after common abbreviations.</summary>
    public static List<Sentence> Sentences(string prose, TextSpan span) => Sentences(Tokenize(prose, span));

    /// <summary>Splits tokens into sentences at ., ! and ?, not after common abbreviations.</summary>
    public static List<Sentence> Sentences(IReadOnlyList<Token> tokenList)
    {
        var sentences = new List<Sentence>();
        Sentences(tokenList as Token[] ?? [.. tokenList], sentences);
        return sentences;
    }

    /// <summary>Splits tokens into sentences, appended to <paramref name="sentences"/>; they share the array.</summary>
    public static void Sentences(Token[] tokens, List<Sentence> sentences)
    {
        int start = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            Token token = tokens[i];
            if (token.IsWord || token.Text is not ("." or "!" or "?" or "…"))
            {
                continue;
            }

            if (token.Text == "." && i > 0 && tokens[i - 1].IsWord &&
                (Abbreviations.Contains(tokens[i - 1].Text) || IsOrdinal(tokens[i - 1].Text)) &&
                tokens[i - 1].Span.End == token.Span.Start)
            {
                continue;
            }

            int end = i;
            while (end + 1 < tokens.Length && !tokens[end + 1].IsWord && tokens[end + 1].Text is "." or "!" or "?" or "…" or "\"" or "“" or "”" or ")" or "»" or "«")
            {
                end++;
            }

            Add(start, end);
            start = end + 1;
            i = end;
        }

        Add(start, tokens.Length - 1);

        void Add(int first, int last)
        {
            if (first > last)
            {
                return;
            }

            var slice = new TokenRange(tokens, first, last - first + 1);
            sentences.Add(new Sentence(TextSpan.FromBounds(tokens[first].Span.Start, tokens[last].Span.End), slice));
        }
    }

    // "am 3. Mai", "der 2. Versuch": a number before a full stop is an ordinal, except a year ("seit 2015. Bitte …").
    private static bool IsOrdinal(string word) =>
        char.IsDigit(word[0]) && !(word.Length == 4 && word.All(char.IsAsciiDigit) && word[0] is '1' or '2');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

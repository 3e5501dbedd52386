using System.Text.RegularExpressions;

namespace ToneLsp.Core.Text;

/// <summary>A word or punctuation mark in prose, with its span in the source.</summary>
public readonly record struct Token(string Text, TextSpan Span, bool IsWord)
{
    /// <summary>The token's text in lower case, computed once.</summary>
    public string Lower { get; } = Text.ToLowerInvariant();

    /// <summary>Whether the token starts with an upper-case letter.</summary>
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);
}

/// <summary>A sentence: its tokens and its span.</summary>
public sealed record Sentence(TextSpan Span, IReadOnlyList<Token> Tokens)
{
    /// <summary>Whether the sentence ends with a question mark.</summary>
    public bool IsQuestion => Tokens.Count > 0 && Tokens[^1] is { IsWord: false, Text: "?" };
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
    public static List<Token> Tokenize(string prose, TextSpan span)
    {
        var tokens = new List<Token>();
        for (Match match = TokenPattern().Match(prose, span.Start, span.Length); match.Success; match = match.NextMatch())
        {
            bool isWord = char.IsLetterOrDigit(match.Value[0]);
            tokens.Add(new Token(match.Value, new TextSpan(match.Index, match.Length), isWord));
        }

        return tokens;
    }

    /// <summary>Splits a stretch of prose into sentences at ., ! and ?, not after common abbreviations.</summary>
    public static List<Sentence> Sentences(string prose, TextSpan span) => Sentences(Tokenize(prose, span));

    /// <summary>Splits tokens into sentences at ., ! and ?, not after common abbreviations.</summary>
    public static List<Sentence> Sentences(IReadOnlyList<Token> tokenList)
    {
        var sentences = new List<Sentence>();
        var tokens = tokenList as List<Token> ?? [.. tokenList];
        int start = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (token.IsWord || token.Text is not ("." or "!" or "?" or "…"))
            {
                continue;
            }

            if (token.Text == "." && i > 0 && tokens[i - 1].IsWord &&
                (Abbreviations.Contains(tokens[i - 1].Text) || char.IsDigit(tokens[i - 1].Text[0])) &&
                tokens[i - 1].Span.End == token.Span.Start)
            {
                continue;
            }

            int end = i;
            while (end + 1 < tokens.Count && !tokens[end + 1].IsWord && tokens[end + 1].Text is "." or "!" or "?" or "…" or "\"" or "“" or "”" or ")" or "»" or "«")
            {
                end++;
            }

            Add(start, end);
            start = end + 1;
            i = end;
        }

        Add(start, tokens.Count - 1);
        return sentences;

        void Add(int first, int last)
        {
            if (first > last)
            {
                return;
            }

            var slice = tokens.GetRange(first, last - first + 1);
            sentences.Add(new Sentence(TextSpan.FromBounds(slice[0].Span.Start, slice[^1].Span.End), slice));
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Words may contain inner apostrophes and hyphens; emoji and other symbols are single tokens.
    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’\-](?=[\p{L}\p{N}]))*|\p{Cs}\p{Cs}|[^\s\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}

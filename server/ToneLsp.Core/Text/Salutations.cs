using System.Text.RegularExpressions;

namespace ToneLsp.Core.Text;

/// <summary>How formal a way of speaking is.</summary>
public enum Register
{
    /// <summary>Not known.</summary>
    None,

    /// <summary>"Sehr geehrte Damen und Herren", "Mit freundlichen Grüßen", "Yours sincerely".</summary>
    Formal,

    /// <summary>"Guten Tag", "Hallo", "Viele Grüße", "Best regards".</summary>
    Neutral,

    /// <summary>"Hey", "Moin", "LG", "Cheers".</summary>
    Casual,
}

/// <summary>
/// The greetings and closings of German and English letters, with their register, defined once for every rule that
/// needs them: the greeting a sentence rewrite keeps, the brand's greeting check, empty greetings, and the register of
/// a customer's message that names no form of address.
/// </summary>
public static class Salutations
{
    /// <summary>Greetings that open a message; several words are separated by spaces.</summary>
    public static readonly IReadOnlyList<(string Words, Register Register)> Openings =
    [
        ("sehr geehrte damen und herren", Register.Formal), ("sehr geehrte", Register.Formal), ("sehr geehrter", Register.Formal),
        ("sehr geehrtes", Register.Formal), ("dear sir or madam", Register.Formal), ("to whom it may concern", Register.Formal),
        ("guten tag", Register.Neutral), ("guten morgen", Register.Neutral), ("guten abend", Register.Neutral), ("grüß gott", Register.Neutral),
        ("hallo", Register.Neutral), ("liebe", Register.Neutral), ("lieber", Register.Neutral), ("liebes", Register.Neutral),
        ("dear", Register.Neutral), ("hello", Register.Neutral), ("good morning", Register.Neutral), ("good afternoon", Register.Neutral),
        ("good evening", Register.Neutral), ("greetings", Register.Neutral),
        ("hi", Register.Casual), ("hey", Register.Casual), ("moin", Register.Casual), ("servus", Register.Casual), ("hallöchen", Register.Casual),
        ("huhu", Register.Casual), ("yo", Register.Casual), ("hiya", Register.Casual),
    ];

    /// <summary>Closings that end a message.</summary>
    public static readonly IReadOnlyList<(string Words, Register Register)> Closings =
    [
        ("mit freundlichen grüßen", Register.Formal), ("hochachtungsvoll", Register.Formal), ("mit vorzüglicher hochachtung", Register.Formal),
        ("freundliche grüße", Register.Formal), ("yours sincerely", Register.Formal), ("yours faithfully", Register.Formal), ("mfg", Register.Formal),
        ("viele grüße", Register.Neutral), ("beste grüße", Register.Neutral), ("herzliche grüße", Register.Neutral), ("vg", Register.Neutral),
        ("best regards", Register.Neutral), ("kind regards", Register.Neutral), ("regards", Register.Neutral), ("best wishes", Register.Neutral),
        ("liebe grüße", Register.Casual), ("lg", Register.Casual), ("cheers", Register.Casual), ("bis bald", Register.Casual), ("ciao", Register.Casual),
        ("tschüss", Register.Casual), ("xoxo", Register.Casual), ("thx", Register.Casual),
    ];

    /// <summary>The openings as one regular-expression alternation (longest first, words separated by white space), for case-insensitive use.</summary>
    public static string OpeningAlternation { get; } = Alternation(Openings);

    /// <summary>The closings as one regular-expression alternation.</summary>
    public static string ClosingAlternation { get; } = Alternation(Closings);

    /// <summary>The register the text's greeting or closing shows (the most formal of them), with where it stands; null when it has none.</summary>
    public static (Register Register, TextSpan Span)? RegisterOf(string text, TextSpan within)
    {
        (Register Register, TextSpan Span)? best = null;
        string slice = text.Substring(within.Start, within.Length);
        foreach (Regex pattern in (ReadOnlySpan<Regex>)[OpeningPattern, ClosingPattern])
        {
            foreach (Match match in pattern.Matches(slice))
            {
                Register register = RegisterOfWords(match.Value);
                if (best is null || register < best.Value.Register)
                {
                    best = (register, new TextSpan(within.Start + match.Index, match.Length));
                }
            }
        }

        return best;
    }

    /// <summary>Every greeting and closing in the span, with its register and where it stands, in order.</summary>
    public static IEnumerable<(Register Register, TextSpan Span)> AllOf(string text, TextSpan within)
    {
        var found = new List<(Register Register, TextSpan Span)>();
        foreach (Regex pattern in (ReadOnlySpan<Regex>)[OpeningPattern, ClosingPattern])
        {
            for (Match match = pattern.Match(text, within.Start, within.Length); match.Success; match = match.NextMatch())
            {
                found.Add((RegisterOfWords(match.Value), new TextSpan(match.Index, match.Length)));
            }
        }

        return found.OrderBy(f => f.Span.Start);
    }

    // Compiled: both run over the first and last blocks of every analysis.
    private const RegexOptions SalutationOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Regex OpeningPattern = new(@"(?<![\p{L}])(?:" + OpeningAlternation + @")(?![\p{L}])", SalutationOptions);
    private static readonly Regex ClosingPattern = new(@"(?<![\p{L}])(?:" + ClosingAlternation + @")(?![\p{L}])", SalutationOptions);

    /// <summary>The register of one greeting or closing as written ("Mit  freundlichen Grüßen"); None for anything else.</summary>
    public static Register RegisterOfWords(string words)
    {
        string normalized = Regex.Replace(words.ToLowerInvariant(), @"\s+", " ");
        foreach (var (formula, register) in Openings.Concat(Closings))
        {
            if (formula == normalized)
            {
                return register;
            }
        }

        return Register.None;
    }

    private static string Alternation(IReadOnlyList<(string Words, Register Register)> formulas) =>
        string.Join("|", formulas.OrderByDescending(f => f.Words.Length).Select(f => string.Join(@"\s+", f.Words.Split(' ').Select(Regex.Escape))));
}

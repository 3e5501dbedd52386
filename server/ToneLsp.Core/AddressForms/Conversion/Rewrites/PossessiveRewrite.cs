namespace ToneLsp.Core.AddressForms.Conversion.Rewrites;

/// <summary>
/// Possessives keep their ending: dein → Ihr, deinem → Ihrem, deins → Ihres, euer → Ihr, eure → Ihre;
/// Ihr → dein (or euer for several readers), Ihrerseits → deinerseits.
/// </summary>
internal static class PossessiveRewrite
{
    public static void Apply(RewriteContext context)
    {
        foreach (Mention mention in context.Mentions)
        {
            if (mention.Role != MentionRole.Possessive)
            {
                continue;
            }

            string lower = context.Sentence.Lower(mention.Token);
            string? replacement = context.Target == AddressForm.Sie ? ToFormal(lower) : ToInformal(context, lower, mention.Token);
            if (replacement is not null)
            {
                context.Replace(mention.Token, replacement);
            }
        }
    }

    /// <summary>The formal possessive for an informal one, or null when the word is not one.</summary>
    public static string? ToFormal(string lower) => lower switch
    {
        "deins" or "euers" => "Ihres",
        "euer" => "Ihr",
        _ when lower.StartsWith("dein", StringComparison.Ordinal) => "Ihr" + lower[4..],
        _ when lower.StartsWith("eur", StringComparison.Ordinal) => "Ihr" + lower[3..],
        _ => null,
    };

    // "Das ist Ihres." stands for a noun; "Ihres Kontos" goes with one.
    private static bool Standalone(RewriteContext context, int token) => !context.Sentence.IsWord(token + 1);

    private static string? ToInformal(RewriteContext context, string lower, int token)
    {
        if (!lower.StartsWith("ihr", StringComparison.Ordinal))
        {
            return null;
        }

        string rest = lower[3..];
        bool standalone = rest is "s" or "es" && Standalone(context, token);
        string word = context.PluralTarget
            ? rest switch
            {
                "" => "euer",
                "s" => "eures",
                _ => "eur" + rest,
            }
            : standalone ? "deins" : "dein" + rest;
        return context.Informal(word, token);
    }
}

namespace ToneLsp.Core.AddressForms.Conversion.Rewrites;

/// <summary>
/// Personal pronouns that address the reader, by role and case: du ↔ Sie, dich ↔ Sie, dir ↔ Ihnen, ihr → Sie,
/// euch → Sie or Ihnen (by preposition or verb), and Sie → ihr/euch for a reply to several people.
/// </summary>
internal static class PronounRewrite
{
    public static void Apply(RewriteContext context)
    {
        foreach (Mention mention in context.Mentions)
        {
            if (mention.Role is not (MentionRole.Subject or MentionRole.Object))
            {
                continue;
            }

            string? replacement = context.Target == AddressForm.Sie ? ToFormal(mention) : ToInformal(context, mention);
            if (replacement is not null)
            {
                context.Replace(mention.Token, replacement);
            }
        }
    }

    private static string? ToFormal(Mention mention) => mention.Role switch
    {
        MentionRole.Subject => "Sie",
        _ => mention.Case == PronounCase.Dative ? "Ihnen" : "Sie",
    };

    private static string? ToInformal(RewriteContext context, Mention mention)
    {
        if (context.Sentence.Tags[mention.Token].Class != WordClass.FormalPronoun)
        {
            return null;
        }

        bool plural = context.PluralTarget;
        string word = mention.Role == MentionRole.Subject
            ? plural ? "ihr" : "du"
            : mention.Case == PronounCase.Dative ? plural ? "euch" : "dir" : plural ? "euch" : "dich";
        return context.Informal(word, mention.Token);
    }
}

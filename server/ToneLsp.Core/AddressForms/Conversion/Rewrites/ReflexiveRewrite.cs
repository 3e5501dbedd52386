namespace ToneLsp.Core.AddressForms.Conversion.Rewrites;

/// <summary>
/// Reflexives where the reader is the subject of the clause: dich, dir, euch → sich ("du meldest dich" →
/// "Sie melden sich"), and sich → dich or dir by case ("Sehen Sie sich das an" → "Sieh dir das an").
/// </summary>
internal static class ReflexiveRewrite
{
    public static void Apply(RewriteContext context)
    {
        foreach (Mention mention in context.Mentions)
        {
            if (mention.Role != MentionRole.Reflexive)
            {
                continue;
            }

            if (context.Target == AddressForm.Sie)
            {
                context.Replace(mention.Token, context.AtSentenceStart("sich", mention.Token));
                continue;
            }

            string word = context.PluralTarget ? "euch" : mention.Case == PronounCase.Dative ? "dir" : "dich";
            context.Replace(mention.Token, context.Informal(word, mention.Token));
        }
    }
}

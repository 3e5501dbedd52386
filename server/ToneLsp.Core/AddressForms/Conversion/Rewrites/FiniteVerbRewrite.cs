using ToneLsp.Core.Morphology;

namespace ToneLsp.Core.AddressForms.Conversion.Rewrites;

/// <summary>
/// The finite verb agrees with the converted subject, in every tense and mood the lexicon knows:
/// "bekommst" ↔ "bekommen", "hättest" ↔ "hätten", "passt … an" ↔ "passen … an", "anreist" ↔ "anreisen".
/// A form the lexicon does not have is left and noted, never guessed.
/// </summary>
internal static class FiniteVerbRewrite
{
    public static void Apply(RewriteContext context, List<ConversionNote> notes)
    {
        TaggedSentence sentence = context.Sentence;
        foreach (Clause clause in sentence.Clauses)
        {
            if (clause.Subject != SubjectKind.Addressee || clause.Imperative || clause.FiniteVerb < 0)
            {
                continue;
            }


            Convert(context, clause, clause.FiniteVerb, notes);
            foreach (int verb in clause.CoordinatedVerbs ?? [])
            {
                Convert(context, clause, verb, notes);
            }
        }
    }

    private static void Convert(RewriteContext context, Clause clause, int verb, List<ConversionNote> notes)
    {
        TaggedSentence sentence = context.Sentence;
        string? form = context.Target == AddressForm.Sie
            ? VerbReadings.Reinflect(sentence, verb, clause.PluralSubject ? Agreement.SecondPlural : Agreement.SecondSingular, Person.Third, GrammaticalNumber.Plural)
            : VerbReadings.Reinflect(sentence, verb, Agreement.ThirdPlural, Person.Second, context.PluralTarget ? GrammaticalNumber.Plural : GrammaticalNumber.Singular);
        if (form is null)
        {
            notes.Add(new ConversionNote(sentence.Tokens[verb].Span, sentence.Tokens[verb].Text, Diagnostics.Messages.UndecidedNoForm));
            return;
        }

        context.Replace(verb, form);
    }
}

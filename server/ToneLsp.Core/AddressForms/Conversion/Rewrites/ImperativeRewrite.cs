using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms.Conversion.Rewrites;

/// <summary>
/// Imperatives in both directions: "Schick uns …" ↔ "Schicken Sie uns …", "Schreibt uns" → "Schreiben Sie uns",
/// "Sei" ↔ "Seien Sie"; the informal singular takes the short form where German allows it ("Ruf", "Melde").
/// </summary>
internal static class ImperativeRewrite
{
    public static void Apply(RewriteContext context, List<ConversionNote> notes)
    {
        TaggedSentence sentence = context.Sentence;
        GermanLexicon lexicon = context.Lexicon;
        foreach (Clause clause in sentence.Clauses)
        {
            if (!clause.Imperative || clause.FiniteVerb < 0)
            {
                continue;
            }

            int verb = clause.FiniteVerb;
            Token token = sentence.Tokens[verb];
            if (context.Target == AddressForm.Sie)
            {
                string? form = FirstForm(VerbReadings.ImperativeLemmas(sentence, verb, fromInformal: true, clause.PluralSubject),
                    lemma => lexicon.Synthesize(lemma, VerbFeatures.Finite(VerbTense.SubjunctiveOne, Person.Third, GrammaticalNumber.Plural)));
                if (form is null)
                {
                    notes.Add(new ConversionNote(token.Span, token.Text, Diagnostics.Messages.UndecidedUnknownVerb));
                    continue;
                }

                context.Replace(verb, VerbReadings.MatchCase(token.Text, form) + " Sie");
                continue;
            }

            // A separable verb's imperative is its base verb's ("Rufen Sie … an" → "Ruf … an"); the lexicon lists few of them itself.
            string? informal = FirstForm(VerbReadings.ImperativeLemmas(sentence, verb, fromInformal: false, plural: false),
                lemma => context.PluralTarget
                    ? lexicon.Synthesize(lemma, VerbFeatures.Imperative(GrammaticalNumber.Plural))
                    : lexicon.ShortImperative(lemma) ?? lexicon.Synthesize(lemma, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
            if (informal is null || clause.SubjectToken < 0)
            {
                notes.Add(new ConversionNote(token.Span, token.Text, Diagnostics.Messages.UndecidedNoImperative));
                continue;
            }

            // "Melden Sie sich" → "Melde dich": the verb changes and " Sie" goes.
            context.Replace(verb, VerbReadings.MatchCase(token.Text, informal));
            Token subject = sentence.Tokens[clause.SubjectToken];
            context.Replace(TextSpan.FromBounds(token.Span.End, subject.Span.End), string.Empty);
        }
    }

    private static string? FirstForm(List<int> lemmas, Func<int, string?> synthesize)
    {
        foreach (int lemma in lemmas)
        {
            if (synthesize(lemma) is { } form)
            {
                return form;
            }
        }

        return null;
    }
}

namespace ToneLsp.Core.Morphology;

/// <summary>Every form of a lemma, for patterns that match a word in all its inflections (<c>&lt;übersehen&gt;</c>).</summary>
public static class LemmaForms
{
    private static readonly VerbTense[] Tenses = [VerbTense.Present, VerbTense.Past, VerbTense.SubjunctiveOne, VerbTense.SubjunctiveTwo];
    private static readonly Person[] Persons = [Person.First, Person.Second, Person.Third];
    private static readonly GrammaticalNumber[] Numbers = [GrammaticalNumber.Singular, GrammaticalNumber.Plural];
    private static readonly GrammaticalCase[] Cases = [GrammaticalCase.Nominative, GrammaticalCase.Accusative, GrammaticalCase.Dative, GrammaticalCase.Genitive];
    private static readonly Gender[] Genders = [Gender.Masculine, Gender.Feminine, Gender.Neuter];
    private static readonly AdjectiveInflection[] Inflections = [AdjectiveInflection.Strong, AdjectiveInflection.Weak, AdjectiveInflection.Mixed];

    /// <summary>
    /// The distinct forms of the lemma with the given part of speech (any part of speech for <see cref="PartOfSpeech.None"/>),
    /// longest first; empty when the lexicon does not know it. A separable verb gives its joined forms ("ansiehst",
    /// "angesehen", "anzusehen"), whose particle is part of the word; the separated stem alone would match too much.
    /// </summary>
    public static IReadOnlyList<string> Of(GermanLexicon lexicon, string lemma, PartOfSpeech partOfSpeech = PartOfSpeech.None)
    {
        int id = lexicon.FindLemma(lemma, partOfSpeech);
        if (id < 0)
        {
            return [];
        }

        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { lexicon.Lemma(id) };
        switch (lexicon.PartOfSpeechOf(id))
        {
            case PartOfSpeech.Verb:
                AddVerb(lexicon, id, forms);
                break;
            case PartOfSpeech.Noun:
                foreach (GrammaticalCase @case in Cases)
                {
                    foreach (GrammaticalNumber number in Numbers)
                    {
                        Add(forms, lexicon.SynthesizeNoun(id, @case, number));
                    }
                }

                break;
            case PartOfSpeech.Adjective:
                foreach (GrammaticalCase @case in Cases)
                {
                    foreach (AdjectiveInflection inflection in Inflections)
                    {
                        Add(forms, lexicon.SynthesizeAdjective(id, @case, GrammaticalNumber.Plural, Gender.None, inflection));
                        foreach (Gender gender in Genders)
                        {
                            Add(forms, lexicon.SynthesizeAdjective(id, @case, GrammaticalNumber.Singular, gender, inflection));
                        }
                    }
                }

                break;
        }

        return forms.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static void AddVerb(GermanLexicon lexicon, int id, HashSet<string> forms)
    {
        VerbPlacement placement = lexicon.Particle(id) is null ? VerbPlacement.Whole : VerbPlacement.Joined;
        foreach (VerbTense tense in Tenses)
        {
            foreach (Person person in Persons)
            {
                foreach (GrammaticalNumber number in Numbers)
                {
                    Add(forms, lexicon.Synthesize(id, VerbFeatures.Finite(tense, person, number), placement));
                }
            }
        }

        foreach (VerbFeatures features in new[] { VerbFeatures.Infinitive, VerbFeatures.ZuInfinitive, VerbFeatures.PastParticiple, VerbFeatures.PresentParticiple })
        {
            Add(forms, lexicon.Synthesize(id, features, placement));
        }

        if (placement == VerbPlacement.Whole)
        {
            Add(forms, lexicon.Synthesize(id, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
            Add(forms, lexicon.Synthesize(id, VerbFeatures.Imperative(GrammaticalNumber.Plural)));
            Add(forms, lexicon.ShortImperative(id));
        }
    }

    private static void Add(HashSet<string> forms, string? form)
    {
        if (!string.IsNullOrEmpty(form) && !form.Contains(' '))
        {
            forms.Add(form);
        }
    }
}

using ToneLsp.Core.Morphology;

namespace ToneLsp.Core.AddressForms.Conversion;

/// <summary>
/// Chooses the lexicon reading of a verb in its clause and synthesises the form for another person. A
/// separated stem counts only when its particle stands later in the clause; a joined form only verb-final.
/// </summary>
internal static class VerbReadings
{
    /// <summary>The finite verb at the token re-inflected for the target person and number, or null when the lexicon has no such form.</summary>
    public static string? Reinflect(TaggedSentence sentence, int verb, Agreement from, Person person, GrammaticalNumber number)
    {
        Clause clause = sentence.ClauseOf(verb);
        bool verbFinal = clause.Kind == ClauseKind.Subordinate;
        var candidates = new List<(int Rank, WordReading Reading)>();
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[verb].Text))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && reading.Verb.Kind == VerbFormKind.Finite &&
                (TaggedSentence.ToAgreement(reading.Verb.Person, reading.Verb.Number) & from) != 0 && Fits(sentence, verb, reading, clause, verbFinal))
            {
                candidates.Add((TenseRank(reading.Verb.Tense) * 4 + PlacementRank(reading.Placement), reading));
            }
        }

        // The best reading whose lemma has the form; a separable verb the data lists without it falls back to its base verb.
        foreach (var (_, reading) in candidates.OrderBy(c => c.Rank))
        {
            string? form = sentence.Lexicon.Synthesize(reading.LemmaId, VerbFeatures.Finite(reading.Verb.Tense, person, number), reading.Placement);
            if (form is not null)
            {
                return MatchCase(sentence.Tokens[verb].Text, form);
            }
        }

        return null;
    }

    /// <summary>
    /// The lemmas of an imperative (informal) or of a verb-first present plural (formal) at the token, best first:
    /// a separable verb whose particle is in the clause before the plain verb.
    /// </summary>
    public static List<int> ImperativeLemmas(TaggedSentence sentence, int verb, bool fromInformal, bool plural)
    {
        Clause clause = sentence.ClauseOf(verb);
        var candidates = new List<(int Rank, int Lemma)>();
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[verb].Text))
        {
            if (reading.PartOfSpeech != PartOfSpeech.Verb || !Fits(sentence, verb, reading, clause, verbFinal: false))
            {
                continue;
            }

            bool matches = fromInformal
                ? reading.Verb.Kind == VerbFormKind.Imperative && reading.Verb.Number == (plural ? GrammaticalNumber.Plural : GrammaticalNumber.Singular)
                : reading.Verb is { Kind: VerbFormKind.Finite, Person: Person.Third, Number: GrammaticalNumber.Plural, Tense: VerbTense.Present or VerbTense.SubjunctiveOne };
            if (matches)
            {
                candidates.Add((PlacementRank(reading.Placement), reading.LemmaId));
            }
        }

        return candidates.OrderBy(c => c.Rank).Select(c => c.Lemma).Distinct().ToList();
    }

    /// <summary>The form with the capitalisation of the original word.</summary>
    public static string MatchCase(string original, string form) =>
        original.Length > 0 && char.IsUpper(original[0]) && form.Length > 0 ? char.ToUpperInvariant(form[0]) + form[1..] : form;

    /// <summary>Whether a reading is possible at the token: a separated stem only with its particle later in the clause.</summary>
    public static bool ParticleFits(TaggedSentence sentence, int verb, WordReading reading, Clause clause) =>
        reading.Placement != VerbPlacement.SeparatedStem ||
        (sentence.Lexicon.Particle(reading.LemmaId) is { } particle && sentence.HasParticleAfter(verb, particle, clause));

    private static bool Fits(TaggedSentence sentence, int verb, WordReading reading, Clause clause, bool verbFinal) => reading.Placement switch
    {
        VerbPlacement.SeparatedStem => !verbFinal && ParticleFits(sentence, verb, reading, clause),
        VerbPlacement.Joined => verbFinal,
        _ => true,
    };

    // Indicative before subjunctive: "erhalten" is present, not Konjunktiv I, and becomes "erhältst".
    private static int TenseRank(VerbTense tense) => tense switch
    {
        VerbTense.Present => 0,
        VerbTense.Past => 1,
        VerbTense.SubjunctiveTwo => 2,
        _ => 3,
    };

    // A separable verb whose particle is in the clause is the better reading of the stem ("stellen … ab" is abstellen).
    private static int PlacementRank(VerbPlacement placement) => placement switch
    {
        VerbPlacement.SeparatedStem => 0,
        VerbPlacement.Joined => 1,
        _ => 2,
    };
}

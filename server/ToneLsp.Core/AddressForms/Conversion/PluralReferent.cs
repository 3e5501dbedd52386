namespace ToneLsp.Core.AddressForms.Conversion;

/// <summary>
/// Whether a sentence talks about several people or things that a following "Sie" could refer to as "they": a plural
/// noun phrase as subject or object ("Die Schuhe sind neu.", "Wir haben die Pakete verschickt."; the reader's own things
/// only as subject, "Ihre Pakete sind da."), a noun phrase whose
/// verb is plural ("Die Kollegen sind informiert."), or "sie" with a plural verb ("so haben sie mich großgezogen").
/// </summary>
internal static class PluralReferent
{
    /// <summary>Whether the sentence introduces a plural referent before the token (the whole sentence with -1).</summary>
    public static bool Introduces(TaggedSentence sentence, int before = -1)
    {
        int end = before < 0 ? sentence.Tokens.Count : before;
        for (int k = 0; k < end; k++)
        {
            if (sentence.IsWord(k) && (IsPluralNoun(sentence, k) || IsPluralThey(sentence, k)))
            {
                return true;
            }
        }

        foreach (Clause clause in sentence.Clauses)
        {
            if (clause.Start < end && HasPluralNounPhraseSubject(sentence, clause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a plural referent of the sentence may be people: "sie" with a plural verb, a name or a noun of people
    /// ("Die Kollegen sind informiert."), as against things only ("Wir haben die Unterlagen geprüft.").
    /// </summary>
    public static bool MayBePeople(TaggedSentence sentence)
    {
        SubjectPredicates predicates = SubjectPredicates.BuiltIn;
        for (int k = 0; k < sentence.Tokens.Count; k++)
        {
            if (sentence.IsWord(k) && (IsPluralThey(sentence, k) || (IsPluralNoun(sentence, k) && predicates.MayBePeople(sentence, k))))
            {
                return true;
            }
        }

        foreach (Clause clause in sentence.Clauses)
        {
            if (!HasPluralNounPhraseSubject(sentence, clause))
            {
                continue;
            }

            bool noun = false;
            for (int k = clause.FirstWord; k <= clause.End && !(sentence.IsWord(k) && sentence.Tags[k].CanBeFinite && !sentence.Tokens[k].IsCapitalized); k++)
            {
                if (sentence.IsWord(k) && sentence.Tokens[k].IsCapitalized && sentence.Tags[k].Class == WordClass.Open)
                {
                    if (predicates.MayBePeople(sentence, k))
                    {
                        return true;
                    }

                    noun |= sentence.Tags[k].Noun;
                }
            }

            // "Anna und Tom sind da": names are people; after an article a word the lexicon lacks is a noun.
            if (!noun && sentence.Tags[clause.FirstWord].Class is not (WordClass.Determiner or WordClass.Possessive))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the sentence refers back with a third-person pronoun ("sie", "ihnen"), which keeps the referent in play.</summary>
    public static bool RefersBack(TaggedSentence sentence) => ThirdPersonPronouns(sentence, subjects: true) || ThirdPersonPronouns(sentence, subjects: false);

    /// <summary>
    /// Whether the sentence has "sie" as a plural subject ("was sagen sie?") or, with <paramref name="subjects"/> false, "sie"
    /// or "ihnen" as an object ("Sie können sie abholen").
    /// </summary>
    public static bool ThirdPersonPronouns(TaggedSentence sentence, bool subjects)
    {
        for (int k = 0; k < sentence.Tokens.Count; k++)
        {
            if (sentence.IsWord(k) && sentence.Tags[k].Class is WordClass.NominativePronoun or WordClass.ObjectPronoun &&
                sentence.Tokens[k].Text is "sie" or "ihnen" && IsPluralThey(sentence, k) == subjects)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether "sie" is a plural subject after the token with no plural noun between that it could refer to instead:
    /// "Sie sprechen über mich, was sagen sie?" talks about them; in "Sie erhalten die Unterlagen, sobald sie fertig sind"
    /// the "sie" is the papers.
    /// </summary>
    public static bool TheyFollows(TaggedSentence sentence, int k)
    {
        for (int j = k + 1; j < sentence.Tokens.Count; j++)
        {
            if (!sentence.IsWord(j))
            {
                continue;
            }

            if (sentence.Tokens[j].IsCapitalized && sentence.Tags[j].PluralNoun && !AfterSingularArticle(sentence, j))
            {
                return false;
            }

            if (IsPluralThey(sentence, j))
            {
                return true;
            }
        }

        return false;
    }

    // "zum Teufel", "mit einem Kollegen": an article that marks the noun as singular, right before it or before an adjective.
    private static bool AfterSingularArticle(TaggedSentence sentence, int k)
    {
        int before = k - 1;
        if (sentence.IsWord(before) && sentence.Tags[before].Class == WordClass.Open && !sentence.Tokens[before].IsCapitalized)
        {
            before--;
        }

        return sentence.IsWord(before) && sentence.Lower(before) is "zum" or "zur" or "im" or "am" or "beim" or "vom" or "ins" or "ans" or "aufs" or
            "dem" or "des" or "ein" or "eine" or "einen" or "einem" or "einer" or "eines" or "kein" or "keinem" or "keines" or "dieses" or "diesem" or "jedem" or "jeden" or "jede";
    }

    // A capitalised noun that is plural in every nominative and accusative reading, after an article, a possessive or a
    // number, or opening its clause ("Schuhe sind …").
    private static bool IsPluralNoun(TaggedSentence sentence, int k)
    {
        WordTag tag = sentence.Tags[k];
        if (!sentence.Tokens[k].IsCapitalized || tag.IsVerb && tag.SentenceInitial)
        {
            return false;
        }

        // "die Kabel": a noun that is no feminine singular is plural after "die".
        if (!tag.PluralNounOnly)
        {
            return tag.PluralNoun && !tag.FeminineSingularNoun && sentence.IsWord(k - 1) && sentence.Lower(k - 1) is "die" or "diese";
        }

        for (int j = k - 1, words = 0; j >= 0 && words < 3; j--)
        {
            if (!sentence.Tokens[j].IsWord)
            {
                return false;
            }

            words++;
            // "Wir haben Ihre Unterlagen erhalten. Sie hören …": the reader's things as an object leave the reader in view.
            if (sentence.Tags[j].Class == WordClass.Possessive && !WordClasses.InformalPossessives.Contains(sentence.Lower(j)))
            {
                return sentence.ClauseOf(j).FirstWord == j;
            }

            if (sentence.Tags[j].Class is WordClass.Determiner or WordClass.Possessive || char.IsDigit(sentence.Tokens[j].Text[0]))
            {
                return sentence.Lower(j) is not ("ein" or "eine" or "einen" or "einem" or "einer" or "eines");
            }

            if (sentence.Tags[j].Class != WordClass.Open || sentence.Tokens[j].IsCapitalized)
            {
                return false;
            }
        }

        return sentence.ClauseOf(k).FirstWord == k;
    }

    // "sie" as the subject of a verb that can only be plural: opening its clause before the verb ("sie wissen"), or right
    // after the verb in second place after a word that is no subject ("so haben sie", "was sagen sie"); in "Sie können sie
    // abholen" and in "…, lesen sie durch" it is the object.
    private static bool IsPluralThey(TaggedSentence sentence, int k)
    {
        if (sentence.Tokens[k].Text != "sie" || sentence.Tags[k].Class != WordClass.NominativePronoun)
        {
            return false;
        }

        Clause clause = sentence.ClauseOf(k);
        int previous = sentence.PreviousWord(k, clause);
        if (previous < 0 || k == clause.FirstWord || sentence.Tags[previous].Class is WordClass.Subordinator or WordClass.Coordinator)
        {
            return PluralOnly(sentence, sentence.NextWord(k, clause));
        }

        return PluralOnly(sentence, previous) && sentence.PreviousWord(previous, clause) is var first && first >= 0 &&
               sentence.Tags[first].Class is not (WordClass.FormalPronoun or WordClass.NominativePronoun or WordClass.InformalPronoun);
    }

    // "Die Kollegen sind informiert", "Anna und Tom sind da": a clause that opens with an article, a possessive or a noun or
    // name, and whose first finite verb is plural with no subject pronoun after it ("Morgen sind wir …" has one).
    private static bool HasPluralNounPhraseSubject(TaggedSentence sentence, Clause clause)
    {
        int first = clause.FirstWord;
        if (clause.Kind != ClauseKind.Main || first < 0)
        {
            return false;
        }

        WordTag opener = sentence.Tags[first];
        bool nounPhrase = opener.Class is WordClass.Determiner or WordClass.Possessive ||
                          opener.Class == WordClass.Open && sentence.Tokens[first].IsCapitalized && !opener.IsVerb && !opener.Adjective;
        if (!nounPhrase)
        {
            return false;
        }

        for (int k = first + 1; k <= clause.End; k++)
        {
            if (!sentence.IsWord(k))
            {
                continue;
            }

            if (sentence.Tags[k].Class is WordClass.FormalPronoun or WordClass.NominativePronoun or WordClass.InformalPronoun)
            {
                return false;
            }

            if (sentence.Tags[k].Class == WordClass.Open && sentence.Tags[k].CanBeFinite && !sentence.Tokens[k].IsCapitalized)
            {
                return PluralOnly(sentence, k) && sentence.NextWord(k, clause) is var next &&
                       !(next >= 0 && sentence.Tags[next].Class is WordClass.FormalPronoun or WordClass.NominativePronoun or WordClass.InformalPronoun);
            }
        }

        return false;
    }

    // A finite verb of the third person plural that no singular subject can have.
    private static bool PluralOnly(TaggedSentence sentence, int k) =>
        k >= 0 && sentence.Tags[k].Class == WordClass.Open && !sentence.Tokens[k].IsCapitalized &&
        (sentence.Tags[k].Finite & Agreement.ThirdPlural) != 0 &&
        (sentence.Tags[k].Finite & (Agreement.FirstSingular | Agreement.SecondSingular | Agreement.ThirdSingular | Agreement.SecondPlural)) == 0;
}

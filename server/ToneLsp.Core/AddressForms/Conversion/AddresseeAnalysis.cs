using ToneLsp.Core.Morphology;

namespace ToneLsp.Core.AddressForms.Conversion;

/// <summary>What a word that addresses the reader does in its clause.</summary>
internal enum MentionRole : byte
{
    /// <summary>The subject (du, ihr, Sie in the nominative).</summary>
    Subject,

    /// <summary>An object or the complement of a preposition.</summary>
    Object,

    /// <summary>A reflexive that refers to the reader as the subject of its clause.</summary>
    Reflexive,

    /// <summary>A possessive (dein, euer, Ihr).</summary>
    Possessive,
}

/// <summary>One word that addresses the reader, with its role and case.</summary>
internal readonly record struct Mention(int Token, MentionRole Role, PronounCase Case);

/// <summary>A word the analysis could not decide and leaves unchanged.</summary>
internal readonly record struct Undecided(int Token, Diagnostics.LocalText Reason);

/// <summary>What the analysis of one sentence needs from the sentences around it.</summary>
internal sealed class ConversionContext
{
    /// <summary>Whether the text being converted addresses several readers with ihr somewhere.</summary>
    public bool InformalPlural { get; init; }

    /// <summary>Whether the text also has informal address (then a sentence-initial "Sie" is more likely "she" or "they").</summary>
    public bool HasInformal { get; init; }

    /// <summary>
    /// Whether an earlier sentence talks about several people or things and no sentence since has addressed the reader
    /// as subject or stopped referring to them, so that a "Sie" at the start of a sentence could be "they" ("Die Schuhe
    /// sind neu. Sie passen gut.", "Wir haben die Pakete verschickt. Sie kommen morgen an.").
    /// </summary>
    public bool PluralReferent { get; set; }

    /// <summary>Whether that plural referent may be people ("Die Kollegen sind informiert."), not things only.</summary>
    public bool PeopleReferent { get; set; }
}

/// <summary>
/// Finds, for each clause, the reader's role: the subject and the verb that agrees with it, imperatives, and
/// the case of every pronoun that addresses the reader. The informal side is read for conversion to Sie, the
/// formal side for conversion to du.
/// </summary>
internal static class AddresseeAnalysis
{
    private static readonly HashSet<string> LeadingParticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "bitte", "dann", "jetzt", "nun", "einfach", "gern", "gerne", "also", "zuerst", "danach", "anschließend", "ansonsten",
        "außerdem", "zusätzlich", "alternativ", "daher", "deshalb", "hier", "ruhig", "auch", "ebenfalls", "zunächst", "sonst",
    };

    // Verbs without an imperative in use: modals, and "wissen" ("Wissen Sie, …" is a question, not "Wisse, …").
    private static readonly HashSet<string> ModalLemmas = new(StringComparer.Ordinal)
    {
        "können", "müssen", "dürfen", "sollen", "wollen", "mögen", "möchten", "wissen",
    };

    /// <summary>The informal mentions (du, dich, dir, ihr, euch, dein, euer) of a sentence, for conversion to Sie.</summary>
    public static List<Mention> AnalyzeInformal(TaggedSentence sentence, ConversionContext context, List<Undecided> undecided)
    {
        var mentions = new List<Mention>();
        List<Clause> clauses = sentence.Clauses;
        for (int c = 0; c < clauses.Count; c++)
        {
            Clause clause = clauses[c];
            FindInformalSubject(sentence, clause);
            if (clause.Subject == SubjectKind.Addressee)
            {
                Agreement agreement = clause.PluralSubject ? Agreement.SecondPlural : Agreement.SecondSingular;
                int notes = undecided.Count;
                clause.FiniteVerb = FindVerb(sentence, clause, clause.SubjectToken, agreement, undecided);
                if (clause.FiniteVerb < 0 && VerbLaterInClause(sentence, clause, clause.SubjectToken, agreement) is var later && later >= 0)
                {
                    clause.FiniteVerb = later;
                    undecided.RemoveRange(notes, undecided.Count - notes);
                }

                clause.CoordinatedVerbs = CoordinatedVerbs(sentence, clause, agreement);
            }
            else if (clause.Subject == SubjectKind.None)
            {
                ResolveSubjectless(sentence, c, informal: true, context);
            }
        }

        for (int c = 0; c < clauses.Count; c++)
        {
            Clause clause = clauses[c];
            for (int k = clause.Start; k <= clause.End; k++)
            {
                if (!sentence.Tokens[k].IsWord)
                {
                    continue;
                }

                string lower = sentence.Lower(k);
                WordTag tag = sentence.Tags[k];
                if (tag.Class == WordClass.Possessive && WordClasses.InformalPossessives.Contains(lower))
                {
                    mentions.Add(new Mention(k, MentionRole.Possessive, PronounCase.Unknown));
                }
                else if (tag.Class == WordClass.InformalPronoun && lower is "du" or "ihr")
                {
                    mentions.Add(new Mention(k, MentionRole.Subject, PronounCase.Unknown));
                }
                else if (tag.Class == WordClass.InformalPronoun && lower is "dich" or "dir" or "euch")
                {
                    PronounCase @case = lower switch
                    {
                        "dich" => PronounCase.Accusative,
                        "dir" => PronounCase.Dative,
                        _ => EuchCase(sentence, k, clause),
                    };
                    MentionRole role = IsReflexive(sentence, c, k) ? MentionRole.Reflexive : MentionRole.Object;
                    clause.AddresseeObject |= role == MentionRole.Object;
                    mentions.Add(new Mention(k, role, @case));
                }
            }
        }

        return mentions;
    }

    /// <summary>The formal mentions (Sie, Ihnen, Ihr…, and sich with a Sie subject) of a sentence, for conversion to du.</summary>
    public static List<Mention> AnalyzeFormal(TaggedSentence sentence, ConversionContext context, List<Undecided> undecided)
    {
        var mentions = new List<Mention>();
        var notAddress = new HashSet<int>();
        List<Clause> clauses = sentence.Clauses;
        int formalWords = 0;
        for (int k = 0; k < sentence.Tokens.Count; k++)
        {
            if (sentence.Tokens[k].IsWord && sentence.Tags[k].Class is WordClass.FormalPronoun or WordClass.Possessive &&
                !WordClasses.InformalPossessives.Contains(sentence.Lower(k)))
            {
                formalWords++;
            }
        }

        for (int c = 0; c < clauses.Count; c++)
        {
            Clause clause = clauses[c];
            for (int k = clause.Start; k <= clause.End; k++)
            {
                if (!sentence.Tokens[k].IsWord || sentence.Tags[k].Class != WordClass.FormalPronoun)
                {
                    continue;
                }

                if (sentence.Lower(k) == "ihnen")
                {
                    clause.AddresseeObject = true;
                    continue;
                }

                switch (SieRole(sentence, clause, k))
                {
                    case SieReading.Subject when clause.Subject == SubjectKind.None:
                        if (MayBeThey(sentence, k, context, formalWords))
                        {
                            // "Die Pakete sind da. Sie liegen …": "Sie" may be "they"; leave it and say so.
                            undecided.Add(new Undecided(k, Diagnostics.Messages.UndecidedTheyOrShe));
                            notAddress.Add(k);
                            clause.Subject = SubjectKind.Other;
                            break;
                        }

                        clause.Subject = SubjectKind.Addressee;
                        clause.SubjectToken = k;
                        int notes = undecided.Count;
                        clause.FiniteVerb = FindVerb(sentence, clause, k, Agreement.ThirdPlural, undecided);
                        if (clause.FiniteVerb < 0 && sentence.NextWord(k, clause) is var next && next >= 0 && sentence.Lower(next) == "sich" &&
                            VerbLaterInClause(sentence, clause, k, Agreement.ThirdPlural) is var later && later >= 0)
                        {
                            // "…, Sie sich waschen können": the reflexive makes "Sie" the subject of the verb at the end, which is the
                            // last of the verbs there.
                            while (sentence.NextWord(later, clause) is var following && following >= 0 && Agrees(sentence, following, Agreement.ThirdPlural, verbFinal: true) &&
                                   GovernsInfinitive(sentence, following))
                            {
                                later = following;
                            }

                            clause.FiniteVerb = later;
                            undecided.RemoveRange(notes, undecided.Count - notes);
                        }
                        else if (clause.FiniteVerb < 0 && LoneVerbOfSie(sentence, clause, k) is var lone && lone >= 0)
                        {
                            clause.FiniteVerb = lone;
                            undecided.RemoveRange(notes, undecided.Count - notes);
                        }

                        clause.CoordinatedVerbs = CoordinatedVerbs(sentence, clause, Agreement.ThirdPlural);
                        clause.Imperative = IsFormalImperative(sentence, c, context);
                        break;
                    case SieReading.NotAddress:
                        notAddress.Add(k);
                        break;
                    case SieReading.UnknownVerb:
                        notAddress.Add(k);
                        int unknown = sentence.PreviousWord(k, clause) is var before && before >= 0 && IsUnknownWord(sentence, before) ? before : sentence.NextWord(k, clause);
                        undecided.Add(new Undecided(unknown, Diagnostics.Messages.UndecidedUnknownVerb));
                        undecided.Add(new Undecided(k, Diagnostics.Messages.UndecidedVerbNotInLexicon));
                        if (clause.Subject == SubjectKind.None)
                        {
                            clause.Subject = SubjectKind.Other;
                        }

                        break;
                    case SieReading.Subject:
                        break;
                    default:
                        clause.AddresseeObject = true;
                        break;
                }
            }

            if (clause.Subject == SubjectKind.None)
            {
                if (HasPronounSubject(sentence, clause) && HasOtherSubject(sentence, clause, out bool impersonal))
                {
                    clause.Subject = SubjectKind.Other;
                    clause.ImpersonalSubject = impersonal;
                }
                else
                {
                    ResolveSubjectless(sentence, c, informal: false, context);
                }
            }
        }

        for (int c = 0; c < clauses.Count; c++)
        {
            Clause clause = clauses[c];
            for (int k = clause.Start; k <= clause.End; k++)
            {
                if (!sentence.Tokens[k].IsWord || notAddress.Contains(k))
                {
                    continue;
                }

                string lower = sentence.Lower(k);
                WordTag tag = sentence.Tags[k];
                if (tag.Class == WordClass.Possessive && !WordClasses.InformalPossessives.Contains(lower))
                {
                    mentions.Add(new Mention(k, MentionRole.Possessive, PronounCase.Unknown));
                }
                else if (tag.Class == WordClass.FormalPronoun && lower == "ihnen")
                {
                    mentions.Add(new Mention(k, MentionRole.Object, PronounCase.Dative));
                }
                else if (tag.Class == WordClass.FormalPronoun)
                {
                    bool subject = clause.Subject == SubjectKind.Addressee && clause.SubjectToken == k;
                    if (subject && clause.Imperative)
                    {
                        // The imperative rewrite drops the "Sie" of "Melden Sie sich".
                        continue;
                    }

                    if (!subject && clause.SubjectToken != k && SieRole(sentence, clause, k) == SieReading.Subject && clause.Subject != SubjectKind.Addressee)
                    {
                        continue;
                    }

                    // "Bleiben Sie dort, Sie linker Heuchler": a vocative is nominative.
                    subject |= IsVocative(sentence, clause, k);
                    mentions.Add(new Mention(k, subject ? MentionRole.Subject : MentionRole.Object, subject ? PronounCase.Unknown : PronounCase.Accusative));
                }
                else if (tag.Class == WordClass.Reflexive && IsReflexive(sentence, c, k) &&
                         (clause.Kind != ClauseKind.Infinitive || GovernedByReader(sentence, c) || (GenericInfinitive(sentence, c) && formalWords > 0)))
                {
                    mentions.Add(new Mention(k, MentionRole.Reflexive, ReflexiveCase(sentence, clause, k)));
                }
            }
        }

        return mentions;
    }

    /// <summary>
    /// Whether a subject "Sie" whose capital tells nothing (at the start of a sentence, or in capitals throughout) may be
    /// "she" or "they": in a text that also says du, or as the only formal word of its sentence after a plural referent,
    /// unless a "sie" or "ihnen" object of the same sentence already takes that referent ("Sie können sie abholen"), or
    /// where the same sentence has "sie" as a plural subject ("Sie sprechen über mich, was sagen sie?"). A predicate that
    /// wants a person makes it the reader after things; one that fits things keeps it "they" beside the reader's possessive.
    /// </summary>
    public static bool MayBeThey(TaggedSentence sentence, int k, ConversionContext context, int formalWords)
    {
        bool capitals = IsInCapitals(sentence.Tokens[k].Text);
        if (!sentence.Tags[k].SentenceInitial && !capitals)
        {
            return false;
        }

        bool here = (capitals && PluralReferent.Introduces(sentence, k)) || PluralReferent.TheyFollows(sentence, k);
        if (context.HasInformal)
        {
            return true;
        }

        if (!(context.PluralReferent || here) || PluralReferent.ThirdPersonPronouns(sentence, subjects: false))
        {
            return false;
        }

        // "Wir haben die Unterlagen geprüft. Sie erhalten morgen Bescheid.": things do not receive word; "Sie passen zu
        // Ihrem Modell" may be the parts even with the reader's possessive.
        SubjectFit fit = SubjectPredicates.BuiltIn.FitOf(sentence, sentence.ClauseOf(k), k);
        if (fit == SubjectFit.Person && !here && !context.PeopleReferent)
        {
            return false;
        }

        return formalWords == 1 || fit == SubjectFit.Thing;
    }

    /// <summary>
    /// Whether "Sie" calls the reader a name: an adjective in the strong nominative and a noun after it ("Sie linker
    /// Heuchler", "Sie armes Würstchen"), not after a preposition or a verb, nor before a time ("Wir haben Sie letzter
    /// Woche angeschrieben").
    /// </summary>
    public static bool IsVocative(TaggedSentence sentence, Clause clause, int k)
    {
        int adjective = sentence.NextWord(k, clause);
        int noun = adjective >= 0 ? sentence.NextWord(adjective, clause) : -1;
        return noun >= 0 && sentence.Tags[adjective] is { Class: WordClass.Open, Adjective: true } && !sentence.Tokens[adjective].IsCapitalized &&
               sentence.Lower(adjective) is var ending && (ending.EndsWith("er", StringComparison.Ordinal) || ending.EndsWith("es", StringComparison.Ordinal)) &&
               sentence.Tokens[noun].IsCapitalized && sentence.Tags[noun].Class == WordClass.Open && !sentence.Tags[noun].IsVerb &&
               !WordClasses.TimeNouns.Contains(sentence.Lower(noun)) &&
               !(sentence.PreviousWord(k, clause) is var before && before >= 0 &&
                 (sentence.Tags[before].Class == WordClass.Preposition || sentence.Tags[before] is { Class: WordClass.Open, CanBeFinite: true }));
    }

    /// <summary>Whether the word can be the verb that agrees with a subject of the given person and number here.</summary>
    public static bool Agrees(TaggedSentence sentence, int k, Agreement agreement, bool verbFinal)
    {
        if (!sentence.IsWord(k))
        {
            return false;
        }

        WordTag tag = sentence.Tags[k];
        if (tag.Class != WordClass.Open || (sentence.Tokens[k].IsCapitalized && !tag.SentenceInitial))
        {
            return false;
        }

        return (tag.Finite & agreement) != 0 || (verbFinal && (tag.JoinedFinite & agreement) != 0);
    }

    private static bool IsInCapitals(string word) => word.Length > 1 && word.All(char.IsUpper);

    private enum SieReading
    {
        Subject,
        Object,
        NotAddress,

        /// <summary>"Sie" next to a word in verb position that the lexicon does not know: its role cannot be decided.</summary>
        UnknownVerb,
    }

    private static void FindInformalSubject(TaggedSentence sentence, Clause clause)
    {
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (!sentence.Tokens[k].IsWord)
            {
                continue;
            }

            string lower = sentence.Lower(k);
            WordTag tag = sentence.Tags[k];
            if (tag.Class == WordClass.InformalPronoun && lower is "du" or "ihr")
            {
                clause.Subject = SubjectKind.Addressee;
                clause.SubjectToken = k;
                clause.PluralSubject = lower == "ihr";
                return;
            }
        }

        if (HasPronounSubject(sentence, clause) && HasOtherSubject(sentence, clause, out bool impersonal))
        {
            clause.Subject = SubjectKind.Other;
            clause.ImpersonalSubject = impersonal;
        }
    }

    // ich, wir, er, man …: a subject that no reading of the clause can make an object. "es" and "sie" can be objects,
    // so a clause with only those is first tried as a continuation or an imperative ("… und speicherst sie ab").
    private static bool HasPronounSubject(TaggedSentence sentence, Clause clause)
    {
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (sentence.IsWord(k) && sentence.Tags[k].Class == WordClass.NominativePronoun && sentence.Lower(k) is not ("es" or "sie"))
            {
                return true;
            }
        }

        return clause.FirstWord >= 0 && !sentence.Tags[clause.FirstWord].IsVerb;
    }

    // A clause with no subject found yet: a continuation, an imperative, or one with "es" or "sie" as its subject after all.
    private static void ResolveSubjectless(TaggedSentence sentence, int c, bool informal, ConversionContext context)
    {
        Clause clause = sentence.Clauses[c];
        InheritOrImperative(sentence, c, informal, context);
        if (clause.Subject == SubjectKind.None && HasOtherSubject(sentence, clause, out bool impersonal))
        {
            clause.Subject = SubjectKind.Other;
            clause.ImpersonalSubject = impersonal;
        }
    }

    private static bool HasOtherSubject(TaggedSentence sentence, Clause clause, out bool impersonal)
    {
        impersonal = false;
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (!sentence.Tokens[k].IsWord)
            {
                continue;
            }

            WordTag tag = sentence.Tags[k];
            if (tag.Class == WordClass.NominativePronoun && (sentence.Lower(k) is not ("es" or "sie") || IsNominative(sentence, clause, k)))
            {
                impersonal = sentence.Lower(k) is "es" or "man";
                return true;
            }
        }

        // A noun phrase subject next to a finite verb: "Die Gutschrift kommt morgen", "Morgen kommt die Gutschrift".
        int first = clause.FirstWord;
        if (first >= 0 && clause.Kind == ClauseKind.Main)
        {
            WordTag firstTag = sentence.Tags[first];
            if (firstTag.Class is WordClass.Determiner or WordClass.Possessive || (firstTag.Noun && sentence.Tokens[first].IsCapitalized && !firstTag.IsVerb))
            {
                impersonal = sentence.Lower(first) is "das" or "dies" or "es";
                for (int k = first + 1; k <= clause.End; k++)
                {
                    if (sentence.Tokens[k].IsWord && sentence.Tags[k].Class == WordClass.Open && sentence.Tags[k].CanBeFinite &&
                        !sentence.Tokens[k].IsCapitalized && (sentence.Tags[k].Finite & (Agreement.ThirdSingular | Agreement.ThirdPlural)) != 0)
                    {
                        return (sentence.Tags[k].Finite & Agreement.ThirdSingular) != 0 || !HasFormalSubjectAfter(sentence, clause, k);
                    }
                }
            }
        }

        return false;
    }

    // "es" and "sie" are nominative or accusative: the subject stands first, right after the conjunction, or right after
    // a verb that agrees with it ("Geht es dir gut?"); otherwise it is an object ("… und speicherst sie ab", "setze es zurück").
    private static bool IsNominative(TaggedSentence sentence, Clause clause, int k)
    {
        int previous = sentence.PreviousWord(k, clause);
        if (previous < 0 || k == clause.FirstWord)
        {
            return true;
        }

        WordTag before = sentence.Tags[previous];
        if (before.Class is WordClass.Subordinator or WordClass.Interrogative || (previous == clause.FirstWord && clause.Kind == ClauseKind.Subordinate))
        {
            return true;
        }

        Agreement agreement = sentence.Lower(k) == "es" ? Agreement.ThirdSingular : Agreement.ThirdSingular | Agreement.ThirdPlural;
        return before.Class == WordClass.Open && (before.Finite & agreement) != 0 && !before.ImperativeSingular &&
               (before.Finite & (Agreement.SecondSingular | Agreement.SecondPlural)) == 0;
    }

    private static bool HasFormalSubjectAfter(TaggedSentence sentence, Clause clause, int verb) =>
        sentence.NextWord(verb, clause) is var next && next >= 0 && sentence.Tags[next].Class is WordClass.FormalPronoun or WordClass.InformalPronoun;

    // The verb that agrees with the subject at the given token, or -1 (and a note when the word in verb position is unknown).
    private static int FindVerb(TaggedSentence sentence, Clause clause, int subject, Agreement agreement, List<Undecided> undecided)
    {
        if (clause.Kind == ClauseKind.Subordinate)
        {
            // "vorausgesetzt Sie würden …", "angenommen, du hast …": without "dass" these conjunctions take a verb-second clause.
            if (sentence.Lower(clause.FirstWord) is "vorausgesetzt" or "angenommen" && sentence.PreviousWord(subject, clause) == clause.FirstWord &&
                sentence.NextWord(subject, clause) is var second && Agrees(sentence, second, agreement, verbFinal: false))
            {
                return second;
            }

            // "wenn er lebt werden Sie das noch mitbekommen": a verb right before the subject, after the clause's first word,
            // starts a verb-second clause that the missing comma did not separate.
            if (sentence.PreviousWord(subject, clause) is var inverted && inverted > clause.FirstWord && Agrees(sentence, inverted, agreement, verbFinal: false))
            {
                return inverted;
            }

            for (int k = clause.End; k > subject; k--)
            {
                if (Agrees(sentence, k, agreement, verbFinal: true))
                {
                    return k;
                }
            }

            int last = sentence.LastWord(clause);
            NoteUnknown(sentence, last, undecided);
            return -1;
        }

        int previous = sentence.PreviousWord(subject, clause);
        bool initial = previous < 0 || subject == clause.FirstWord;
        // The verb right before the subject, or before a focus particle: "Das können nur Sie entscheiden".
        int beforeParticles = BeforeFocusParticles(sentence, clause, subject);
        if (!initial && beforeParticles >= 0 && Agrees(sentence, beforeParticles, agreement, verbFinal: false))
        {
            return beforeParticles;
        }

        int next = sentence.NextWord(subject, clause);
        while (next >= 0 && WordClasses.SubjectFloaters.Contains(sentence.Lower(next)))
        {
            next = sentence.NextWord(next, clause);
        }

        // "Sie Kunden sind uns wichtig": a noun in apposition to the subject stands between it and its verb.
        if (initial && next >= 0 && sentence.Tokens[next].IsCapitalized && sentence.Tags[next] is { Class: WordClass.Open, IsVerb: false } &&
            (sentence.Tags[next].PluralNoun || !sentence.Tags[next].Noun) && sentence.NextWord(next, clause) is var afterNoun && Agrees(sentence, afterNoun, agreement, verbFinal: false))
        {
            return afterNoun;
        }

        if (initial || previous < 0 || sentence.Tags[previous].Class != WordClass.Open || !sentence.Tags[previous].IsVerb && !IsUnknownWord(sentence, previous))
        {
            if (Agrees(sentence, next, agreement, verbFinal: false))
            {
                return next;
            }

            if (initial)
            {
                NoteUnknown(sentence, next, undecided);
            }

            return -1;
        }

        NoteUnknown(sentence, previous, undecided);
        return -1;
    }

    // du and ihr are always subjects, so where the verb is not in its usual place ("So sehr du dich auch bemühst", "du alter
    // Hase kennst das", "ich hoffe ihr habt …" without a comma), the first later word that agrees with it is its verb.
    private static int VerbLaterInClause(TaggedSentence sentence, Clause clause, int subject, Agreement agreement)
    {
        // "wenn er lebt wirst du …": a verb-second clause the missing comma did not separate.
        if (sentence.PreviousWord(subject, clause) is var previous && previous >= 0 && Agrees(sentence, previous, agreement, verbFinal: false))
        {
            return previous;
        }

        for (int k = subject + 1; k <= clause.End; k++)
        {
            if (Agrees(sentence, k, agreement, verbFinal: false) || Agrees(sentence, k, agreement, verbFinal: true))
            {
                return k;
            }
        }

        return -1;
    }

    // An open-class word in verb position that the lexicon does not know as a verb ("Klicken" is only a noun there).
    private static bool IsUnknownWord(TaggedSentence sentence, int k) =>
        k >= 0 && sentence.IsWord(k) && sentence.Tags[k].Class == WordClass.Open && (!sentence.Tokens[k].IsCapitalized || sentence.Tags[k].SentenceInitial) &&
        !char.IsDigit(sentence.Tokens[k].Text[0]) && !sentence.Tags[k].IsVerb && !sentence.Tags[k].Adjective;

    // In a verb-final clause, verbs before "und"/"oder" agree too: "wenn Sie lügen und … erwischt werden".
    private static List<int>? CoordinatedVerbs(TaggedSentence sentence, Clause clause, Agreement agreement)
    {
        if (clause.Kind != ClauseKind.Subordinate || clause.SubjectToken < 0)
        {
            return null;
        }

        List<int>? verbs = null;
        for (int k = clause.SubjectToken + 1; k < clause.End; k++)
        {
            if (k != clause.FiniteVerb && sentence.IsWord(k + 1) && sentence.Tags[k + 1].Class == WordClass.Coordinator && Agrees(sentence, k, agreement, verbFinal: true))
            {
                (verbs ??= []).Add(k);
            }
        }

        return verbs;
    }

    private static void NoteUnknown(TaggedSentence sentence, int k, List<Undecided> undecided)
    {
        if (k >= 0 && sentence.IsWord(k) && sentence.Tags[k].Class == WordClass.Open && !sentence.Tokens[k].IsCapitalized &&
            !sentence.Lexicon.Contains(sentence.Tokens[k].Text) && !char.IsDigit(sentence.Tokens[k].Text[0]))
        {
            undecided.Add(new Undecided(k, Diagnostics.Messages.UndecidedUnknownVerb));
        }
    }

    // A clause without a subject of its own: it continues the previous one ("… und verlässt das Menü") or is an imperative.
    private static void InheritOrImperative(TaggedSentence sentence, int c, bool informal, ConversionContext context)
    {
        Clause clause = sentence.Clauses[c];

        // "und" continues the last clause of the same kind, past a zu-infinitive or a verb-final clause in between
        // ("Hilf uns, den Service zu verbessern, und nimm teil"); a comma continues only the clause right before,
        // and only a clause without any subject of its own ("…, werden sie Ihnen helfen" has one).
        Clause? previous = c > 0 ? sentence.Clauses[c - 1] : null;
        if (clause.Coordinated && clause.Kind == ClauseKind.Main)
        {
            for (int p = c - 1; p >= 0; p--)
            {
                if (sentence.Clauses[p].Kind == ClauseKind.Main)
                {
                    previous = sentence.Clauses[p];
                    break;
                }
            }
        }

        bool continues = clause.Coordinated || (clause.AfterPunctuation && sentence.Tokens[clause.Start - 1].Text == "," && previous is { Kind: ClauseKind.Main } &&
                                               clause.Kind == ClauseKind.Main && !(previous.FiniteVerb >= 0 && previous.FiniteVerb == previous.FirstWord &&
                                                                                   HasOtherSubject(sentence, clause, out _)));
        if (continues && previous is { Subject: SubjectKind.Addressee })
        {
            Agreement agreement = informal ? previous.PluralSubject ? Agreement.SecondPlural : Agreement.SecondSingular : Agreement.ThirdPlural;
            if (previous.Imperative)
            {
                if (informal && ImperativeVerb(sentence, clause, previous.PluralSubject, context, continuation: true) is var verb && verb >= 0)
                {
                    SetImperative(clause, verb, previous.PluralSubject);
                }

                return;
            }

            int inherited = -1;
            if (clause.Kind == ClauseKind.Subordinate)
            {
                for (int k = clause.End; k >= clause.Start; k--)
                {
                    if (Agrees(sentence, k, agreement, verbFinal: true))
                    {
                        inherited = k;
                        break;
                    }
                }
            }
            else if (Agrees(sentence, clause.FirstWord, agreement, verbFinal: false))
            {
                inherited = clause.FirstWord;
            }

            if (inherited >= 0)
            {
                clause.Subject = SubjectKind.Addressee;
                clause.PluralSubject = previous.PluralSubject;
                clause.FiniteVerb = inherited;
                return;
            }

            if (clause.Coordinated)
            {
                // "Du kannst den Betrag ändern, aber setz ihn nicht zu hoch": a statement continued by an imperative.
                if (informal && clause.Kind == ClauseKind.Main &&
                    ImperativeVerb(sentence, clause, previous.PluralSubject, context, continuation: true) is var command && command >= 0)
                {
                    SetImperative(clause, command, previous.PluralSubject);
                }

                return;
            }
        }

        if (informal && clause.Kind == ClauseKind.Main && (!sentence.AsksQuestion(c) || clause.Coordinated) &&
            ImperativeVerb(sentence, clause, plural: false, context, continuation: false) is var singular && singular >= 0)
        {
            SetImperative(clause, singular, plural: false);
        }
        else if (informal && clause.Kind == ClauseKind.Main && !sentence.AsksQuestion(c) &&
                 ImperativeVerb(sentence, clause, plural: true, context, continuation: false) is var plural && plural >= 0)
        {
            SetImperative(clause, plural, plural: true);
        }
    }

    private static void SetImperative(Clause clause, int verb, bool plural)
    {
        clause.Subject = SubjectKind.Addressee;
        clause.Imperative = true;
        clause.FiniteVerb = verb;
        clause.PluralSubject = plural;
    }

    // The imperative verb that opens an informal clause ("Schick uns …", "Bitte melde dich …", "Schreibt uns …"), or -1.
    private static int ImperativeVerb(TaggedSentence sentence, Clause clause, bool plural, ConversionContext context, bool continuation)
    {
        int c = sentence.Clauses.IndexOf(clause);
        Clause? previous = c > 0 ? sentence.Clauses[c - 1] : null;
        // At the start of a sentence, after a colon, dash, comma or coordinator: "Wenn es klappt, melde dich", "… und denk daran".
        // After "und" only when the clause before has no subject that the verb could share ("Ich prüfe das und rufe dich an").
        bool afterCoordinator = clause.Coordinated && previous is { Subject: not SubjectKind.Other };
        bool position = c == 0 || continuation || clause.AfterPunctuation || afterCoordinator || sentence.Tokens[clause.Start - 1].Text is ":" or "(" or "–" or "—";
        if (!position)
        {
            return -1;
        }

        int verb = clause.FirstWord;
        while (verb >= 0 && LeadingParticles.Contains(sentence.Lower(verb)) && sentence.Tags[verb].Class == WordClass.Particle)
        {
            verb = sentence.NextWord(verb, clause);
        }

        if (verb < 0 || !sentence.IsWord(verb))
        {
            return -1;
        }

        WordTag tag = sentence.Tags[verb];
        string lower = sentence.Lower(verb);
        if (tag.Class != WordClass.Open || WordClasses.FixedImperatives.Contains(lower) || (sentence.Tokens[verb].IsCapitalized && !tag.SentenceInitial && !clause.Coordinated))
        {
            return -1;
        }

        if (plural ? !tag.ImperativePlural : !tag.ImperativeSingular)
        {
            return -1;
        }

        // "Träume und Wünsche …": coordinated with a noun, the word is a noun too.
        if (tag.Noun && sentence.NextWord(verb, clause) is var coordinator && coordinator >= 0 && sentence.Tags[coordinator].Class == WordClass.Coordinator &&
            sentence.NextWord(coordinator, clause) is var other && other >= 0 && sentence.Tokens[other].IsCapitalized && sentence.Tags[other].Noun &&
            !sentence.Tags[other].IsVerb)
        {
            return -1;
        }

        // "Klappe halten!", "Ruhe bewahren": a noun and the infinitive that closes the clause are the command; only a few verbs
        // take a bare infinitive in the imperative ("Lass das liegen", "Geh schlafen", "Bleib sitzen").
        if (sentence.LastWord(clause) is var last && last > verb && sentence.Tags[last] is { NonFinite: true, Participle: false, ZuInfinitive: false } &&
            !sentence.Tokens[last].IsCapitalized && (sentence.Tags[last].Finite & (Agreement.SecondSingular | Agreement.SecondPlural)) == 0 &&
            sentence.PreviousWord(last, clause) is var beforeLast && beforeLast >= 0 && sentence.Lower(beforeLast) != "zu" && !TakesBareInfinitive(sentence, verb))
        {
            return -1;
        }

        int next = sentence.NextWord(verb, clause);
        if (next < 0)
        {
            // "Komm!" alone, or "Probier es aus." with more words; a single word before a colon is a label ("Tipp:").
            bool exclamation = verb + 1 < sentence.Tokens.Count && sentence.Tokens[verb + 1].Text == "!";
            bool moreWords = clause.End > verb && sentence.Tokens[verb + 1].Text is not (":" or "," or ".");
            bool beforeComma = verb + 1 < sentence.Tokens.Count && sentence.Tokens[verb + 1].Text == "," && !DroppedFirstPerson(sentence, verb);

            // "Beachte: Der Code gilt nur heute." announces what follows; "Tipp:" and "Wichtig:" are labels.
            bool announces = verb + 2 < sentence.Tokens.Count && sentence.Tokens[verb + 1].Text == ":" && !tag.Noun && !tag.Adjective;
            if (!exclamation && !moreWords && !continuation && !beforeComma && !announces && !TakesObjectClause(sentence, verb, c))
            {
                return -1;
            }
        }
        else
        {
            WordTag nextTag = sentence.Tags[next];
            string nextLower = sentence.Lower(next);

            // "Glaube ich", "Habe ich": a first person with the pronoun after it; "Melde mich morgen": the pronoun dropped.
            // "Lass sie rein": after a form that cannot agree with it, "sie" is the object.
            bool objectSie = nextLower == "sie" && (tag.Finite & (Agreement.ThirdSingular | Agreement.ThirdPlural)) == 0;
            if (!objectSie && ((nextTag.Class == WordClass.NominativePronoun && nextLower != "es") || nextTag.Class == WordClass.FormalPronoun && nextLower == "sie"))
            {
                return -1;
            }

            if ((tag.Finite & Agreement.FirstSingular) != 0 && nextLower is "mich" && LemmaIs(sentence, verb, "lassen") is false)
            {
                return -1;
            }

            // A noun phrase subject right after the verb: "Kommt die Mail an?", "deshalb liegt das Paket …" are no imperatives.
            if (plural && !continuation && nextTag.Class == WordClass.Determiner && !NeverNominative(nextLower) &&
                (!context.InformalPlural || (tag.Finite & Agreement.ThirdSingular) != 0))
            {
                return -1;
            }

            // "Schule ist eine Familie": a noun before a finite verb.
            if (nextTag.Class == WordClass.Open && nextTag.CanBeFinite && !nextTag.NonFinite && !nextTag.Noun && !nextTag.Adjective && !sentence.Tokens[next].IsCapitalized)
            {
                return -1;
            }

            // "Habe nie darüber nachgedacht", "Hab dir geschrieben": a first person with the pronoun dropped ("hab" is the
            // colloquial first person too); the participle may close a list of adjectives ("Habe viele nette, liebe Leute kennengelernt").
            if ((lower == "hab" || ((tag.Finite & Agreement.FirstSingular) != 0 && lower is "habe" or "bin" or "werde")) &&
                (EndsWithParticiple(sentence, clause) || (c + 1 < sentence.Clauses.Count && ContinuesAdjectives(sentence, sentence.Clauses[c + 1]) &&
                                                          EndsWithParticiple(sentence, sentence.Clauses[c + 1]))))
            {
                return -1;
            }
        }

        if (verb + 1 < sentence.Tokens.Count && sentence.Tokens[verb + 1].Text == "," && DroppedFirstPerson(sentence, verb) &&
            !TakesObjectClause(sentence, verb, c))
        {
            // "Hoffe, das hilft": a first person with the pronoun dropped.
            return -1;
        }

        if (plural && !context.InformalPlural && !continuation && !(sentence.IsExclamation && (tag.Finite & Agreement.ThirdSingular) == 0) &&
            !(next >= 0 && sentence.Lower(next) is "uns" or "mir" or "bitte" or "gern" or "gerne" or "doch" or "mal" or "einfach" or "euch" or "euer" or "eure"))
        {
            return -1;
        }

        return verb;
    }

    // "sagt allen", "bringt dem Kunden": an article or pronoun in the dative or the accusative cannot be the subject after the verb.
    private static bool NeverNominative(string determiner) =>
        determiner.EndsWith("em", StringComparison.Ordinal) || determiner.EndsWith("en", StringComparison.Ordinal);

    // "…, hilfsbereite Menschen kennengelernt": a clause after a comma that goes on with an adjective (or an adverb and an
    // adjective) and has no verb of its own before its end continues a list of adjectives.
    private static bool ContinuesAdjectives(TaggedSentence sentence, Clause clause)
    {
        int first = clause.FirstWord;
        if (first >= 0 && sentence.Tags[first].Class == WordClass.Particle)
        {
            // "…, gut integrierte Menschen": an adverb before the adjective.
            first = sentence.NextWord(first, clause);
        }

        if (first < 0 || !clause.AfterPunctuation || clause.Coordinated || sentence.Tokens[clause.Start - 1].Text != "," ||
            sentence.Tags[first] is not { Class: WordClass.Open, Adjective: true } || sentence.Tokens[first].IsCapitalized)
        {
            return false;
        }

        for (int k = sentence.NextWord(first, clause), last = sentence.LastWord(clause); k >= 0 && k < last; k = sentence.NextWord(k, clause))
        {
            // "gut integrierte Menschen": a form before a noun is attributive, whatever verb form it could also be; an
            // infinitive before the closing participle belongs to it ("kennen gelernt").
            int after = sentence.NextWord(k, clause);
            if (sentence.Tags[k] is { Class: WordClass.Open, CanBeFinite: true, Adjective: false } && !sentence.Tokens[k].IsCapitalized &&
                !(after >= 0 && sentence.Tokens[after].IsCapitalized) && !(after == last && sentence.Tags[k].NonFinite))
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithParticiple(TaggedSentence sentence, Clause clause)
    {
        // "Habe euch vermisst" ends with a participle that is also a finite form ("ihr vermisst").
        int last = sentence.LastWord(clause);
        return last >= 0 && !sentence.Tokens[last].IsCapitalized && (sentence.Tags[last].Participle ||
               sentence.Tags[last].NonFinite && !sentence.Tags[last].CanBeFinite | sentence.Lower(last).StartsWith("ge", StringComparison.Ordinal));
    }

    // "Beachte, dass …", "Prüfe, ob …", "Versuche, … zu …": a verb alone before its object clause; not the first person of "Hoffe, das hilft".
    private static bool TakesObjectClause(TaggedSentence sentence, int verb, int c)
    {
        if (c + 1 >= sentence.Clauses.Count || sentence.Clauses[c + 1].FirstWord is var first && first < 0 || sentence.Tokens[verb + 1].Text != ",")
        {
            return false;
        }

        // "Versuche, den Code erneut einzugeben": a zu-infinitive as the object.
        return (sentence.Clauses[c + 1].Kind == ClauseKind.Infinitive ||
                sentence.Lower(sentence.Clauses[c + 1].FirstWord) is "dass" or "ob" or "wie" or "was" or "wo" or "wann" or "welche" or "welcher" or "welches" or "warum") &&
               !OpinionVerbs.Contains(sentence.Lower(verb));
    }

    private static readonly HashSet<string> OpinionVerbs = new(StringComparer.Ordinal)
    {
        "hoffe", "glaube", "denke", "finde", "meine", "schätze", "vermute", "fürchte", "befürchte", "bezweifle", "weiß", "sehe",
        "wette", "wünschte", "verstehe", "kapiere", "ahne", "merke",
    };

    // "Hoffe, das hilft", "Verstehe, das ist ärgerlich": a verb of thinking before a comma is a first person with the
    // pronoun dropped; other verbs there are imperatives ("Warte, ich schaue nach", "Schau, so geht das").
    private static bool DroppedFirstPerson(TaggedSentence sentence, int verb) =>
        (sentence.Tags[verb].Finite & Agreement.FirstSingular) != 0 && OpinionVerbs.Contains(sentence.Lower(verb));

    private static bool TakesBareInfinitive(TaggedSentence sentence, int k)
    {
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[k].Text))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && WordClasses.BareInfinitiveVerbs.Contains(sentence.Lexicon.Lemma(reading.LemmaId)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LemmaIs(TaggedSentence sentence, int k, string lemma)
    {
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[k].Text))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && sentence.Lexicon.Lemma(reading.LemmaId) == lemma)
            {
                return true;
            }
        }

        return false;
    }

    private static SieReading SieRole(TaggedSentence sentence, Clause clause, int k)
    {
        int previous = sentence.PreviousWord(k, clause);
        if (previous >= 0 && sentence.Tags[previous].Class == WordClass.Preposition)
        {
            return SieReading.Object;
        }

        if (clause.Kind == ClauseKind.Infinitive)
        {
            return SieReading.Object;
        }

        if (clause.Kind == ClauseKind.Subordinate)
        {
            int head = clause.FirstWord;
            if (head >= 0 && sentence.Tags[head].Class == WordClass.Preposition && sentence.NextWord(head, clause) is var relative && relative >= 0 && relative < k)
            {
                head = relative;
            }

            for (int j = head + 1; j < k; j++)
            {
                if (sentence.Tokens[j].IsWord && sentence.Tags[j].Class is WordClass.NominativePronoun or WordClass.Determiner or WordClass.Possessive or WordClass.InformalPronoun)
                {
                    return LoneVerbOfSie(sentence, clause, k) >= 0 ? SieReading.Subject : SieReading.Object;
                }
            }

            // The finite verb closes the clause: "was Sie interessiert" has "was" as its subject.
            for (int j = clause.End; j > k; j--)
            {
                if (sentence.Tokens[j].IsWord && sentence.Tags[j].Class == WordClass.Open && !sentence.Tokens[j].IsCapitalized &&
                    (sentence.Tags[j].Finite | sentence.Tags[j].JoinedFinite) != Agreement.None)
                {
                    return Agrees(sentence, j, Agreement.ThirdPlural, verbFinal: true) || LoneVerbOfSie(sentence, clause, k) >= 0 ? SieReading.Subject : SieReading.Object;
                }
            }

            return SieReading.Subject;
        }

        // Main clause: clause-initial "Sie" is the subject ("Sie erhalten …"), unless its verb is third person singular ("Sie ist …" is "she").
        if (previous < 0 || k == clause.FirstWord)
        {
            int next = sentence.NextWord(k, clause);
            while (next >= 0 && WordClasses.SubjectFloaters.Contains(sentence.Lower(next)))
            {
                next = sentence.NextWord(next, clause);
            }

            if (next >= 0 && IsUnknownWord(sentence, next))
            {
                return SieReading.UnknownVerb;
            }

            // "Sie werden Ihnen gebracht": the reader cannot be subject and dative object of one clause, so "Sie" is "they".
            for (int j = clause.Start; j <= clause.End; j++)
            {
                if (j != k && sentence.IsWord(j) && sentence.Tags[j].Class == WordClass.FormalPronoun && sentence.Tags[k].SentenceInitial)
                {
                    return SieReading.NotAddress;
                }
            }

            if (next >= 0 && sentence.Tags[next].Class == WordClass.Open && !sentence.Tokens[next].IsCapitalized && sentence.Tags[next].CanBeFinite &&
                (sentence.Tags[next].Finite & Agreement.ThirdPlural) == 0)
            {
                return sentence.Tags[k].SentenceInitial ? SieReading.NotAddress : SieReading.Object;
            }

            return SieReading.Subject;
        }

        if (IsUnknownWord(sentence, previous) && sentence.PreviousWord(previous, clause) is var beforeVerb &&
            (beforeVerb < 0 || previous == clause.FirstWord || sentence.Tags[beforeVerb].Class is WordClass.Particle or WordClass.Coordinator))
        {
            return SieReading.UnknownVerb;
        }

        // "Können Sie …", "Morgen erhalten Sie …": the finite verb right before, or before a focus particle ("Das können
        // nur Sie entscheiden"); "Wir informieren Sie": another subject first.
        int verbBefore = BeforeFocusParticles(sentence, clause, k);
        if (verbBefore >= 0 && Agrees(sentence, verbBefore, Agreement.ThirdPlural, verbFinal: false))
        {
            return HasNominativeBefore(sentence, clause, verbBefore) && LoneVerbOfSie(sentence, clause, k) < 0 ? SieReading.Object : SieReading.Subject;
        }

        // "Am besten Sie schreiben uns …": after an adverb, "Sie" and the verb that follows it.
        if ((sentence.Tags[previous].Class == WordClass.Open && !sentence.Tags[previous].IsVerb || sentence.Tags[previous].Class == WordClass.Particle) &&
            !sentence.Tokens[previous].IsCapitalized &&
            sentence.NextWord(k, clause) is var after && after >= 0 && Agrees(sentence, after, Agreement.ThirdPlural, verbFinal: false) &&
            !HasNominativeBefore(sentence, clause, k) && !HasFiniteVerbBefore(sentence, clause, k))
        {
            return SieReading.Subject;
        }

        return LoneVerbOfSie(sentence, clause, k) >= 0 ? SieReading.Subject : SieReading.Object;
    }

    /// <summary>
    /// The finite verb that only "Sie" at token k can be the subject of, or -1: "ich bin sicher Sie ahnen es", "das Sie das
    /// nicht wollen", "ob Sie mich … nennen", where a missing comma or a misspelt "dass" hid the clause boundary. The verb
    /// is the one right before "Sie" that agrees with it, or else the first such form after it; no other word of the clause may be a
    /// subject it agrees with ("wir", "die Kollegen"), and no verb of the clause may take it as its infinitive ("Ich kann
    /// Sie verstehen", "dass ich Sie erreichen kann").
    /// </summary>
    public static int LoneVerbOfSie(TaggedSentence sentence, Clause clause, int k)
    {
        int verb = BeforeFocusParticles(sentence, clause, k) is var before && before >= 0 && Agrees(sentence, before, Agreement.ThirdPlural, verbFinal: false) ? before : -1;
        for (int j = k + 1; j <= clause.End && verb < 0; j++)
        {
            if (Agrees(sentence, j, Agreement.ThirdPlural, verbFinal: true))
            {
                verb = j;
            }
        }

        if (verb < 0)
        {
            return -1;
        }

        // Another finite verb before "Sie" that takes no infinitive closes a clause of its own ("… ich hoffe Sie haben …");
        // after "Sie" and its verb, a noun phrase is the object ("Sie machen viele Kinder").
        int from = clause.Start;
        for (int j = Math.Min(k, verb) - 1; j >= clause.Start; j--)
        {
            if (sentence.IsWord(j) && sentence.Tags[j] is { Class: WordClass.Open, CanBeFinite: true } && !sentence.Tokens[j].IsCapitalized &&
                !sentence.Tags[j].Adjective && !GovernsInfinitive(sentence, j))
            {
                from = j + 1;
                break;
            }
        }

        int to = verb > k ? verb - 1 : clause.End;
        Agreement forms = sentence.Tags[verb].Finite | sentence.Tags[verb].JoinedFinite;
        for (int j = clause.Start; j <= clause.End; j++)
        {
            if (j == k || j == verb || !sentence.IsWord(j))
            {
                continue;
            }

            if (j >= from && j <= to && MaySubject(sentence, clause, j, forms) ||
                (sentence.Tags[verb].NonFinite && sentence.Tags[j] is { Class: WordClass.Open, CanBeFinite: true } &&
                 (!sentence.Tokens[j].IsCapitalized || sentence.Tags[j].SentenceInitial) && GovernsInfinitive(sentence, j)))
            {
                return -1;
            }
        }

        return verb;
    }

    // Whether the word can be a subject that agrees with a verb of the given forms: a personal pronoun of that person, a
    // noun that can be plural or a word the lexicon does not know, or an article or demonstrative that can be plural;
    // not after a preposition ("gegen die Wand").
    private static bool MaySubject(TaggedSentence sentence, Clause clause, int j, Agreement forms)
    {
        WordTag tag = sentence.Tags[j];
        Agreement pronoun = sentence.Lower(j) switch
        {
            "ich" => Agreement.FirstSingular,
            "du" => Agreement.SecondSingular,
            "er" or "es" or "man" or "das" or "dies" or "was" or "wer" => Agreement.ThirdSingular,
            "wir" => Agreement.FirstPlural,
            "ihr" when tag.Class == WordClass.InformalPronoun => Agreement.SecondPlural,
            "sie" when tag.Class == WordClass.NominativePronoun => Agreement.ThirdSingular | Agreement.ThirdPlural,
            "sie" when tag.Class == WordClass.FormalPronoun => Agreement.ThirdPlural,
            _ => Agreement.None,
        };
        if (pronoun != Agreement.None && tag.Class is WordClass.NominativePronoun or WordClass.InformalPronoun or WordClass.FormalPronoun or WordClass.Determiner or WordClass.Interrogative)
        {
            return (forms & pronoun) != 0;
        }

        if ((forms & Agreement.ThirdPlural) == 0 || AfterPreposition(sentence, clause, j))
        {
            return false;
        }

        if (tag.Class is WordClass.Determiner or WordClass.Possessive)
        {
            return sentence.Lower(j) is "die" or "diese" or "jene" or "alle" or "beide" or "viele" or "einige" or "manche" or "meine" or "deine" or "seine" or
                "ihre" or "unsere" or "eure" or "keine" or "welche" or "solche" or "andere";
        }

        // "auf Druck der Internet-Medien": after an article that is never nominative plural the noun is no subject.
        bool unknown = !tag.Noun && !tag.IsVerb && !tag.Adjective;
        int article = sentence.PreviousWord(j, clause);
        bool oblique = article >= 0 && sentence.Lower(article) is "der" or "des" or "dem" or "den" or "einer" or "eines" or "einem" or "einen";
        return tag.Class == WordClass.Open && sentence.Tokens[j].IsCapitalized && !tag.SentenceInitial && (tag.PluralNoun || unknown) && !oblique;
    }

    // Whether a preposition stands right before the word or before its article and adjectives.
    private static bool AfterPreposition(TaggedSentence sentence, Clause clause, int j)
    {
        for (int before = sentence.PreviousWord(j, clause), words = 0; before >= 0 && words < 3; before = sentence.PreviousWord(before, clause), words++)
        {
            WordTag tag = sentence.Tags[before];
            if (tag.Class == WordClass.Preposition)
            {
                return true;
            }

            if (tag.Class is not (WordClass.Determiner or WordClass.Possessive) && !(tag.Class == WordClass.Open && !sentence.Tokens[before].IsCapitalized && tag.Adjective))
            {
                return false;
            }
        }

        return false;
    }

    // Whether the word is a finite form of a verb that takes a bare infinitive: a modal, "werden", "lassen", "sehen" ….
    private static bool GovernsInfinitive(TaggedSentence sentence, int k)
    {
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[k].Text))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && reading.Verb.Kind == VerbFormKind.Finite && sentence.Lexicon.Lemma(reading.LemmaId) is var lemma &&
                lemma is not ("haben" or "wissen") && (ModalLemmas.Contains(lemma) || WordClasses.BareInfinitiveVerbs.Contains(lemma)))
            {
                return true;
            }
        }

        return false;
    }

    // The word before the focus particles ("nur", "auch" …) that stand right before the token, or -1.
    private static int BeforeFocusParticles(TaggedSentence sentence, Clause clause, int k)
    {
        int before = sentence.PreviousWord(k, clause);
        while (before >= 0 && WordClasses.FocusParticles.Contains(sentence.Lower(before)))
        {
            before = sentence.PreviousWord(before, clause);
        }

        return before;
    }

    private static bool HasNominativeBefore(TaggedSentence sentence, Clause clause, int end)
    {
        for (int j = clause.Start; j < end; j++)
        {
            if (sentence.IsWord(j) && (sentence.Tags[j].Class == WordClass.NominativePronoun && sentence.Lower(j) is not "das" ||
                                       sentence.Tags[j].Class == WordClass.FormalPronoun && sentence.Lower(j) == "sie"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasFiniteVerbBefore(TaggedSentence sentence, Clause clause, int end)
    {
        for (int j = clause.Start; j < end; j++)
        {
            if (Agrees(sentence, j, Agreement.FirstSingular | Agreement.SecondSingular | Agreement.ThirdSingular | Agreement.FirstPlural |
                                    Agreement.SecondPlural | Agreement.ThirdPlural, verbFinal: false) && !sentence.Tags[j].Adjective)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFormalImperative(TaggedSentence sentence, int c, ConversionContext context)
    {
        Clause clause = sentence.Clauses[c];
        int verb = clause.FiniteVerb;
        if (verb < 0 || sentence.AsksQuestion(c) || clause.Kind != ClauseKind.Main || sentence.NextWord(verb, clause) != clause.SubjectToken)
        {
            return false;
        }

        // Verb-first, or after "bitte": "Bitte wenden Sie sich …". After another adverb the verb is second, as in a
        // statement ("Dann passen Sie die Einstellungen an"), unless the clause asks for something ("Dann melden Sie sich bitte").
        bool fronted = false;
        for (int k = clause.FirstWord; k >= 0 && k < verb; k = sentence.NextWord(k, clause))
        {
            if (!LeadingParticles.Contains(sentence.Lower(k)) || sentence.Tags[k].Class != WordClass.Particle)
            {
                return false;
            }

            fronted |= sentence.Lower(k) != "bitte";
        }

        // "Haben Sie Fragen, dann rufen Sie uns an": after a condition, "dann" opens its consequence, which may be a request.
        if (fronted && !HasRequestMarker(sentence, clause, verb) && !sentence.IsExclamation && !(OnlyDann(sentence, clause, verb) && FollowsCondition(sentence, c)))
        {
            return false;
        }

        // "Haben Sie Zeit, können wir telefonieren?": in a question, "haben" opens a question of its own. The request form
        // of Sie is the subjunctive ("Seien Sie", "Haben Sie"), so "Sind Sie …" is never one.
        if (!HasPresentPluralReading(sentence, verb, out string? lemma) || lemma is null || ModalLemmas.Contains(lemma) ||
            (lemma == "haben" && sentence.IsQuestion) || !HasSubjunctivePluralReading(sentence, verb))
        {
            return false;
        }

        if (AsksWithoutQuestionMark(sentence, c, clause, lemma))
        {
            return false;
        }

        // "seien Sie" is the imperative form itself (the indicative is "sind"); "lassen Sie uns" is always an invitation.
        if (sentence.Lower(verb) == "seien" || (lemma == "lassen" && sentence.NextWord(clause.SubjectToken, clause) is var afterSubject && afterSubject >= 0 && sentence.Lower(afterSubject) == "uns"))
        {
            return true;
        }

        // "Haben Sie die Goonies gesehen.": "haben" with a participle closing the clause is the perfect, which asks or states.
        if (lemma == "haben" && sentence.LastWord(clause) is var last && last > clause.SubjectToken && sentence.Tags[last] is { Participle: true } &&
            !sentence.Tokens[last].IsCapitalized)
        {
            return false;
        }

        // "Geben Sie den Gutschein ein, wird der Rabatt abgezogen": verb-first before a verb-first main clause is a condition.
        if (c + 1 < sentence.Clauses.Count && sentence.Clauses[c + 1] is { AfterPunctuation: true, Coordinated: false } following &&
            following.FirstWord >= 0 && sentence.Tags[following.FirstWord] is { Class: WordClass.Open, Finite: not Agreement.None } &&
            !sentence.Tokens[following.FirstWord].IsCapitalized &&
            sentence.NextWord(following.FirstWord, following) is var after && after >= 0 && sentence.Tags[after].Class != WordClass.FormalPronoun)
        {
            return false;
        }

        // "Haben Sie noch Fragen, rufen Sie uns an", "Brauchen Sie Hilfe, dann melden Sie sich": a verb of having or needing
        // before a verb-first clause with "Sie", or before "dann" and a verb, is its condition; so is any verb-first clause
        // before "so" and a verb ("Tun Sie das, so …"). "Gehen Sie zur Bank, kaufen Sie ein Auto" are two requests.
        if (!HasRequestMarker(sentence, clause, verb) && Consequence(sentence, c) is var (then, correlative) && then is not null &&
            (correlative == "so" || (WordClasses.ConditionLemmas.Contains(lemma) &&
                                     (correlative == "dann" || sentence.NextWord(then.FirstWord, then) is var thenSubject && thenSubject >= 0 && sentence.Tokens[thenSubject].Text == "Sie"))))
        {
            return false;
        }

        // "Haben Sie Fragen, wir helfen gern", "Haben Sie Zeit, wir könnten telefonieren": before a statement of the writer's,
        // a verb of having or needing is the condition (or the question) too; a request says "bitte" ("Bitte haben Sie Geduld").
        if (WordClasses.ConditionLemmas.Contains(lemma) && !HasRequestMarker(sentence, clause, verb) && sentence.Lower(clause.FirstWord) != "bitte" &&
            WriterStatementFollows(sentence, c))
        {
            return false;
        }

        Clause? previous = c > 0 ? sentence.Clauses[c - 1] : null;
        if (previous is null || sentence.Tokens[clause.Start - 1].Text is ":" or "(" or "–" or "—")
        {
            return true;
        }

        if (clause.Coordinated && previous.Imperative)
        {
            return true;
        }

        // "Schulz, sparen Sie sich das", "Ok, lassen Sie uns …": after a name or an interjection, without a verb or a
        // preposition, the clause opens the sentence ("Nach dem Login, erhalten Sie …" is a statement).
        if (!clause.Coordinated && c == 1 && previous.Kind == ClauseKind.Main && IsAddressOrInterjection(sentence, previous) && sentence.Tokens[clause.Start - 1].Text == ",")
        {
            return true;
        }

        // After a subordinate clause, verb-first is also a statement: "Wenn Sie bestellen, erhalten Sie eine Mail."
        return HasRequestMarker(sentence, clause, verb) || sentence.IsExclamation || !WordClasses.StatementVerbs.Contains(lemma);
    }

    // The main clause after a comma (or a boundary the comma is missing from) that could be the consequence of clause c (past verb-final clauses that belong to c):
    // a clause that opens with a finite verb, or with "dann" or "so" and a finite verb; with the correlative word, or null.
    private static (Clause? Clause, string? Correlative) Consequence(TaggedSentence sentence, int c)
    {
        for (int n = c + 1; n < sentence.Clauses.Count; n++)
        {
            // After a comma, or where a verb and its subject pronoun open the clause without one ("Haben Sie Fragen rufen Sie an").
            Clause then = sentence.Clauses[n];
            bool separated = then.AfterPunctuation ? sentence.Tokens[then.Start - 1].Text == "," : sentence.IsWord(then.Start - 1);
            if (!separated || then.Coordinated || then.FirstWord < 0)
            {
                return (null, null);
            }

            if (then.Kind == ClauseKind.Subordinate)
            {
                continue;
            }

            int verb = then.FirstWord;
            string? correlative = null;
            if (sentence.Lower(verb) is "dann" or "so" && sentence.Tags[verb].Class != WordClass.Open)
            {
                correlative = sentence.Lower(verb);
                verb = sentence.NextWord(verb, then);
            }

            bool finite = verb >= 0 && sentence.Tags[verb] is { Class: WordClass.Open, CanBeFinite: true } && !sentence.Tokens[verb].IsCapitalized;
            return then.Kind == ClauseKind.Main && finite ? (then, correlative) : (null, null);
        }

        return (null, null);
    }

    // Whether clause c is followed, after a comma, by a main clause that opens with "wir" or "ich" and a finite verb.
    private static bool WriterStatementFollows(TaggedSentence sentence, int c)
    {
        if (c + 1 >= sentence.Clauses.Count || sentence.Clauses[c + 1] is not { Kind: ClauseKind.Main, Coordinated: false, AfterPunctuation: true } then ||
            then.FirstWord < 0 || sentence.Tokens[then.Start - 1].Text != "," || sentence.Lower(then.FirstWord) is not ("wir" or "ich"))
        {
            return false;
        }

        int verb = sentence.NextWord(then.FirstWord, then);
        return verb >= 0 && sentence.Tags[verb] is { Class: WordClass.Open, CanBeFinite: true } && !sentence.Tokens[verb].IsCapitalized;
    }

    // Whether the only words before the verb are "dann".
    private static bool OnlyDann(TaggedSentence sentence, Clause clause, int verb) =>
        clause.FirstWord >= 0 && sentence.Lower(clause.FirstWord) == "dann" && sentence.NextWord(clause.FirstWord, clause) == verb;

    // Whether the clause before c, after a comma, is a condition: a verb-final clause ("Wenn Sie Fragen haben, dann …") or a
    // verb-first statement with the reader as subject ("Haben Sie Fragen, dann …").
    private static bool FollowsCondition(TaggedSentence sentence, int c)
    {
        if (c == 0 || sentence.Tokens[sentence.Clauses[c].Start - 1].Text != ",")
        {
            return false;
        }

        Clause previous = sentence.Clauses[c - 1];
        return previous.Kind == ClauseKind.Subordinate && previous.FirstWord >= 0 && sentence.Lower(previous.FirstWord) is "wenn" or "falls" or "sofern" or "sobald" ||
               previous is { Kind: ClauseKind.Main, Subject: SubjectKind.Addressee, Imperative: false } && previous.FiniteVerb >= 0 && previous.FiniteVerb == previous.FirstWord;
    }

    // Whether the verb has a third person plural subjunctive reading, the form a request with Sie takes.
    private static bool HasSubjunctivePluralReading(TaggedSentence sentence, int verb)
    {
        Clause clause = sentence.ClauseOf(verb);
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[verb].Text))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && reading.Verb.Kind == VerbFormKind.Finite && reading.Verb.Tense == VerbTense.SubjunctiveOne &&
                reading.Verb.Person == Person.Third && reading.Verb.Number == GrammaticalNumber.Plural && reading.Placement != VerbPlacement.Joined &&
                VerbReadings.ParticleFits(sentence, verb, reading, clause))
            {
                return true;
            }
        }

        return false;
    }

    // A clause of names, interjections and particles only: no verb reading in lower case, no preposition, no pronoun.
    private static bool IsAddressOrInterjection(TaggedSentence sentence, Clause clause)
    {
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (sentence.IsWord(k) && (sentence.Tags[k].IsVerb && !sentence.Tokens[k].IsCapitalized ||
                                       sentence.Tags[k].Class is WordClass.Preposition or WordClass.Subordinator or WordClass.Interrogative or
                                           WordClass.FormalPronoun or WordClass.InformalPronoun or WordClass.NominativePronoun or WordClass.Determiner))
            {
                return false;
            }
        }

        return true;
    }

    // Spoken questions are often written without their question mark: "Machen Sie sich manchmal Sorgen, dass …" asks
    // about a habit, "Glauben Sie, dass das reicht" about an opinion; a request marker ("bitte", "gern") still wins.
    private static bool AsksWithoutQuestionMark(TaggedSentence sentence, int c, Clause clause, string lemma)
    {
        int verb = clause.FiniteVerb;
        if (WordClasses.StateLemmas.Contains(lemma))
        {
            return true;
        }

        if (AsksAboutPastime(sentence, clause, lemma))
        {
            return true;
        }

        if (HasRequestMarker(sentence, clause, verb) || clause.FirstWord >= 0 && sentence.Lower(clause.FirstWord) == "bitte")
        {
            return false;
        }

        // "…, haben Sie hoffentlich Kerzen!": a sentence adverb that judges what is said, also in an exclamation.
        for (int k = clause.SubjectToken + 1; k <= clause.End; k++)
        {
            if (sentence.IsWord(k) && WordClasses.StatementAdverbs.Contains(sentence.Lower(k)))
            {
                return true;
            }
        }

        if (sentence.IsExclamation)
        {
            return false;
        }

        for (int k = clause.SubjectToken + 1; k <= clause.End; k++)
        {
            // "schon" asks only with "mal"/"einmal" after it ("Haben Sie schon mal …"); "Fangen Sie schon an" is a request.
            if (sentence.IsWord(k) && WordClasses.QuestionAdverbs.Contains(sentence.Lower(k)) && sentence.Tags[k].Class is WordClass.Particle or WordClass.Open &&
                (sentence.Lower(k) != "schon" || (sentence.NextWord(k, clause) is var after && after >= 0 && sentence.Lower(after) is "mal" or "einmal")))
            {
                return true;
            }
        }

        int afterSubject = clause.SubjectToken + 1;
        return WordClasses.OpinionLemmas.Contains(lemma) && afterSubject < sentence.Tokens.Count && sentence.Tokens[afterSubject].Text == "," &&
               c + 1 < sentence.Clauses.Count;
    }

    // "Spielen Sie gern Tennis", "Lesen Sie gern Krimis, oder eher Sachbücher": "gern" with a pastime and no article, no
    // "uns" or "mir", no "bitte" and no separable particle ("Lesen Sie gern nach") asks what the reader likes doing.
    private static bool AsksAboutPastime(TaggedSentence sentence, Clause clause, string lemma)
    {
        if (!WordClasses.PastimeLemmas.Contains(lemma) || clause.FirstWord != clause.FiniteVerb)
        {
            return false;
        }

        bool gern = false;
        for (int k = clause.SubjectToken + 1; k <= clause.End; k++)
        {
            if (!sentence.IsWord(k))
            {
                continue;
            }

            string lower = sentence.Lower(k);
            if (lower is "bitte" or "uns" or "mir" || sentence.Tags[k].Class is WordClass.Determiner or WordClass.Possessive)
            {
                return false;
            }

            gern |= lower is "gern" or "gerne";
        }

        int last = sentence.LastWord(clause);
        return gern && !(last > clause.SubjectToken && !sentence.Tokens[last].IsCapitalized && sentence.Lexicon.FindLemma(sentence.Lower(last) + lemma, PartOfSpeech.Verb) >= 0);
    }

    private static bool HasRequestMarker(TaggedSentence sentence, Clause clause, int verb)
    {
        for (int k = verb + 1; k <= clause.End; k++)
        {
            if (sentence.Tokens[k].IsWord && WordClasses.RequestMarkers.Contains(sentence.Lower(k)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPresentPluralReading(TaggedSentence sentence, int verb, out string? lemma)
    {
        lemma = null;
        Clause clause = sentence.ClauseOf(verb);
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[verb].Text))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && reading.Verb.Kind == VerbFormKind.Finite &&
                reading.Verb.Tense is VerbTense.Present or VerbTense.SubjunctiveOne && reading.Verb.Person == Person.Third &&
                reading.Verb.Number == GrammaticalNumber.Plural && reading.Placement != VerbPlacement.Joined)
            {
                if (!VerbReadings.ParticleFits(sentence, verb, reading, clause))
                {
                    continue;
                }

                string candidate = sentence.Lexicon.Lemma(reading.LemmaId);
                if (lemma is null || reading.Placement == VerbPlacement.SeparatedStem)
                {
                    lemma = candidate;
                }
            }
        }

        return lemma is not null;
    }

    private static bool IsReflexive(TaggedSentence sentence, int c, int k)
    {
        Clause clause = sentence.Clauses[c];
        if (clause.Kind == ClauseKind.Infinitive)
        {
            // The reader controls the infinitive when the clause before addresses them or is impersonal:
            // "Wir bitten dich, dich zu melden", "Vergiss nicht, dich anzumelden"; not in "Wir freuen uns, dich zu sehen".
            for (int p = c - 1; p >= 0; p--)
            {
                Clause governing = sentence.Clauses[p];
                if (governing.Kind == ClauseKind.Infinitive)
                {
                    continue;
                }

                if (governing.Subject == SubjectKind.Addressee)
                {
                    return true;
                }

                // "Es war schön, mit dir zu chatten": after a preposition the pronoun is someone else's partner, not the subject.
                bool afterPreposition = sentence.PreviousWord(k, clause) is var before && before >= 0 && sentence.Tags[before].Class == WordClass.Preposition &&
                                        !(before == clause.FirstWord && sentence.Lower(before) is "um" or "ohne" or "statt" or "anstatt");
                return !afterPreposition && (governing.AddresseeObject || governing.ImpersonalSubject ||
                                             (governing.Subject == SubjectKind.None && !HasAddresseeOrOtherSubject(sentence, governing)));
            }

            return true;
        }

        if (clause.Subject != SubjectKind.Addressee)
        {
            return false;
        }

        // "Lass mich dir zeigen": another person between the imperative and the pronoun is the subject of the infinitive.
        int verb = clause.FiniteVerb >= 0 ? clause.FiniteVerb : clause.Start;
        for (int j = Math.Min(verb, k) + 1; j < k; j++)
        {
            if (sentence.Tokens[j].IsWord && sentence.Tags[j].Class is WordClass.ObjectPronoun or WordClass.NominativePronoun)
            {
                return false;
            }
        }

        // "alles gut bei euch ich hoffe ihr habt …": before its subject, past another subject, the pronoun belongs to that
        // other clause, which the missing comma did not separate.
        for (int j = k + 1; j < Math.Min(clause.SubjectToken >= 0 ? clause.SubjectToken : verb, verb); j++)
        {
            if (sentence.Tokens[j].IsWord && sentence.Tags[j].Class == WordClass.NominativePronoun)
            {
                return false;
            }
        }

        return true;
    }

    // "Gelingt es Ihnen, sich einzuloggen": the clause before the infinitive has the reader as subject or object; in "es ist
    // dazu gemacht, sich zu zersetzen" the "sich" is the thing's own.
    private static bool GovernedByReader(TaggedSentence sentence, int c)
    {
        for (int p = c - 1; p >= 0; p--)
        {
            Clause governing = sentence.Clauses[p];
            if (governing.Kind != ClauseKind.Infinitive)
            {
                return governing.Subject == SubjectKind.Addressee || governing.AddresseeObject;
            }
        }

        return false;
    }

    // "Es gibt Zeug, um sich zu waschen", "eine Möglichkeit, sich zu entfernen", "eine Art, sich auszudrücken": an infinitive
    // that complements a noun (or stands under no verb at all) is generic, and in a reply that addresses the reader it is the
    // reader's ("um dich zu waschen"); in "es ist dazu gemacht, sich zu zersetzen" it is the thing's own.
    private static bool GenericInfinitive(TaggedSentence sentence, int c)
    {
        for (int p = c - 1; p >= 0; p--)
        {
            Clause governing = sentence.Clauses[p];
            if (governing.Kind == ClauseKind.Infinitive)
            {
                continue;
            }

            bool hasVerb = false;
            for (int k = governing.Start; k <= governing.End; k++)
            {
                hasVerb |= sentence.IsWord(k) && sentence.Tags[k].CanBeFinite && sentence.Tags[k].Class == WordClass.Open && !sentence.Tokens[k].IsCapitalized;
            }

            int last = sentence.LastWord(governing);
            return !hasVerb || (governing.Subject != SubjectKind.Addressee && last >= 0 && sentence.Tokens[last].IsCapitalized && sentence.Tags[last].Class == WordClass.Open);
        }

        return false;
    }

    private static bool HasAddresseeOrOtherSubject(TaggedSentence sentence, Clause clause)
    {
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (sentence.Tokens[k].IsWord && sentence.Tags[k].Class is WordClass.NominativePronoun or WordClass.FormalPronoun or WordClass.InformalPronoun)
            {
                return true;
            }
        }

        return false;
    }

    // "euch" after a preposition takes its case; otherwise the verb's: "euch danken" is dative, "euch informieren" accusative.
    private static PronounCase EuchCase(TaggedSentence sentence, int k, Clause clause)
    {
        if (CaseAfterPreposition(sentence, k, clause) is { } afterPreposition)
        {
            return afterPreposition;
        }

        // "zeigen euch den Weg", "klauen euch die Zeit": with an accusative object of its own the pronoun is dative.
        return GovernsDative(sentence, clause) ? PronounCase.Dative : CaseBeforeObject(sentence, clause, k);
    }

    // The case a preposition right before the pronoun gives it ("mit euch", "auf sich"), or null when there is none.
    private static PronounCase? CaseAfterPreposition(TaggedSentence sentence, int k, Clause clause)
    {
        int previous = sentence.PreviousWord(k, clause);
        if (previous < 0 || sentence.Tags[previous].Class != WordClass.Preposition)
        {
            return null;
        }

        PronounCase @case = WordClasses.PrepositionCase(sentence.Lower(previous));
        return @case == PronounCase.Unknown ? PronounCase.Accusative : @case;
    }

    private static PronounCase ReflexiveCase(TaggedSentence sentence, Clause clause, int k)
    {
        if (CaseAfterPreposition(sentence, k, clause) is { } afterPreposition)
        {
            return afterPreposition;
        }

        // With an accusative object of its own the reflexive is dative: "Sehen Sie sich das an", "Sichern Sie sich 20 Euro",
        // "Nehmen Sie sich Zeit"; so it is when that object is the clause after it ("Stellen Sie sich vor, Sie hätten …").
        PronounCase @case = CaseBeforeObject(sentence, clause, k);
        if (@case == PronounCase.Accusative && FrontedObject(sentence, clause, k))
        {
            return PronounCase.Dative;
        }

        return @case == PronounCase.Accusative && HasObjectClause(sentence, clause) && ClauseLemmas(sentence, clause).Overlaps(WordClasses.DativeReflexiveVerbs)
            ? PronounCase.Dative
            : @case;
    }

    // "Was haben Sie sich dabei gedacht?", "Das haben Sie sich verdient": a pronoun before the verb of a clause whose subject
    // is the reader is its accusative object, so the reflexive is dative.
    private static bool FrontedObject(TaggedSentence sentence, Clause clause, int k)
    {
        int first = clause.FirstWord;
        return clause.Kind == ClauseKind.Main && clause.Subject == SubjectKind.Addressee && first >= 0 && first < k && clause.FiniteVerb >= 0 &&
               sentence.NextWord(first, clause) == clause.FiniteVerb && clause.SubjectToken > clause.FiniteVerb &&
               sentence.Lower(first) is "was" or "das" or "dies" or "alles" or "etwas" or "nichts" or "vieles";
    }

    // Dative when an accusative object follows the pronoun in its clause, accusative otherwise; a noun inside a
    // prepositional phrase or a time ("jeden Montag", "diese Woche") is no such object.
    private static PronounCase CaseBeforeObject(TaggedSentence sentence, Clause clause, int k)
    {
        bool inPhrase = false;
        for (int j = k + 1; j <= clause.End; j++)
        {
            if (!sentence.Tokens[j].IsWord)
            {
                continue;
            }

            string lower = sentence.Lower(j);
            WordTag tag = sentence.Tags[j];
            if (WordClasses.DativeReflexiveCues.Contains(lower))
            {
                return PronounCase.Dative;
            }

            if (tag.Class is WordClass.Subordinator or WordClass.Interrogative or WordClass.Coordinator)
            {
                break;
            }

            if (tag.Class == WordClass.Preposition && lower is "am" or "aufs" && sentence.IsWord(j + 1) && sentence.Lower(j + 1).EndsWith("sten", StringComparison.Ordinal))
            {
                // "am besten", "am liebsten": a superlative adverb, not a phrase with a noun.
                j++;
                continue;
            }

            if (tag.Class == WordClass.Preposition)
            {
                inPhrase = true;
                continue;
            }

            bool nounLike = sentence.Tokens[j].IsCapitalized && tag.Class == WordClass.Open;
            if (inPhrase)
            {
                inPhrase = !nounLike;
                continue;
            }

            if (nounLike && WordClasses.TimeNouns.Contains(lower))
            {
                return PronounCase.Accusative;
            }

            // "Tragen Sie sich … ein": "ein" closing the clause is the verb's particle, not an article.
            if (lower == "ein" && j == sentence.LastWord(clause))
            {
                continue;
            }

            bool article = lower is "den" or "ein" or "einen" or "diese" or "dieses" or "diesen" or "eine" or "die" or "keine" or "keinen" or "kein" or "jeden" or "nächste" or "nächsten" or "kommende" or "kommenden";
            if (article && NounAfter(sentence, clause, j) is var noun && noun >= 0 && WordClasses.TimeNouns.Contains(sentence.Lower(noun)))
            {
                // "Wir rufen euch diese Woche an": a time, not an object.
                j = noun;
                continue;
            }

            // "zum Alman 2017", "sich 2019 angemeldet": a year without a noun after it is a time, not an object.
            if (lower.Length == 4 && lower.All(char.IsDigit) && lower[..2] is "19" or "20" &&
                !(sentence.NextWord(j, clause) is var counted && counted >= 0 && sentence.Tokens[counted].IsCapitalized))
            {
                continue;
            }

            if (nounLike || char.IsDigit(lower[0]) || article || tag.Class == WordClass.Possessive ||
                lower is "das" or "es" or "etwas" or "alles" or "nichts" or "was" or "eins" or "eines" or "einiges" or "vieles" or "beides" or "welche" or "welches")
            {
                return PronounCase.Dative;
            }
        }

        return PronounCase.Accusative;
    }

    // Whether the clause is followed by a comma and a clause that can be its object: "…, dass", "…, ob", "…, du hättest …".
    private static bool HasObjectClause(TaggedSentence sentence, Clause clause)
    {
        int c = sentence.Clauses.IndexOf(clause);
        if (c < 0 || c + 1 >= sentence.Clauses.Count || clause.End + 1 >= sentence.Tokens.Count || sentence.Tokens[clause.End + 1].Text != ",")
        {
            return false;
        }

        Clause next = sentence.Clauses[c + 1];
        int first = next.FirstWord;
        if (first < 0 || next.Coordinated)
        {
            return false;
        }

        return sentence.Lower(first) is "dass" or "ob" or "wie" or "was" or "wo" or "wann" or "warum" or "wer" or "welche" or "welcher" or "welches" ||
               next.Kind == ClauseKind.Main && sentence.Tags[first].Class is WordClass.InformalPronoun or WordClass.FormalPronoun or WordClass.NominativePronoun;
    }

    // The first capitalised word within three words after the token, in the clause, or -1.
    private static int NounAfter(TaggedSentence sentence, Clause clause, int k)
    {
        for (int j = sentence.NextWord(k, clause), words = 0; j >= 0 && words < 3; j = sentence.NextWord(j, clause), words++)
        {
            if (sentence.Tokens[j].IsCapitalized)
            {
                return j;
            }
        }

        return -1;
    }

    private static bool GovernsDative(TaggedSentence sentence, Clause clause) => ClauseLemmas(sentence, clause).Overlaps(WordClasses.DativeObjectVerbs);

    // The verbs of a clause by lemma; a separable verb counts only when its particle stands in the clause.
    private static HashSet<string> ClauseLemmas(TaggedSentence sentence, Clause clause)
    {
        var lemmas = new HashSet<string>(StringComparer.Ordinal);
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (!sentence.Tokens[k].IsWord || !sentence.Tags[k].IsVerb)
            {
                continue;
            }

            foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[k].Text))
            {
                if (reading.PartOfSpeech != PartOfSpeech.Verb)
                {
                    continue;
                }

                if (!VerbReadings.ParticleFits(sentence, k, reading, clause))
                {
                    continue;
                }

                lemmas.Add(sentence.Lexicon.Lemma(reading.LemmaId));
            }
        }

        return lemmas;
    }
}

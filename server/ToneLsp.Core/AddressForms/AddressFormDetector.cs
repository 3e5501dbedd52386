using ToneLsp.Core.AddressForms.Conversion;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms;

/// <summary>One word that addresses the reader, and how sure the detector is about it.</summary>
/// <param name="Token">The word.</param>
/// <param name="Form">The form it belongs to.</param>
/// <param name="IsAmbiguous">Whether the word could also mean "she", "they" or "her" (sentence-initial "Sie" or "Ihre").</param>
/// <param name="Sentence">The sentence the word stands in.</param>
/// <param name="Index">The index of the word among the sentence's tokens.</param>
public sealed record AddressMention(Token Token, AddressForm Form, bool IsAmbiguous, Sentence Sentence, int Index);

/// <summary>The address form of a stretch of German prose, with the evidence for it.</summary>
public sealed record AddressFormResult(AddressForm Form, IReadOnlyList<AddressMention> Mentions)
{
    /// <summary>A result with no evidence.</summary>
    public static AddressFormResult None { get; } = new(AddressForm.None, []);

    /// <summary>Whether the form comes from the register of a greeting or closing ("Sehr geehrte …"), not from du or Sie.</summary>
    public bool FromRegister { get; init; }

    /// <summary>The mentions that count as evidence: all du mentions, and ambiguous Sie mentions only when nothing informal was found.</summary>
    public IEnumerable<AddressMention> Evidence => Mentions.Where(m => !m.IsAmbiguous || Form == AddressForm.Sie);

    /// <summary>How many words speak for the informal form.</summary>
    public int DuCount => Mentions.Count(m => m.Form == AddressForm.Du);

    /// <summary>How many words speak for the formal form, not counting ambiguous ones.</summary>
    public int SieCount => Mentions.Count(m => m.Form == AddressForm.Sie && !m.IsAmbiguous);
}

/// <summary>
/// Finds du and Sie in German prose. Sentence-initial "Sie" followed by a third person singular verb
/// ("Sie meldet sich") is "she"; lower-case "sie" and "ihr" without a plural verb are never address.
/// Quoted speech is skipped.
/// </summary>
public static class AddressFormDetector
{
    /// <summary>The address form of the reply (all sentences outside quoted blocks).</summary>
    public static AddressFormResult DetectReply(TemplateDocument document) =>
        document.Language == Language.German ? Detect(document.ReplySentences.Select(s => s.Sentence)) : AddressFormResult.None;

    /// <summary>
    /// The address form of the customer's message, or null when there is none; <paramref name="register"/> gives the
    /// message's register where the caller has it (it is detected otherwise).
    /// </summary>
    public static AddressFormResult? DetectCustomer(TemplateDocument document, Func<Tonality.RegisterResult?>? register = null)
    {
        var sentences = document.CustomerSentences.Select(s => s.Sentence).ToList();
        if (sentences.Count == 0)
        {
            return null;
        }

        if (document.Language != Language.German)
        {
            return AddressFormResult.None;
        }

        AddressFormResult result = Detect(sentences, customerText: true);
        return result.Form == AddressForm.None ? ByRegister(register?.Invoke() ?? Tonality.RegisterDetector.DetectCustomer(document), sentences) ?? result : result;
    }

    // A customer who names no form of address still sets one by register: a formal letter ("Sehr geehrte Damen und
    // Herren … ich bitte um … Mit freundlichen Grüßen") expects Sie, a casual "Hey ihr Lieben, mega 😍" expects du;
    // a neutral message expects nothing.
    private static AddressFormResult? ByRegister(Tonality.RegisterResult? customerRegister, List<Sentence> sentences)
    {
        if (customerRegister is not { Register: Register.Formal or Register.Casual } register ||
            register.Deciding.FirstOrDefault(e => e.Span.Length > 0) is not { } evidence)
        {
            return null;
        }

        AddressForm form = register.Register == Register.Formal ? AddressForm.Sie : AddressForm.Du;
        foreach (Sentence sentence in sentences)
        {
            for (int index = 0; index < sentence.Tokens.Count; index++)
            {
                if (sentence.Tokens[index].Span.End > evidence.Span.Start)
                {
                    return new AddressFormResult(form, [new AddressMention(sentence.Tokens[index], form, false, sentence, index)]) { FromRegister = true };
                }
            }
        }

        return null;
    }

    /// <summary>Detects the address form of the given sentences.</summary>
    public static AddressFormResult Detect(IEnumerable<Sentence> sentences, bool customerText = false)
    {
        var mentions = new List<AddressMention>();
        foreach (Sentence sentence in sentences)
        {
            DetectInSentence(sentence, mentions, customerText);
        }

        bool du = mentions.Any(m => m.Form == AddressForm.Du);
        bool sie = mentions.Any(m => m.Form == AddressForm.Sie && !m.IsAmbiguous);
        bool weakSie = mentions.Any(m => m.Form == AddressForm.Sie);
        AddressForm form = du && sie ? AddressForm.Mixed : du ? AddressForm.Du : sie || weakSie ? AddressForm.Sie : AddressForm.None;
        return new AddressFormResult(form, mentions);
    }

    /// <summary>Whether the token at the index starts its sentence or a new sentence-like unit (after a colon or an opening quote).</summary>
    internal static bool IsSentenceInitial(IReadOnlyList<Token> tokens, int index)
    {
        for (int i = index - 1; i >= 0; i--)
        {
            Token previous = tokens[i];
            if (IsHandle(tokens, i))
            {
                // "@kundin Schau mal …": the handles a post opens with come before its first sentence.
                continue;
            }

            if (previous.IsWord)
            {
                return false;
            }

            // A full stop the sentence splitter passed over ("… von 1–5. Denkst du …") still ends a sentence.
            if (previous.Text is ":" or "„" or "\"" or "“" or "»" or "«" or "(" or "–" or "—" or "-" or "*" or "•" or "." or "!" or "?")
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>Whether the word at the index belongs to a social-media handle: "@" right before it ("@kundenservice", "@Lisa_M").</summary>
    internal static bool IsHandle(IReadOnlyList<Token> tokens, int index)
    {
        if (!tokens[index].IsWord)
        {
            return false;
        }

        for (int k = index; k > 0; k--)
        {
            Token before = tokens[k - 1];
            if (before.Span.End != tokens[k].Span.Start)
            {
                return false;
            }

            if (before is { IsWord: false, Text: "@" })
            {
                return k - 1 == 0 || tokens[k - 2].Span.End < before.Span.Start;
            }

            if (!before.IsWord && before.Text != "_")
            {
                return false;
            }
        }

        return false;
    }

    private static void DetectInSentence(Sentence sentence, List<AddressMention> mentions, bool customerText)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        bool inQuote = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (!token.IsWord)
            {
                if (token.Text is "„" or "»")
                {
                    inQuote = true;
                }
                else if (token.Text is "“" or "«")
                {
                    inQuote = false;
                }
                else if (token.Text == "\"")
                {
                    inQuote = !inQuote;
                }

                continue;
            }

            if (inQuote || IsOptionName(tokens, i))
            {
                continue;
            }

            if (Classify(tokens, i, customerText) is { } mention)
            {
                mentions.Add(new AddressMention(token, mention.Form, mention.Ambiguous, sentence, i));
            }
        }

        AddImperatives(sentence, mentions, customerText);
    }

    // An informal imperative without a pronoun ("Gib uns Bescheid", "… und denk daran") is du as much as "du" is. The
    // clause analysis of the conversion finds them; it runs only on sentences where a clause could open with one.
    private static void AddImperatives(Sentence sentence, List<AddressMention> mentions, bool customerText)
    {
        if (!MayHoldImperative(sentence.Tokens))
        {
            return;
        }

        TaggedSentence tagged = TaggedSentence.Tag(sentence, GermanLexicon.Shared);
        _ = AddresseeAnalysis.AnalyzeInformal(tagged, new ConversionContext(), []);
        foreach (Clause clause in tagged.Clauses)
        {
            // A plural form is also the third person of a statement ("Wenn man das liest, überrascht uns das nicht"); "ihr"
            // imperatives come with "euch" or "euer", which count by themselves.
            if (!clause.Imperative || clause.PluralSubject || clause.FiniteVerb < 0 || HasInformalWord(tagged, clause) || MayBeAttribute(tagged, clause.FiniteVerb))
            {
                continue;
            }

            // Customers drop the "ich" ("Warte seit drei Wochen …"): there only a form that cannot be the first person counts.
            if (customerText && (tagged.Tags[clause.FiniteVerb].Finite & Agreement.FirstSingular) != 0)
            {
                continue;
            }

            mentions.Add(new AddressMention(tagged.Tokens[clause.FiniteVerb], AddressForm.Du, false, sentence, clause.FiniteVerb));
        }
    }

    // "Leere Felder werden übersprungen", "Gleiche Werte …": an adjective (or noun) in front of a noun, unless a
    // pronoun or particle after it shows the imperative ("Leere bitte den Cache", "Schau mal"). Inside a sentence the
    // adjective is in lower case and the noun after it capitalised ("(gleiche EUID wie ps)").
    private static bool MayBeAttribute(TaggedSentence tagged, int verb)
    {
        WordTag tag = tagged.Tags[verb];
        int next = verb + 1;
        if (!tagged.Tokens[verb].IsCapitalized)
        {
            return tag.Adjective && next < tagged.Tokens.Count && tagged.IsWord(next) && tagged.Tokens[next].IsCapitalized &&
                   tagged.Tags[next].Class is WordClass.Open;
        }

        if (!(tag.Adjective || tag.Noun))
        {
            return false;
        }

        return next >= tagged.Tokens.Count || !tagged.IsWord(next) ||
               tagged.Tags[next].Class is not (WordClass.Particle or WordClass.ObjectPronoun or WordClass.InformalPronoun or WordClass.Reflexive or WordClass.Preposition or WordClass.Determiner or WordClass.Possessive);
    }

    private static bool HasInformalWord(TaggedSentence tagged, Clause clause)
    {
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (tagged.IsWord(k) && (GermanWords.InformalSingular.Contains(tagged.Lower(k)) || GermanWords.InformalPlural.Contains(tagged.Lower(k))))
            {
                return true;
            }
        }

        return false;
    }

    // A word with an imperative reading at the start of the sentence or after a comma, colon, "und", "oder", "aber" or "bitte".
    private static bool MayHoldImperative(IReadOnlyList<Token> tokens)
    {
        bool opening = true;
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (!token.IsWord)
            {
                opening |= token.Text is "," or ":" or ";" or "–" or "(";
                continue;
            }

            if (opening && (i == 0 || !token.IsCapitalized || IsSentenceInitial(tokens, i)) &&
                WordClasses.Classify(token.Lower, capitalized: false, sentenceInitial: false) == WordClass.Open)
            {
                foreach (WordReading reading in GermanLexicon.Shared.Lookup(token.Text))
                {
                    if (reading.PartOfSpeech == PartOfSpeech.Verb && reading.Verb.Kind == VerbFormKind.Imperative)
                    {
                        return true;
                    }
                }
            }

            opening = token.Lower is "und" or "oder" or "aber" or "bitte" or "dann" or "einfach" or "gern" or "gerne" or "also";
        }

        return false;
    }

    private static (AddressForm Form, bool Ambiguous)? Classify(IReadOnlyList<Token> tokens, int i, bool customerText)
    {
        Token token = tokens[i];
        string lower = token.Lower;

        // In capitals ("IHR SEID DOCH …") the case says nothing: the word is read as if written in lower case.
        if (token.Text.Length > 1 && token.Text.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return lower is "ihr" && IsPluralVerbNear(tokens, i, ignoreCase: true) || GermanWords.InformalSingular.Contains(lower) || lower is "euch" or "euer" or "eure"
                ? (AddressForm.Du, false)
                : null;
        }

        if (GermanWords.InformalSingular.Contains(lower) || GermanWords.InformalPlural.Contains(lower))
        {
            // "Du meine Güte", "du lieber Himmel" are exclamations, not address.
            if (lower == "du" && NextWord(tokens, i) is { } exclamation && exclamation.Lower is "meine" or "lieber" or "liebe" &&
                i + 2 < tokens.Count && tokens[i + 2].Lower is "güte" or "himmel" or "zeit" or "gott")
            {
                return null;
            }

            return (AddressForm.Du, false);
        }

        bool initial = IsSentenceInitial(tokens, i);
        if (lower == "ihr")
        {
            // "kommt Ihr Techniker": before a noun, "Ihr" is the possessive; "Ihr Vollpfosten habt …" is a vocative. A verb
            // that is also the third person singular ("Ihr Techniker kommt", "könnte Ihr Aufwand verringert werden") has
            // the noun as its subject.
            Token? following = NextWord(tokens, i);
            bool beforeNoun = token.IsCapitalized && following is { IsCapitalized: true };
            if (beforeNoun && i + 2 < tokens.Count && tokens[i + 2].IsWord &&
                (FiniteAgreement(tokens[i + 2].Text) & (Agreement.SecondPlural | Agreement.ThirdSingular)) == Agreement.SecondPlural)
            {
                return (AddressForm.Du, false);
            }

            if (!beforeNoun && IsPluralVerbNear(tokens, i))
            {
                return (AddressForm.Du, false);
            }

            if (!token.IsCapitalized)
            {
                return null;
            }

            return (AddressForm.Sie, initial);
        }

        if (!token.IsCapitalized)
        {
            // Customers often write the formal "sie" in lower case; only a verb-first question shows it.
            if (customerText && lower == "sie" && i > 0 && IsPreviousVerbInitial(tokens, i))
            {
                return (AddressForm.Sie, true);
            }

            return null;
        }

        if (lower == "ihnen")
        {
            return (AddressForm.Sie, initial);
        }

        if (GermanWords.FormalPossessive.Contains(lower))
        {
            return (AddressForm.Sie, initial);
        }

        if (lower == "sie")
        {
            if (!initial)
            {
                return (AddressForm.Sie, false);
            }

            // "Sie meldet sich", "Sie wuchs in Berlin auf", "Sie in den Park mitnehmen": not address.
            Token? next = NextWord(tokens, i);
            if (next is { } verb && !verb.IsCapitalized && verb.Lower is not ("bitte" or "auch" or "selbst" or "doch" or "ja" or "nicht" or "schon" or "gern" or
                    "gerne" or "einfach" or "bereits" or "jetzt" or "dann" or "noch" or "sich"))
            {
                Agreement agreement = FiniteAgreement(verb.Text);
                if ((agreement & Agreement.ThirdPlural) == 0)
                {
                    return null;
                }
            }

            return (AddressForm.Sie, true);
        }

        return null;
    }

    // "--du‐ plicates-removed", "-du": a word glued to a leading hyphen is a command-line option, not prose.
    private static bool IsOptionName(IReadOnlyList<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Text == "-" && tokens[i - 1].Span.End == tokens[i].Span.Start &&
        (i == 1 || !tokens[i - 2].IsWord || tokens[i - 2].Span.End < tokens[i - 1].Span.Start);

    private static bool IsPreviousVerbInitial(IReadOnlyList<Token> tokens, int i) =>
        tokens[i - 1].IsWord && IsSentenceInitial(tokens, i - 1) && (FiniteAgreement(tokens[i - 1].Text) & Agreement.ThirdPlural) != 0;

    private static bool IsPluralVerbNear(IReadOnlyList<Token> tokens, int i, bool ignoreCase = false)
    {
        Token? previous = i > 0 && tokens[i - 1].IsWord ? tokens[i - 1] : null;
        Token? next = NextWord(tokens, i);
        return (previous is { } p && IsSecondPersonPlural(p, ignoreCase)) || (next is { } n && (ignoreCase || !n.IsCapitalized) && IsSecondPersonPlural(n, ignoreCase));
    }

    private static bool IsSecondPersonPlural(Token word, bool ignoreCase = false) =>
        (FiniteAgreement(ignoreCase ? word.Lower : word.Text) & Agreement.SecondPlural) != 0;

    // The persons and numbers the lexicon knows the word as a finite verb in.
    private static Agreement FiniteAgreement(string word)
    {
        Agreement agreement = Agreement.None;
        foreach (WordReading reading in GermanLexicon.Shared.Lookup(word))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && reading.Verb.Kind == VerbFormKind.Finite)
            {
                agreement |= TaggedSentence.ToAgreement(reading.Verb.Person, reading.Verb.Number);
            }
        }

        return agreement;
    }

    private static Token? NextWord(IReadOnlyList<Token> tokens, int i) =>
        i + 1 < tokens.Count && tokens[i + 1].IsWord ? tokens[i + 1] : null;
}

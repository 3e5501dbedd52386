using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms.Conversion;

/// <summary>Person and number of a finite verb reading, as flags so that one word can carry several.</summary>
[Flags]
internal enum Agreement : byte
{
    None = 0,
    FirstSingular = 1,
    SecondSingular = 2,
    ThirdSingular = 4,
    FirstPlural = 8,
    SecondPlural = 16,
    ThirdPlural = 32,
}

/// <summary>What the tagging pass knows about one token: its closed class or its lexicon readings.</summary>
internal struct WordTag
{
    /// <summary>The closed class, or <see cref="WordClass.Open"/>.</summary>
    public WordClass Class;

    /// <summary>Finite readings of the form as it stands in a main clause (a verb without particle, or a separated stem).</summary>
    public Agreement Finite;

    /// <summary>Finite readings as the joined verb-final form of a separable verb ("anpasst").</summary>
    public Agreement JoinedFinite;

    /// <summary>Whether the word can be an imperative singular or plural.</summary>
    public bool ImperativeSingular, ImperativePlural;

    /// <summary>Whether the word can be an infinitive, a participle or a zu-infinitive.</summary>
    public bool NonFinite, ZuInfinitive;

    /// <summary>Whether the word can be a past participle.</summary>
    public bool Participle;

    /// <summary>Whether the lexicon knows the word as a noun or an adjective.</summary>
    public bool Noun, Adjective;

    /// <summary>Whether the lexicon knows the word as a noun in the plural only (for "Die Pakete haben Sie …").</summary>
    public bool PluralNounOnly;

    /// <summary>Whether the lexicon knows the word as a noun in the plural, in the nominative or accusative ("Artikel").</summary>
    public bool PluralNoun;

    /// <summary>Whether the word is a feminine noun in the singular nominative or accusative ("die Kiste", not "die Kabel").</summary>
    public bool FeminineSingularNoun;

    /// <summary>Whether the word starts its sentence (or a unit after a colon or an opening quote).</summary>
    public bool SentenceInitial;

    /// <summary>Whether the word can be a finite verb of any person.</summary>
    public readonly bool CanBeFinite => Finite != Agreement.None;

    /// <summary>Whether the word has any verb reading.</summary>
    public readonly bool IsVerb => Finite != Agreement.None || JoinedFinite != Agreement.None || ImperativeSingular || ImperativePlural || NonFinite;
}

/// <summary>The kinds of clause the conversion tells apart.</summary>
internal enum ClauseKind : byte
{
    /// <summary>Verb-first or verb-second.</summary>
    Main,

    /// <summary>Verb-final: after a subordinating conjunction, a relative pronoun or a question word.</summary>
    Subordinate,

    /// <summary>A zu-infinitive without a finite verb of its own.</summary>
    Infinitive,
}

/// <summary>Who the subject of a clause is, as far as the conversion cares.</summary>
internal enum SubjectKind : byte
{
    /// <summary>No subject found.</summary>
    None,

    /// <summary>The reader, addressed in the form being converted.</summary>
    Addressee,

    /// <summary>Someone else: ich, wir, a noun phrase.</summary>
    Other,
}

/// <summary>One clause of a sentence: a range of tokens and its structure.</summary>
internal sealed class Clause
{
    /// <summary>The first token of the clause (a leading coordinator included).</summary>
    public int Start;

    /// <summary>The last token of the clause.</summary>
    public int End;

    /// <summary>The first word after a leading coordinator, or -1 when the clause has no word.</summary>
    public int FirstWord = -1;

    /// <summary>Whether the clause starts with und, oder, aber … and continues the one before.</summary>
    public bool Coordinated;

    /// <summary>Whether a comma (or other mark) separates the clause from the previous one.</summary>
    public bool AfterPunctuation;

    /// <summary>The clause's kind.</summary>
    public ClauseKind Kind;

    /// <summary>The subject.</summary>
    public SubjectKind Subject;

    /// <summary>The token of a pronoun subject, or -1 (also when the subject is inherited).</summary>
    public int SubjectToken = -1;

    /// <summary>Whether the addressee subject is plural (ihr).</summary>
    public bool PluralSubject;

    /// <summary>The finite verb agreeing with an addressee subject, or -1.</summary>
    public int FiniteVerb = -1;

    /// <summary>Further verbs of a verb-final clause that agree with its subject ("wenn du lügst und … erwischt wirst"), or null.</summary>
    public List<int>? CoordinatedVerbs;

    /// <summary>Whether the clause is an imperative addressed to the reader; its verb is <see cref="FiniteVerb"/>.</summary>
    public bool Imperative;

    /// <summary>Whether the clause mentions the reader as an object (dich, dir, euch, Sie, Ihnen).</summary>
    public bool AddresseeObject;

    /// <summary>Whether the clause's subject is impersonal (es, das, man).</summary>
    public bool ImpersonalSubject;

    /// <summary>Whether the token lies in the clause.</summary>
    public bool Contains(int token) => token >= Start && token <= End;
}

/// <summary>
/// The tagging pass over one sentence: every token with its closed class or lexicon readings, and the
/// sentence cut into clauses. The rewrites read it; none of them looks at word endings.
/// </summary>
internal sealed class TaggedSentence
{
    private TaggedSentence(Sentence sentence, WordTag[] tags, List<Clause> clauses, GermanLexicon lexicon)
    {
        Sentence = sentence;
        Tokens = sentence.Tokens;
        Tags = tags;
        Clauses = clauses;
        Lexicon = lexicon;
    }

    /// <summary>The sentence.</summary>
    public Sentence Sentence { get; }

    /// <summary>Its tokens.</summary>
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>One tag per token.</summary>
    public WordTag[] Tags { get; }

    /// <summary>The clauses, in order; every word lies in exactly one.</summary>
    public List<Clause> Clauses { get; }

    /// <summary>The lexicon the tags come from.</summary>
    public GermanLexicon Lexicon { get; }

    /// <summary>Whether the sentence ends with a question mark.</summary>
    public bool IsQuestion => Sentence.IsQuestion;

    /// <summary>
    /// Whether clause <paramref name="c"/> belongs to the question the sentence's question mark closes. A main clause
    /// after a comma that opens with a finite verb and its subject pronoun is a question of its own, and the clauses
    /// before it are not asked: "Lassen Sie uns schauen, haben Sie es?", "Schau mal nach, hast du die Mail bekommen?".
    /// </summary>
    public bool AsksQuestion(int c)
    {
        if (!IsQuestion)
        {
            return false;
        }

        for (int later = c + 1; later < Clauses.Count; later++)
        {
            Clause clause = Clauses[later];
            if (clause is { Kind: ClauseKind.Main, Coordinated: false, AfterPunctuation: true } && Tokens[clause.Start - 1].Text == "," &&
                clause.FirstWord >= 0 && Tags[clause.FirstWord] is { Class: WordClass.Open, CanBeFinite: true } &&
                !Tokens[clause.FirstWord].IsCapitalized && NextWord(clause.FirstWord, clause) is var subject && subject >= 0 && IsSubjectPronoun(subject))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the sentence ends with an exclamation mark.</summary>
    public bool IsExclamation => Tokens.Count > 0 && Tokens[^1] is { IsWord: false, Text: "!" };

    /// <summary>Tags a sentence and cuts it into clauses.</summary>
    public static TaggedSentence Tag(Sentence sentence, GermanLexicon lexicon)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        var tags = new WordTag[tokens.Count];
        bool inQuote = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (!token.IsWord)
            {
                inQuote = token.Text switch
                {
                    "„" or "»" => true,
                    "“" or "«" => false,
                    "\"" => !inQuote,
                    _ => inQuote,
                };
                continue;
            }

            bool initial = AddressFormDetector.IsSentenceInitial(tokens, i);
            tags[i] = TagWord(token, initial, lexicon);
            if (inQuote || AddressFormDetector.IsHandle(tokens, i))
            {
                // Quoted words ("„Passwort vergessen“") and handles ("@lisa") are names, not part of the clause's grammar.
                tags[i] = new WordTag { Class = WordClass.Particle, SentenceInitial = initial };
            }
        }

        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            // "während Sie warten", "bis du das Paket hast", "da Sie …": a conjunction before a subject, a preposition or adverb otherwise.
            if (tokens[i].IsWord && tokens[i + 1].IsWord && WordClasses.ConjunctionBeforeSubject.Contains(tokens[i].Lower) &&
                tokens[i + 1].Lower is "du" or "ihr" or "ich" or "wir" or "er" or "man" || tokens[i].IsWord && tokens[i + 1].IsWord &&
                WordClasses.ConjunctionBeforeSubject.Contains(tokens[i].Lower) && tokens[i + 1].Text == "Sie")
            {
                tags[i].Class = WordClass.Subordinator;
            }
        }

        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            // "das du das nicht willst" (a misspelt "dass", or a relative pronoun) and "als hättest du" open a clause: "das" right
            // before a subject pronoun, "als" before a finite verb and its subject pronoun.
            if (tokens[i].IsWord && tokens[i + 1].IsWord && tokens[i].Lower == "das" && tags[i].Class == WordClass.Determiner &&
                (tokens[i + 1].Lower is "du" or "ihr" or "ich" or "wir" or "er" || tokens[i + 1].Text == "Sie") ||
                tokens[i].IsWord && tokens[i].Lower == "als" && tags[i + 1] is { Class: WordClass.Open, CanBeFinite: true } && !tokens[i + 1].IsCapitalized &&
                tokens[i + 2].IsWord && (tokens[i + 2].Lower is "du" or "ihr" or "ich" or "wir" or "er" or "es" || tokens[i + 2].Text == "Sie"))
            {
                tags[i].Class = WordClass.Subordinator;
            }
        }

        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            // "am besten", "am liebsten": a superlative adverb, whatever the lexicon knows of the form.
            if (tokens[i].IsWord && tokens[i].Lower == "am" && tokens[i + 1].IsWord && !tokens[i + 1].IsCapitalized && tokens[i + 1].Lower.EndsWith("sten", StringComparison.Ordinal))
            {
                tags[i] = new WordTag { Class = WordClass.Particle, SentenceInitial = tags[i].SentenceInitial };
                tags[i + 1] = new WordTag { Class = WordClass.Particle };
            }
        }

        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            // "Je früher Sie sich melden, desto …": "je" and a comparative open a verb-final clause at its start ("je nach Tarif"
            // and "Haben Sie je darüber nachgedacht" do not).
            if (tokens[i].IsWord && tokens[i].Lower == "je" && (i == 0 || tokens[i - 1] is { IsWord: false, Text: "," or "(" or "–" } || tags[i].SentenceInitial) &&
                tokens[i + 1].IsWord && !tokens[i + 1].IsCapitalized && tokens[i + 1].Lower != "nach" &&
                tags[i + 1].Class is WordClass.Open or WordClass.Particle && tokens[i + 1].Lower.EndsWith("er", StringComparison.Ordinal))
            {
                tags[i].Class = WordClass.Subordinator;
            }
        }

        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            // "Du meine Güte", "du lieber Himmel" are exclamations, not address.
            if (tokens[i].Lower == "du" && tokens[i + 1].Lower is "meine" or "lieber" or "liebe" && tokens[i + 2].Lower is "güte" or "himmel" or "zeit" or "gott")
            {
                tags[i].Class = WordClass.Interjection;
                tags[i + 1].Class = WordClass.Interjection;
            }
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            // "was Sie meinen", "wie du meinst": a determiner form that is also a verb, with no noun after it.
            // "Meinen Sie …", "Sie meinen sicher …": before a subject pronoun, or in second place after one, it is the verb.
            if (tokens[i].IsWord && tags[i].Class == WordClass.Determiner && tokens[i].Lower is "meinen" or "meine" &&
                ((i + 1 == tokens.Count || !tokens[i + 1].IsWord) && i > 0 ||
                 i + 1 < tokens.Count && tokens[i + 1].IsWord && IsPersonalSubject(tokens[i + 1]) ||
                 i > 0 && tokens[i - 1].IsWord && IsPersonalSubject(tokens[i - 1]) && AddressFormDetector.IsSentenceInitial(tokens, i - 1)))
            {
                WordTag verb = TagWord(new Token(tokens[i].Text, tokens[i].Span, true, tokens[i].Lower), tags[i].SentenceInitial, lexicon, forceOpen: true);
                tags[i] = verb;
            }
        }

        var tagged = new TaggedSentence(sentence, tags, [], lexicon);
        tagged.ResolvePluralIhr();
        tagged.Segment();
        return tagged;
    }

    private static bool IsPersonalSubject(Token token) =>
        token.Lower is "du" or "ihr" or "ich" or "wir" || token.Text == "Sie";

    /// <summary>The lower-cased text of a token.</summary>
    public string Lower(int index) => Tokens[index].Lower;

    /// <summary>Whether the token is a word.</summary>
    public bool IsWord(int index) => index >= 0 && index < Tokens.Count && Tokens[index].IsWord;

    /// <summary>The clause a token lies in.</summary>
    public Clause ClauseOf(int token)
    {
        foreach (Clause clause in Clauses)
        {
            if (clause.Contains(token))
            {
                return clause;
            }
        }

        return Clauses[^1];
    }

    /// <summary>The next word after the token within the clause, or -1.</summary>
    public int NextWord(int index, Clause clause)
    {
        for (int k = index + 1; k <= clause.End; k++)
        {
            if (Tokens[k].IsWord)
            {
                return k;
            }

            if (Tokens[k].Text is not ("*" or "_"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The previous word before the token within the clause, or -1.</summary>
    public int PreviousWord(int index, Clause clause)
    {
        for (int k = index - 1; k >= clause.Start; k--)
        {
            if (Tokens[k].IsWord)
            {
                return k;
            }

            if (Tokens[k].Text is not ("*" or "_"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The last word of the clause, or -1.</summary>
    public int LastWord(Clause clause)
    {
        for (int k = clause.End; k >= clause.Start; k--)
        {
            if (Tokens[k].IsWord)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Whether a separable verb's particle stands after the verb in the same clause ("passt … an").</summary>
    public bool HasParticleAfter(int verb, string particle, Clause clause)
    {
        for (int k = verb + 1; k <= clause.End; k++)
        {
            if (Tokens[k].IsWord && string.Equals(Tokens[k].Lower, particle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static WordTag TagWord(Token token, bool initial, GermanLexicon lexicon, bool forceOpen = false)
    {
        string lower = token.Lower;
        var tag = new WordTag
        {
            SentenceInitial = initial,
            Class = forceOpen ? WordClass.Open : WordClasses.Classify(lower, token.IsCapitalized, initial),
        };
        if (tag.Class != WordClass.Open || char.IsDigit(lower[0]))
        {
            return tag;
        }

        // A capitalised word inside a sentence is a noun or a name, whatever else the lexicon knows it as.
        bool nounOnly = token.IsCapitalized && !initial;
        bool singularNoun = false, pluralNoun = false;
        bool known = false;
        foreach (WordReading reading in lexicon.Lookup(token.Text))
        {
            known = true;
            switch (reading.PartOfSpeech)
            {
                case PartOfSpeech.Noun:
                    tag.Noun = true;
                    if (reading.Case is GrammaticalCase.Nominative or GrammaticalCase.Accusative)
                    {
                        singularNoun |= reading.Number == GrammaticalNumber.Singular;
                        pluralNoun |= reading.Number == GrammaticalNumber.Plural;
                        tag.FeminineSingularNoun |= reading.Number == GrammaticalNumber.Singular && reading.Gender == Gender.Feminine;
                    }

                    break;
                case PartOfSpeech.Adjective:
                    tag.Adjective = true;
                    break;
                case PartOfSpeech.Verb when !nounOnly:
                    AddVerbReading(ref tag, reading);
                    break;
            }
        }

        if (!known && nounOnly)
        {
            NumberOfCompoundHead(token.Text, lexicon, ref tag, ref singularNoun, ref pluralNoun);
        }

        tag.PluralNounOnly = pluralNoun && !singularNoun;
        tag.PluralNoun = pluralNoun;
        return tag;
    }

    // A compound noun the lexicon lacks takes the number of its last part when the part before is a known word, with or
    // without a linking s: "Ersatzteile" is plural as "Teile" is, "Zugangsdaten" as "Daten".
    private static void NumberOfCompoundHead(string word, GermanLexicon lexicon, ref WordTag tag, ref bool singularNoun, ref bool pluralNoun)
    {
        const int MinimumPart = 3;
        for (int start = MinimumPart; start <= word.Length - MinimumPart; start++)
        {
            string head = char.ToUpperInvariant(word[start]) + word[(start + 1)..];
            string first = word[..start];
            if (!lexicon.Has(head, PartOfSpeech.Noun) ||
                !(lexicon.Contains(first) || (first.Length > MinimumPart && first[^1] == 's' && lexicon.Contains(first.AsSpan(0, first.Length - 1)))))
            {
                continue;
            }

            foreach (WordReading reading in lexicon.Lookup(head))
            {
                if (reading.PartOfSpeech == PartOfSpeech.Noun && reading.Case is GrammaticalCase.Nominative or GrammaticalCase.Accusative)
                {
                    singularNoun |= reading.Number == GrammaticalNumber.Singular;
                    pluralNoun |= reading.Number == GrammaticalNumber.Plural;
                    tag.FeminineSingularNoun |= reading.Number == GrammaticalNumber.Singular && reading.Gender == Gender.Feminine;
                }
            }

            return;
        }
    }

    private static void AddVerbReading(ref WordTag tag, WordReading reading)
    {
        VerbFeatures verb = reading.Verb;
        switch (verb.Kind)
        {
            case VerbFormKind.Finite when reading.Placement == VerbPlacement.Joined:
                tag.JoinedFinite |= ToAgreement(verb.Person, verb.Number);
                break;
            case VerbFormKind.Finite:
                tag.Finite |= ToAgreement(verb.Person, verb.Number);
                break;
            case VerbFormKind.Imperative when verb.Number == GrammaticalNumber.Singular:
                tag.ImperativeSingular = true;
                break;
            case VerbFormKind.Imperative:
                tag.ImperativePlural = true;
                break;
            case VerbFormKind.ZuInfinitive:
                tag.ZuInfinitive = true;
                tag.NonFinite = true;
                break;
            case VerbFormKind.PastParticiple:
                tag.NonFinite = true;
                tag.Participle = true;
                break;
            case VerbFormKind.Infinitive or VerbFormKind.PresentParticiple:
                tag.NonFinite = true;
                break;
        }
    }

    /// <summary>The agreement flag of a person and number.</summary>
    public static Agreement ToAgreement(Person person, GrammaticalNumber number) => (person, number) switch
    {
        (Person.First, GrammaticalNumber.Singular) => Agreement.FirstSingular,
        (Person.Second, GrammaticalNumber.Singular) => Agreement.SecondSingular,
        (Person.Third, GrammaticalNumber.Singular) => Agreement.ThirdSingular,
        (Person.First, GrammaticalNumber.Plural) => Agreement.FirstPlural,
        (Person.Second, GrammaticalNumber.Plural) => Agreement.SecondPlural,
        (Person.Third, GrammaticalNumber.Plural) => Agreement.ThirdPlural,
        _ => Agreement.None,
    };

    // "ihr" is the plural pronoun only next to a verb in the second person plural ("Habt ihr", "ihr könnt");
    // sentence-initial "Ihr" otherwise is the formal possessive, and lower-case "ihr" is "her" or "their".
    private void ResolvePluralIhr()
    {
        for (int i = 0; i < Tokens.Count; i++)
        {
            if (Tags[i].Class != WordClass.InformalPronoun || Lower(i) != "ihr")
            {
                continue;
            }

            bool plural = (IsWord(i - 1) && (Tags[i - 1].Finite & Agreement.SecondPlural) != 0 && (!Tokens[i - 1].IsCapitalized || Tags[i - 1].SentenceInitial)) ||
                          (IsWord(i + 1) && (Tags[i + 1].Finite & Agreement.SecondPlural) != 0 && (!Tokens[i + 1].IsCapitalized || Tags[i + 1].SentenceInitial)) ||
                          (IsWord(i + 1) && WordClasses.SubjectFloaters.Contains(Lower(i + 1)) && IsWord(i + 2) && (Tags[i + 2].Finite & Agreement.SecondPlural) != 0) ||
                          VerbFinalPlural(i) || PluralWithApposition(i);
            if (!plural)
            {
                Tags[i].Class = Tokens[i].IsCapitalized ? WordClass.Possessive : WordClass.Determiner;
            }
        }
    }

    // "Ihr Kunden seid …": a plural noun after "ihr" and then a verb that only "ihr" can be the subject of.
    private bool PluralWithApposition(int i)
    {
        int noun = i + 1;
        while (IsWord(noun) && Tags[noun].Class == WordClass.Open && !Tokens[noun].IsCapitalized && Tags[noun].Adjective)
        {
            noun++;
        }

        // A word the lexicon does not know ("Austro-Türken") may be that noun too.
        return IsWord(noun) && Tokens[noun].IsCapitalized && Tags[noun].Class == WordClass.Open && (Tags[noun].PluralNoun || !Tags[noun].Noun && !Tags[noun].IsVerb) &&
               IsWord(noun + 1) &&
               Tags[noun + 1].Class == WordClass.Open && !Tokens[noun + 1].IsCapitalized && Tags[noun + 1].Finite == Agreement.SecondPlural;
    }

    // "wenn ihr Fragen habt": the verb closes the clause.
    private bool VerbFinalPlural(int i)
    {
        if (!IsWord(i - 1) || Tags[i - 1].Class is not (WordClass.Subordinator or WordClass.Interrogative))
        {
            return false;
        }

        for (int k = i + 1; k < Tokens.Count; k++)
        {
            if (!Tokens[k].IsWord)
            {
                if (Tokens[k].Text is "," or "." or "!" or "?" or ";" or ":")
                {
                    return k > i + 1 && IsWord(k - 1) && ((Tags[k - 1].Finite | Tags[k - 1].JoinedFinite) & Agreement.SecondPlural) != 0;
                }

                continue;
            }
        }

        int last = Tokens.Count - 1;
        while (last > i && !Tokens[last].IsWord)
        {
            last--;
        }

        return last > i && ((Tags[last].Finite | Tags[last].JoinedFinite) & Agreement.SecondPlural) != 0;
    }

    // Clauses end at punctuation; a coordinator starts a new clause when a verb, a pronoun or a conjunction follows it.
    private void Segment()
    {
        int start = 0;
        bool afterPunctuation = false;
        for (int k = 0; k < Tokens.Count; k++)
        {
            Token token = Tokens[k];
            if (!token.IsWord)
            {
                if (IsClauseBoundary(token.Text))
                {
                    if (k > start)
                    {
                        AddClause(start, k - 1, afterPunctuation);
                    }

                    start = k + 1;
                    afterPunctuation = token.Text is not ("." or "!" or "?");
                }

                continue;
            }

            if (k > start && Tags[k].Class == WordClass.Coordinator && StartsClause(k + 1))
            {
                AddClause(start, k - 1, afterPunctuation);
                start = k;
                afterPunctuation = false;
            }
            else if (k > start && Tags[k].Class is WordClass.Subordinator or WordClass.Interrogative && (IsSubjectPronoun(k + 1) || Lower(k) == "als" && IsSubjectPronoun(k + 2)) &&
                     !(IsWord(k - 1) && Tags[k - 1].Class is WordClass.Subordinator or WordClass.Particle or WordClass.Preposition or WordClass.Coordinator && k - 1 == FirstWordFrom(start)))
            {
                AddClause(start, k - 1, afterPunctuation);
                start = k;
                afterPunctuation = false;
            }
            else if (k > start && IsVerbWithSubject(k, k + 1) && HasVerbWithSubject(start, k - 1))
            {
                // "hast du Wind hast du Strom": a second verb with its own subject pronoun starts a clause the missing comma did not mark.
                AddClause(start, k - 1, afterPunctuation);
                start = k;
                afterPunctuation = false;
            }
            else if (k > start && Tags[k].Class == WordClass.Subordinator && ClauseOpeners.Contains(Lower(k)) && FirstWordFrom(start) is var first && first < k)
            {
                // "…, wenn Sie sicher gehen möchten dass sich …": a conjunction opens a clause also where the comma is missing;
                // "so dass", "ohne dass", "auch wenn" open it together with the word before.
                int opener = IsWord(k - 1) && ConjunctionPartners.Contains(Lower(k - 1)) ? k - 1 : k;
                if (opener > first)
                {
                    AddClause(start, opener - 1, afterPunctuation);
                    start = opener;
                    afterPunctuation = false;
                }
            }
        }

        if (start < Tokens.Count)
        {
            AddClause(start, Tokens.Count - 1, afterPunctuation);
        }

        if (Clauses.Count == 0)
        {
            AddClause(0, Math.Max(0, Tokens.Count - 1), false);
        }

        for (int c = 0; c < Clauses.Count; c++)
        {
            Clauses[c].Kind = KindOf(c);
        }
    }

    // Whether the word at verb is a finite verb (in lower case, but at the start of the sentence) that agrees with the subject pronoun at subject.
    private bool IsVerbWithSubject(int verb, int subject)
    {
        if (!IsWord(verb) || !IsWord(subject) || Tags[verb].Class != WordClass.Open || Tokens[verb].IsCapitalized && !Tags[verb].SentenceInitial || !IsSubjectPronoun(subject))
        {
            return false;
        }

        Agreement person = Lower(subject) switch
        {
            "du" => Agreement.SecondSingular,
            "ihr" => Agreement.SecondPlural,
            "ich" => Agreement.FirstSingular,
            "wir" => Agreement.FirstPlural,
            "sie" => Agreement.ThirdPlural,
            _ => Agreement.ThirdSingular,
        };
        return (Tags[verb].Finite & person) != 0;
    }

    // Whether the tokens from start to end hold a finite verb with its subject pronoun right after or before it.
    private bool HasVerbWithSubject(int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (IsVerbWithSubject(k, k + 1) || IsVerbWithSubject(k + 1, k))
            {
                return true;
            }
        }

        return false;
    }

    private int FirstWordFrom(int start)
    {
        for (int k = start; k < Tokens.Count; k++)
        {
            if (Tokens[k].IsWord)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Whether the token is a personal pronoun that can be a subject (du, ihr, Sie, ich, wir, er, sie, es, man).</summary>
    public bool IsSubjectPronoun(int k) =>
        IsWord(k) && (Lower(k) is "du" or "ich" or "wir" or "er" or "man" || (Lower(k) == "ihr" && Tags[k].Class == WordClass.InformalPronoun) ||
                      (Lower(k) == "sie" && Tags[k].Class is WordClass.FormalPronoun or WordClass.NominativePronoun));

    // Conjunctions that only ever open a verb-final clause, and the words that open it together with them.
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "dass", "ob", "weil", "wenn", "falls", "sobald", "nachdem", "bevor", "obwohl", "sodass", "sofern", "solange",
    };

    private static readonly HashSet<string> ConjunctionPartners = new(StringComparer.Ordinal)
    {
        "so", "ohne", "als", "außer", "auch", "selbst", "nur", "statt", "anstatt", "erst", "gerade", "aber", "und", "oder",
    };

    private static bool IsClauseBoundary(string mark) =>
        mark is "," or ";" or ":" or "–" or "—" or "(" or ")" or "." or "!" or "?" or "…" or "/";

    private bool StartsClause(int k)
    {
        if (!IsWord(k))
        {
            return false;
        }

        WordTag tag = Tags[k];
        if (tag.Class is WordClass.NominativePronoun or WordClass.Subordinator)
        {
            return true;
        }

        if (tag.Class is WordClass.InformalPronoun or WordClass.FormalPronoun)
        {
            return Lower(k) is "du" or "ihr" or "sie";
        }

        // "… und das ist …": a demonstrative right before its verb.
        if (tag.Class == WordClass.Determiner && Lower(k) is "das" or "dies" or "der" or "die" && IsWord(k + 1) && Tags[k + 1].Class == WordClass.Open &&
            Tags[k + 1].CanBeFinite && !Tokens[k + 1].IsCapitalized)
        {
            return true;
        }

        // A word the lexicon does not know, followed by the subject: "… und klicken Sie auf …".
        if (tag.Class == WordClass.Open && !tag.IsVerb && !Tokens[k].IsCapitalized && IsWord(k + 1) && Lower(k + 1) is "sie" or "du")
        {
            return true;
        }

        if (tag.Class == WordClass.Particle && Lower(k) is "bitte" or "dann" or "danach" or "anschließend" && IsWord(k + 1) && Tags[k + 1].IsVerb)
        {
            return true;
        }

        // A verb, not a noun: "… und rufe dich an", "… und tippen Sie auf …".
        return tag.Class == WordClass.Open && (!Tokens[k].IsCapitalized || tag.SentenceInitial) && (tag.CanBeFinite || tag.ImperativeSingular);
    }

    private void AddClause(int start, int end, bool afterPunctuation)
    {
        var clause = new Clause { Start = start, End = end, AfterPunctuation = afterPunctuation };
        for (int k = start; k <= end; k++)
        {
            if (!Tokens[k].IsWord || AddressFormDetector.IsHandle(Tokens, k))
            {
                continue;
            }

            if (k == start && Tags[k].Class == WordClass.Coordinator && k < end)
            {
                clause.Coordinated = true;
                continue;
            }

            clause.FirstWord = k;
            break;
        }

        Clauses.Add(clause);
    }

    private ClauseKind KindOf(int c)
    {
        Clause clause = Clauses[c];
        int first = clause.FirstWord;
        if (first < 0)
        {
            return ClauseKind.Main;
        }

        // "außer dass …", "selbst wenn …", "also wenn …": the conjunction after a particle or preposition heads the clause.
        int head = first;
        for (int skipped = 0; skipped < 2 && head >= 0 && Tags[head].Class is WordClass.Particle or WordClass.Preposition &&
                              NextWord(head, clause) is var after && after >= 0 && Tags[after].Class == WordClass.Subordinator; skipped++)
        {
            head = after;
        }

        WordTag tag = Tags[head];
        int next = NextWord(head, clause);
        bool verbNext = next >= 0 && Tags[next].Class == WordClass.Open && Tags[next].CanBeFinite && !Tokens[next].IsCapitalized;
        bool questionWord = tag.Class is WordClass.Interrogative || Lower(head) is "wie" or "welche" or "welcher" or "welches" or "welchen" or "welchem";
        if (tag.Class is WordClass.Subordinator or WordClass.Interrogative || (questionWord && head == first && (c == 0 || Tokens[clause.Start - 1].Text != ",")))
        {
            // "Was kann ich für Sie tun?", "Wie lange wartest du?", "als Angestellter musst du": the verb before the subject makes
            // a main clause; "was Sie interessiert", "wie du weißt" are verb-final.
            return verbNext || VerbBeforeSubject(head, clause) ? ClauseKind.Main : ClauseKind.Subordinate;
        }

        // A relative clause after a comma: "…, die Sie bestellt haben", "…, mit der du …".
        if (clause.AfterPunctuation && !clause.Coordinated && c > 0 && Tokens[clause.Start - 1].Text == ",")
        {
            // "…, den Service zu verbessern" starts with an article: a noun follows it directly.
            int relative = tag.Class == WordClass.Preposition && next >= 0 ? next : first;
            int afterRelative = NextWord(relative, clause);
            bool article = afterRelative >= 0 && Tokens[afterRelative].IsCapitalized && Tags[afterRelative].Class == WordClass.Open && Lower(relative) is "der" or "die" or "das" or "den" or "dem";
            if (IsRelativePronoun(Lower(relative)) && !article && !EndsWithZuInfinitive(clause) && !VerbBeforeSubject(relative, clause) && !(afterRelative >= 0 &&
                                                                   Tags[afterRelative].Class == WordClass.Open && Tags[afterRelative].CanBeFinite && !Tokens[afterRelative].IsCapitalized))
            {
                return ClauseKind.Subordinate;
            }
        }

        // "…, wissen Sie, und Ihre Tage zu haben": a finite verb before "Sie" opens a main clause of its own.
        bool verbBeforeSie = tag.Class == WordClass.Open && tag.CanBeFinite && next >= 0 && Tags[next].Class == WordClass.FormalPronoun && Tokens[next].Text == "Sie";
        if (HasZuInfinitive(clause) && !HasSubjectPronoun(clause, countSie: false) && !SieBeforeFinite(clause) && !verbBeforeSie &&
            !(tag.Class == WordClass.Open && tag.CanBeFinite && !tag.NonFinite) && (c > 0 || Lower(first) is "um" or "ohne" or "statt" or "anstatt"))
        {
            return ClauseKind.Infinitive;
        }

        // A clause after "und" that continues a verb-final clause without a verb of its own in second place: "wenn du lügst und erwischt wirst".
        // A clause in parentheses between them is an aside: "Versuche es (falls verfügbar) und beachte, …" continues the first.
        if (clause.Coordinated && BeforeAside(c) is var continued && continued >= 0 && Clauses[continued].Kind == ClauseKind.Subordinate && !HasSubjectPronoun(clause))
        {
            return ClauseKind.Subordinate;
        }

        return ClauseKind.Main;
    }

    // The clause before clause c, past the clauses of a parenthesis that closes right before c; -1 when there is none.
    private int BeforeAside(int c)
    {
        int p = c - 1;
        if (p < 0 || Tokens[Clauses[c].Start - 1].Text != ")")
        {
            return p;
        }

        while (p >= 0 && !(Clauses[p].Start > 0 && Tokens[Clauses[p].Start - 1].Text == "("))
        {
            p--;
        }

        return p - 1;
    }

    // Whether the first subject pronoun of the clause follows a finite verb directly ("würden Sie", "hattest du").
    private bool VerbBeforeSubject(int head, Clause clause)
    {
        for (int k = head + 1; k <= clause.End; k++)
        {
            if (IsSubjectPronoun(k))
            {
                int previous = PreviousWord(k, clause);
                return previous > head && Tags[previous].Class == WordClass.Open && Tags[previous].CanBeFinite && !Tokens[previous].IsCapitalized;
            }
        }

        return false;
    }

    private static bool IsRelativePronoun(string lower) =>
        lower is "der" or "die" or "das" or "den" or "dem" or "denen" or "deren" or "dessen" or "welcher" or "welche" or "welches" or "welchen" or "welchem";

    // "…, den heutigen Tag zu deinem Tag zu machen": a relative clause ends with its finite verb, never with a zu-infinitive.
    private bool EndsWithZuInfinitive(Clause clause)
    {
        int last = LastWord(clause);
        if (last < 0)
        {
            return false;
        }

        int before = PreviousWord(last, clause);
        return (Tags[last].ZuInfinitive && !Tags[last].CanBeFinite) || (Tags[last].NonFinite && before >= 0 && Tags[before].Class == WordClass.Zu);
    }

    private bool HasZuInfinitive(Clause clause)
    {
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (!Tokens[k].IsWord)
            {
                continue;
            }

            if (Tags[k].ZuInfinitive && !Tags[k].CanBeFinite)
            {
                return true;
            }

            if (Tags[k].Class == WordClass.Zu && IsWord(k + 1) && Tags[k + 1].NonFinite && !Tokens[k + 1].IsCapitalized)
            {
                return true;
            }
        }

        return false;
    }

    // "Sie brauchen nichts zu tun": the subject directly before its finite verb; in "Sie bald … begrüßen zu dürfen" it is an object.
    private bool SieBeforeFinite(Clause clause)
    {
        for (int k = clause.Start; k < clause.End; k++)
        {
            if (Tokens[k].IsWord && Tags[k].Class == WordClass.FormalPronoun && Lower(k) == "sie" && NextWord(k, clause) is var verb && verb >= 0 &&
                Tags[verb].Class == WordClass.Open && (Tags[verb].Finite & Agreement.ThirdPlural) != 0 && !Tokens[verb].IsCapitalized)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasSubjectPronoun(Clause clause, bool countSie = true)
    {
        for (int k = clause.Start; k <= clause.End; k++)
        {
            if (Tokens[k].IsWord && (Tags[k].Class == WordClass.NominativePronoun || Lower(k) is "du" || (Lower(k) == "ihr" && Tags[k].Class == WordClass.InformalPronoun) ||
                                     (countSie && Tags[k].Class == WordClass.FormalPronoun && Lower(k) == "sie")))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A readable dump of the tagging pass and the clause analysis, for <c>tonelsp convert --trace</c>.</summary>
internal static class AnalysisTrace
{
    /// <summary>One line per clause: its kind, subject, verb and imperative flag, and each word with its tag.</summary>
    public static string Describe(TaggedSentence sentence)
    {
        var text = new System.Text.StringBuilder();
        foreach (Clause clause in sentence.Clauses)
        {
            text.Append($"[{clause.Kind}{(clause.Coordinated ? " coordinated" : "")} subject={clause.Subject}");
            if (clause.SubjectToken >= 0)
            {
                text.Append($"@{sentence.Tokens[clause.SubjectToken].Text}");
            }

            if (clause.FiniteVerb >= 0)
            {
                text.Append($" verb={sentence.Tokens[clause.FiniteVerb].Text}");
            }

            text.Append(clause.Imperative ? " imperative]" : "]");
            for (int k = clause.Start; k <= clause.End; k++)
            {
                Token token = sentence.Tokens[k];
                if (!token.IsWord)
                {
                    text.Append(' ').Append(token.Text);
                    continue;
                }

                WordTag tag = sentence.Tags[k];
                text.Append(' ').Append(token.Text).Append('/');
                text.Append(tag.Class == WordClass.Open
                    ? $"{(tag.Finite != Agreement.None ? "F:" + tag.Finite : "")}{(tag.JoinedFinite != Agreement.None ? ",J:" + tag.JoinedFinite : "")}{(tag.ImperativeSingular ? ",ImpSg" : "")}{(tag.ImperativePlural ? ",ImpPl" : "")}{(tag.NonFinite ? ",NF" : "")}{(tag.Noun ? ",N" : "")}{(tag.Adjective ? ",A" : "")}"
                    : tag.Class.ToString());
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}

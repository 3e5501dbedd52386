using ToneLsp.Core.Morphology;

namespace ToneLsp.Core.AddressForms.Conversion;

/// <summary>What kind of subject a predicate takes.</summary>
internal enum SubjectFit : byte
{
    /// <summary>A person or a thing, or not known.</summary>
    Either,

    /// <summary>Only a person: "Sie erhalten morgen Bescheid".</summary>
    Person,

    /// <summary>Typically a thing: "Sie kommen morgen an".</summary>
    Thing,
}

/// <summary>
/// The word classes of <c>subject-predicates.txt</c>: verbs whose subject is a person or a thing, and the nouns of people,
/// for telling the reader's "Sie" from "they" after a plural referent. A missing or broken resource gives empty classes.
/// </summary>
internal sealed class SubjectPredicates
{
    private const string ResourceName = "ToneLsp.Core.AddressForms.subject-predicates.txt";

    private static readonly Lazy<SubjectPredicates> LazyBuiltIn = new(Load);

    private readonly Dictionary<string, HashSet<string>> sections = new(StringComparer.Ordinal);

    /// <summary>The built-in classes.</summary>
    public static SubjectPredicates BuiltIn => LazyBuiltIn.Value;

    /// <summary>
    /// The fit of the predicate of the clause whose subject is the token: the verb after it, or the infinitive or participle
    /// at the end of the clause after an auxiliary, with its separable particle ("Sie kommen morgen an": "ankommen").
    /// </summary>
    public SubjectFit FitOf(TaggedSentence sentence, Clause clause, int subject)
    {
        int verb = sentence.NextWord(subject, clause);
        if (verb < 0 || sentence.Tags[verb].Class != WordClass.Open || !sentence.Tags[verb].CanBeFinite)
        {
            return SubjectFit.Either;
        }

        List<string> lemmas = VerbLemmas(sentence, verb);
        foreach (string lemma in lemmas)
        {
            for (int k = verb + 1; k <= clause.End; k++)
            {
                if (sentence.IsWord(k) && Has("construction", lemma + " " + sentence.Lower(k)))
                {
                    return SubjectFit.Person;
                }
            }
        }

        if (lemmas.Any(l => Has("auxiliary", l)) && LastNonFinite(sentence, clause, verb) is var main && main >= 0)
        {
            lemmas = VerbLemmas(sentence, main);
            verb = main;
        }

        int last = sentence.LastWord(clause);
        string? particle = last > verb && !sentence.Tokens[last].IsCapitalized ? sentence.Lower(last) : null;
        if (particle is not null)
        {
            foreach (string lemma in lemmas.ToList())
            {
                if (sentence.Lexicon.FindLemma(particle + lemma, PartOfSpeech.Verb) >= 0)
                {
                    lemmas = [particle + lemma];
                    break;
                }
            }
        }

        return lemmas.Any(l => Has("person", l)) ? SubjectFit.Person : lemmas.Any(l => Has("thing", l)) ? SubjectFit.Thing : SubjectFit.Either;
    }

    /// <summary>Whether a plural noun may name people: "Kollegen", "Technikerinnen", "Experten", not "Unterlagen" or "Fehler".</summary>
    public bool MayBePeople(TaggedSentence sentence, int noun)
    {
        string lower = sentence.Lower(noun);
        if (Section("person-noun").Any(end => lower.EndsWith(end, StringComparison.Ordinal)))
        {
            return true;
        }

        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[noun].Text))
        {
            if (reading.PartOfSpeech != PartOfSpeech.Noun)
            {
                continue;
            }

            string lemma = sentence.Lexicon.Lemma(reading.LemmaId).ToLowerInvariant();
            Gender gender = GenderOfLemma(sentence.Lexicon, reading.LemmaId, reading.Gender);
            foreach (string entry in Section("person-ending"))
            {
                int space = entry.IndexOf(' ', StringComparison.Ordinal);
                string ending = space < 0 ? entry : entry[..space];
                char wanted = space < 0 ? ' ' : entry[^1];
                if (lemma.EndsWith(ending, StringComparison.Ordinal) &&
                    (wanted == ' ' || (wanted == 'm' && gender == Gender.Masculine) || (wanted == 'f' && gender == Gender.Feminine)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Plural readings carry no gender; the singular of the same lemma does.
    private static Gender GenderOfLemma(GermanLexicon lexicon, int lemmaId, Gender gender)
    {
        if (gender != Gender.None)
        {
            return gender;
        }

        foreach (WordReading reading in lexicon.Lookup(lexicon.Lemma(lemmaId)))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Noun && reading.LemmaId == lemmaId && reading.Gender != Gender.None)
            {
                return reading.Gender;
            }
        }

        return Gender.None;
    }

    private static List<string> VerbLemmas(TaggedSentence sentence, int k)
    {
        var lemmas = new List<string>();
        foreach (WordReading reading in sentence.Lexicon.Lookup(sentence.Tokens[k].Text))
        {
            if (reading.PartOfSpeech == PartOfSpeech.Verb && sentence.Lexicon.Lemma(reading.LemmaId) is var lemma && !lemmas.Contains(lemma))
            {
                lemmas.Add(lemma);
            }
        }

        return lemmas;
    }

    // The last infinitive or participle of the clause after its finite verb: "Sie müssen sich um nichts kümmern".
    private static int LastNonFinite(TaggedSentence sentence, Clause clause, int verb)
    {
        for (int k = sentence.LastWord(clause); k > verb; k--)
        {
            if (sentence.IsWord(k) && sentence.Tags[k] is { Class: WordClass.Open } tag && (tag.NonFinite || tag.ZuInfinitive || tag.Participle) &&
                !sentence.Tokens[k].IsCapitalized)
            {
                return k;
            }
        }

        return -1;
    }

    private bool Has(string section, string word) => sections.TryGetValue(section, out HashSet<string>? words) && words.Contains(word);

    private IEnumerable<string> Section(string section) => sections.TryGetValue(section, out HashSet<string>? words) ? words : [];

    private static SubjectPredicates Load()
    {
        var predicates = new SubjectPredicates();
        try
        {
            using Stream? stream = typeof(SubjectPredicates).Assembly.GetManifestResourceStream(ResourceName);
            if (stream is null)
            {
                return predicates;
            }

            using var reader = new StreamReader(stream);
            HashSet<string>? current = null;
            while (reader.ReadLine() is { } line)
            {
                string entry = line.Trim();
                if (entry.Length == 0 || entry.StartsWith('#'))
                {
                    continue;
                }

                if (entry.StartsWith('[') && entry.EndsWith(']'))
                {
                    current = new HashSet<string>(StringComparer.Ordinal);
                    predicates.sections[entry[1..^1]] = current;
                    continue;
                }

                current?.Add(entry);
            }
        }
        catch (IOException)
        {
            return new SubjectPredicates();
        }

        return predicates;
    }
}

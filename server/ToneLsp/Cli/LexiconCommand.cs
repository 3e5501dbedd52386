using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Morphology;

namespace ToneLsp.Cli;

/// <summary>
/// <c>tonelsp lexicon [--json] WORD...</c>: what the German lexicon knows about words, for debugging. With
/// <c>--json</c>, one object per word and line: <c>{"word","known","readings":[{"lemma","pos",…}]}</c>, where a
/// reading has only the keys that apply: kind, tense, person (1–3), number, case, gender, inflection, placement
/// and particle. Enum values are the C# names in camelCase ("subjunctiveOne", "separatedStem"); this is a contract.
/// </summary>
public static partial class LexiconCommand
{
    /// <summary>The command, writing to the given output.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var words = new Argument<string[]>("words") { Description = "The words to look up.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per word and line." };
        var messages = CliApp.MessagesOption();
        var command = new Command("lexicon", "Show the German lexicon's readings of words (lemma, part of speech, features).") { words, json, messages };
        command.SetAction(parse =>
        {
            Language language = CliText.SessionLanguage(Messages.ParseChoice(parse.GetValue(messages)) ?? MessageChoice.Auto);
            GermanLexicon lexicon = GermanLexicon.Shared;
            if (lexicon.LoadError is { } problem)
            {
                error.WriteLine($"tonelsp: {CliText.LexiconDidNotLoad.Format(language, problem)}");
                return CliApp.UsageError;
            }

            foreach (string word in parse.GetValue(words) ?? [])
            {
                List<ReadingJson> readings = Describe(lexicon, word);
                if (parse.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(new WordJson(word, readings.Count > 0, readings), Json.WordJson));
                }
                else
                {
                    WriteText(output, word, readings, language);
                }
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The readings of a word as the JSON contract names them.</summary>
    public static List<ReadingJson> Describe(GermanLexicon lexicon, string word)
    {
        var readings = new List<ReadingJson>();
        foreach (WordReading reading in lexicon.Lookup(word))
        {
            string lemma = lexicon.Lemma(reading.LemmaId);
            switch (reading.PartOfSpeech)
            {
                case PartOfSpeech.Verb:
                    VerbFeatures verb = reading.Verb;
                    readings.Add(new ReadingJson(lemma, "verb")
                    {
                        Kind = Name(verb.Kind),
                        Tense = verb.Tense == VerbTense.None ? null : Name(verb.Tense),
                        Person = verb.Person == Person.None ? null : (int)verb.Person,
                        Number = Name(verb.Number),
                        Placement = Name(reading.Placement),
                        Particle = lexicon.Particle(reading.LemmaId),
                    });
                    break;
                case PartOfSpeech.Noun:
                    readings.Add(new ReadingJson(lemma, "noun") { Case = Name(reading.Case), Number = Name(reading.Number), Gender = Name(reading.Gender) });
                    break;
                default:
                    readings.Add(new ReadingJson(lemma, "adjective")
                    {
                        Case = Name(reading.Case),
                        Number = Name(reading.Number),
                        Gender = Name(reading.Gender),
                        Inflection = Name(reading.Inflection),
                    });
                    break;
            }
        }

        return readings;
    }

    /// <summary>One word: the contract of <c>--json</c>.</summary>
    public sealed record WordJson(string Word, bool Known, IReadOnlyList<ReadingJson> Readings);

    /// <summary>One reading; null properties are left out.</summary>
    public sealed record ReadingJson(string Lemma, string Pos)
    {
        /// <summary>The verb form's kind.</summary>
        public string? Kind { get; init; }

        /// <summary>The tense of a finite verb form.</summary>
        public string? Tense { get; init; }

        /// <summary>The person of a finite verb form, 1 to 3.</summary>
        public int? Person { get; init; }

        /// <summary>Singular or plural.</summary>
        public string? Number { get; init; }

        /// <summary>The case of a noun or adjective form.</summary>
        public string? Case { get; init; }

        /// <summary>The gender of a noun or singular adjective form.</summary>
        public string? Gender { get; init; }

        /// <summary>Strong, weak or mixed, for adjectives.</summary>
        public string? Inflection { get; init; }

        /// <summary>Whole, separatedStem or joined, for verbs.</summary>
        public string? Placement { get; init; }

        /// <summary>The particle of a separable verb.</summary>
        public string? Particle { get; init; }
    }

    // The encoder writes umlauts as they are; the generated type info keeps the native build free of reflection.
    private static readonly LexiconJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // The text output names parts of speech and features in the language; --json keeps the contract's names.
    private static void WriteText(TextWriter output, string word, List<ReadingJson> readings, Language language)
    {
        if (readings.Count == 0)
        {
            output.WriteLine(CliText.LexiconUnknown.Format(language, word));
            return;
        }

        output.WriteLine($"{word}:");
        foreach (ReadingJson reading in readings)
        {
            var features = new List<string>();
            features.AddRange(new[] { reading.Kind, reading.Tense }.OfType<string>().Select(f => CliText.LexiconTerm(f, language)));
            if (reading.Person is { } person)
            {
                features.Add(CliText.LexiconPerson.Format(language, person));
            }

            features.AddRange(new[] { reading.Number, reading.Case, reading.Gender, reading.Inflection }.OfType<string>().Select(f => CliText.LexiconTerm(f, language)));
            if (reading.Pos == "adjective" && reading.Case is null)
            {
                features.Add(CliText.LexiconBaseForm.In(language));
            }

            if (reading.Placement is { } placement)
            {
                string shown = CliText.LexiconTerm(placement, language);
                features.Add(reading.Particle is { } particle ? CliText.LexiconParticle.Format(language, shown, particle) : shown);
            }

            output.WriteLine($"  {reading.Lemma,-20} {CliText.LexiconTerm(reading.Pos, language),-10} {string.Join(", ", features)}");
        }
    }

    private static string? Name(GrammaticalNumber number) => number switch
    {
        GrammaticalNumber.Singular => "singular",
        GrammaticalNumber.Plural => "plural",
        _ => null,
    };

    private static string? Name(GrammaticalCase @case) => @case switch
    {
        GrammaticalCase.Nominative => "nominative",
        GrammaticalCase.Accusative => "accusative",
        GrammaticalCase.Dative => "dative",
        GrammaticalCase.Genitive => "genitive",
        _ => null,
    };

    private static string? Name(Gender gender) => gender switch
    {
        Gender.Masculine => "masculine",
        Gender.Feminine => "feminine",
        Gender.Neuter => "neuter",
        _ => null,
    };

    private static string? Name(AdjectiveInflection inflection) => inflection switch
    {
        AdjectiveInflection.Strong => "strong",
        AdjectiveInflection.Weak => "weak",
        AdjectiveInflection.Mixed => "mixed",
        _ => null,
    };

    private static string Name(VerbFormKind kind) => kind switch
    {
        VerbFormKind.Finite => "finite",
        VerbFormKind.Imperative => "imperative",
        VerbFormKind.Infinitive => "infinitive",
        VerbFormKind.ZuInfinitive => "zuInfinitive",
        VerbFormKind.PresentParticiple => "presentParticiple",
        VerbFormKind.PastParticiple => "pastParticiple",
        _ => "none",
    };

    private static string Name(VerbTense tense) => tense switch
    {
        VerbTense.Present => "present",
        VerbTense.Past => "past",
        VerbTense.SubjunctiveOne => "subjunctiveOne",
        VerbTense.SubjunctiveTwo => "subjunctiveTwo",
        _ => "none",
    };

    private static string Name(VerbPlacement placement) => placement switch
    {
        VerbPlacement.SeparatedStem => "separatedStem",
        VerbPlacement.Joined => "joined",
        _ => "whole",
    };

    // Generated serialisation, as for the JSON report, so that the native build needs no reflection.
    [JsonSerializable(typeof(WordJson))]
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    internal sealed partial class LexiconJsonContext : JsonSerializerContext;
}

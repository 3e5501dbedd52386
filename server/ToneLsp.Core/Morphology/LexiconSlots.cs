namespace ToneLsp.Core.Morphology;

/// <summary>
/// The paradigm slots of german.lexicon, numbered as scripts/build-lexicon.mjs numbers them, and the text
/// functions both sides must compute identically.
/// </summary>
internal static class LexiconSlots
{
    /// <summary>Finite verb slots: tense × number × person, in enum order.</summary>
    public const int FiniteSlots = 24;

    /// <summary>The imperative singular as the data gives it ("hole").</summary>
    public const int ImperativeSingular = 24;

    /// <summary>The imperative plural.</summary>
    public const int ImperativePlural = 25;

    /// <summary>The imperative singular without -e ("hol"), where German allows it.</summary>
    public const int ShortImperative = 26;

    /// <summary>The infinitive.</summary>
    public const int Infinitive = 27;

    /// <summary>The zu-infinitive of a separable verb.</summary>
    public const int ZuInfinitive = 28;

    /// <summary>The present participle.</summary>
    public const int PresentParticiple = 29;

    /// <summary>The past participle.</summary>
    public const int PastParticiple = 30;

    /// <summary>Slots of a verb paradigm; a separable verb stores 24 joined finite forms after them.</summary>
    public const int VerbSlots = 31;

    /// <summary>Slots of a noun paradigm: case × number.</summary>
    public const int NounSlots = 8;

    /// <summary>Inflected adjective slots: case × (strong, weak, mixed) × (masculine, feminine, neuter, plural).</summary>
    public const int AdjectiveSlots = 48;

    /// <summary>Forms of an adjective stored as its five endings (-e, -en, -em, -er, -es).</summary>
    public const int AdjectiveEndings = 5;

    /// <summary>The ending (index into -e, -en, -em, -er, -es) of each inflected adjective slot.</summary>
    public static ReadOnlySpan<byte> EndingOfSlot =>
    [
        3, 0, 4, 0, 0, 0, 0, 1, 3, 0, 4, 1, // nominative: strong, weak, mixed × M F N P
        1, 0, 4, 0, 1, 0, 0, 1, 1, 0, 4, 1, // accusative
        2, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, // dative
        1, 3, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, // genitive
    ];

    /// <summary>The verb slot of the features, or -1.</summary>
    public static int VerbSlot(VerbFeatures features)
    {
        switch (features.Kind)
        {
            case VerbFormKind.Finite:
                if (features.Tense is < VerbTense.Present or > VerbTense.SubjunctiveTwo ||
                    features.Person is < Person.First or > Person.Third ||
                    features.Number is < GrammaticalNumber.Singular or > GrammaticalNumber.Plural)
                {
                    return -1;
                }

                return ((int)features.Tense - 1) * 6 + ((int)features.Number - 1) * 3 + (int)features.Person - 1;
            case VerbFormKind.Imperative:
                return features.Number switch
                {
                    GrammaticalNumber.Singular => ImperativeSingular,
                    GrammaticalNumber.Plural => ImperativePlural,
                    _ => -1,
                };
            case VerbFormKind.Infinitive:
                return Infinitive;
            case VerbFormKind.ZuInfinitive:
                return ZuInfinitive;
            case VerbFormKind.PresentParticiple:
                return PresentParticiple;
            case VerbFormKind.PastParticiple:
                return PastParticiple;
            default:
                return -1;
        }
    }

    /// <summary>The features of a verb slot.</summary>
    public static VerbFeatures VerbFeaturesOf(int slot) => slot switch
    {
        < FiniteSlots => VerbFeatures.Finite((VerbTense)(slot / 6 + 1), (Person)(slot % 3 + 1), (GrammaticalNumber)(slot % 6 / 3 + 1)),
        ImperativeSingular or ShortImperative => VerbFeatures.Imperative(GrammaticalNumber.Singular),
        ImperativePlural => VerbFeatures.Imperative(GrammaticalNumber.Plural),
        Infinitive => VerbFeatures.Infinitive,
        ZuInfinitive => VerbFeatures.ZuInfinitive,
        PresentParticiple => VerbFeatures.PresentParticiple,
        _ => VerbFeatures.PastParticiple,
    };

    /// <summary>The reading of one slot; false for a slot the part of speech does not have.</summary>
    public static bool TryCreateReading(PartOfSpeech partOfSpeech, int lemmaId, int variant, int slot, out WordReading reading)
    {
        switch (partOfSpeech)
        {
            case PartOfSpeech.Verb when slot < VerbSlots:
                reading = new WordReading(PartOfSpeech.Verb, lemmaId, VerbFeaturesOf(slot), (VerbPlacement)variant, default, default, default, default);
                return true;
            case PartOfSpeech.Noun when slot < NounSlots:
                reading = new WordReading(PartOfSpeech.Noun, lemmaId, default, default, (GrammaticalCase)(slot / 2 + 1), (GrammaticalNumber)(slot % 2 + 1), (Gender)variant, default);
                return true;
            case PartOfSpeech.Adjective when slot == 0:
                reading = new WordReading(PartOfSpeech.Adjective, lemmaId, default, default, default, default, default, default);
                return true;
            case PartOfSpeech.Adjective when slot <= AdjectiveSlots:
                int inflected = slot - 1;
                int gender = inflected % 4;
                reading = new WordReading(
                    PartOfSpeech.Adjective,
                    lemmaId,
                    default,
                    default,
                    (GrammaticalCase)(inflected / 12 + 1),
                    gender == 3 ? GrammaticalNumber.Plural : GrammaticalNumber.Singular,
                    gender == 3 ? Gender.None : (Gender)(gender + 1),
                    (AdjectiveInflection)(inflected % 12 / 4 + 1));
                return true;
            default:
                reading = default;
                return false;
        }
    }

    /// <summary>Lower-cases one UTF-16 code unit; the generator's lowerCode does the same.</summary>
    public static char Lower(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        if (c < 0x100)
        {
            return c is >= '\u00C0' and <= '\u00DE' and not '\u00D7' ? (char)(c + 0x20) : c;
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>The text lower-cased with <see cref="Lower(char)"/>, one code unit at a time.</summary>
    public static string Lower(ReadOnlySpan<char> text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = Lower(source[i]);
            }
        });
    }

    /// <summary>FNV-1a over the lower-cased code units, one code unit per step; the generator's hash does the same.</summary>
    public static uint Hash(ReadOnlySpan<char> text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ Lower(c)) * 16777619;
        }

        return hash;
    }
}

namespace ToneLsp.Core.Morphology;

/// <summary>The parts of speech the German lexicon knows.</summary>
public enum PartOfSpeech : byte
{
    /// <summary>No part of speech.</summary>
    None,

    /// <summary>A verb.</summary>
    Verb,

    /// <summary>A noun.</summary>
    Noun,

    /// <summary>An adjective.</summary>
    Adjective,
}

/// <summary>What kind of verb form a word is.</summary>
public enum VerbFormKind : byte
{
    /// <summary>Not a verb form.</summary>
    None,

    /// <summary>A finite form with tense, person and number ("passt").</summary>
    Finite,

    /// <summary>An imperative ("hole", "hol", "holt").</summary>
    Imperative,

    /// <summary>The infinitive ("anpassen").</summary>
    Infinitive,

    /// <summary>The zu-infinitive of a separable verb written as one word ("anzupassen").</summary>
    ZuInfinitive,

    /// <summary>The present participle ("anpassend").</summary>
    PresentParticiple,

    /// <summary>The past participle ("angepasst").</summary>
    PastParticiple,
}

/// <summary>The tense and mood of a finite verb form.</summary>
public enum VerbTense : byte
{
    /// <summary>No tense.</summary>
    None,

    /// <summary>Indicative present.</summary>
    Present,

    /// <summary>Indicative past (Präteritum).</summary>
    Past,

    /// <summary>Konjunktiv I.</summary>
    SubjunctiveOne,

    /// <summary>Konjunktiv II.</summary>
    SubjunctiveTwo,
}

/// <summary>Grammatical person.</summary>
public enum Person : byte
{
    /// <summary>No person.</summary>
    None,

    /// <summary>First person.</summary>
    First,

    /// <summary>Second person.</summary>
    Second,

    /// <summary>Third person.</summary>
    Third,
}

/// <summary>Grammatical number.</summary>
public enum GrammaticalNumber : byte
{
    /// <summary>No number.</summary>
    None,

    /// <summary>Singular.</summary>
    Singular,

    /// <summary>Plural.</summary>
    Plural,
}

/// <summary>Grammatical case.</summary>
public enum GrammaticalCase : byte
{
    /// <summary>No case.</summary>
    None,

    /// <summary>Nominative.</summary>
    Nominative,

    /// <summary>Accusative.</summary>
    Accusative,

    /// <summary>Dative.</summary>
    Dative,

    /// <summary>Genitive.</summary>
    Genitive,
}

/// <summary>Grammatical gender.</summary>
public enum Gender : byte
{
    /// <summary>No gender (plural-only nouns, plural adjective forms).</summary>
    None,

    /// <summary>Masculine.</summary>
    Masculine,

    /// <summary>Feminine.</summary>
    Feminine,

    /// <summary>Neuter.</summary>
    Neuter,
}

/// <summary>The declension of an attributive adjective.</summary>
public enum AdjectiveInflection : byte
{
    /// <summary>No inflection: the uninflected base form ("groß").</summary>
    None,

    /// <summary>Strong declension, without article (SOL: "großer Hund").</summary>
    Strong,

    /// <summary>Weak declension, after the definite article (DEF: "der große Hund").</summary>
    Weak,

    /// <summary>Mixed declension, after the indefinite article (IND: "ein großer Hund").</summary>
    Mixed,
}

/// <summary>How a form of a separable verb stands in the sentence.</summary>
public enum VerbPlacement : byte
{
    /// <summary>A form of a verb without particle.</summary>
    Whole,

    /// <summary>The stem of a separable verb without its particle ("passt" of anpassen: "passt … an").</summary>
    SeparatedStem,

    /// <summary>The particle joined to the stem, as at the end of a clause ("…, dass es anpasst"), and the non-finite forms.</summary>
    Joined,
}

/// <summary>The grammatical features of a verb form.</summary>
public readonly record struct VerbFeatures(VerbFormKind Kind, VerbTense Tense, Person Person, GrammaticalNumber Number)
{
    /// <summary>The infinitive.</summary>
    public static VerbFeatures Infinitive { get; } = new(VerbFormKind.Infinitive, VerbTense.None, Person.None, GrammaticalNumber.None);

    /// <summary>The zu-infinitive written as one word.</summary>
    public static VerbFeatures ZuInfinitive { get; } = new(VerbFormKind.ZuInfinitive, VerbTense.None, Person.None, GrammaticalNumber.None);

    /// <summary>The present participle.</summary>
    public static VerbFeatures PresentParticiple { get; } = new(VerbFormKind.PresentParticiple, VerbTense.None, Person.None, GrammaticalNumber.None);

    /// <summary>The past participle.</summary>
    public static VerbFeatures PastParticiple { get; } = new(VerbFormKind.PastParticiple, VerbTense.None, Person.None, GrammaticalNumber.None);

    /// <summary>A finite form.</summary>
    public static VerbFeatures Finite(VerbTense tense, Person person, GrammaticalNumber number) => new(VerbFormKind.Finite, tense, person, number);

    /// <summary>An imperative; its person is left as <see cref="Person.None"/>.</summary>
    public static VerbFeatures Imperative(GrammaticalNumber number) => new(VerbFormKind.Imperative, VerbTense.None, Person.None, number);
}

/// <summary>
/// One reading of a word form: the lemma and the features of one paradigm slot the form fills. Verb readings carry
/// their features in <see cref="Verb"/> and <see cref="Placement"/>; nouns and adjectives use case, number, gender
/// and (adjectives) inflection. An adjective reading without case is the uninflected base form.
/// </summary>
public readonly record struct WordReading(
    PartOfSpeech PartOfSpeech,
    int LemmaId,
    VerbFeatures Verb,
    VerbPlacement Placement,
    GrammaticalCase Case,
    GrammaticalNumber Number,
    Gender Gender,
    AdjectiveInflection Inflection);

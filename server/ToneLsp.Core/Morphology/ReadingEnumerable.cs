using System.Numerics;

namespace ToneLsp.Core.Morphology;

/// <summary>
/// The readings of one word form, for <c>foreach</c> without allocating: each stored reading (a lemma and the
/// slots of its paradigm the form fills) is expanded into one <see cref="WordReading"/> per slot. For a word the
/// table lacks, the readings are derived (<see cref="Derivation"/>): those of the rest after a particle, turned into
/// the compound's, or the readings of a verb in -ieren.
/// </summary>
public readonly ref struct ReadingEnumerable
{
    private readonly ReadOnlySpan<uint> _readings;
    private readonly ReadOnlySpan<ulong> _masks;
    private readonly LemmaRanges _lemmas;
    private readonly GermanLexicon? _lexicon;
    private readonly Derivation _derivation;

    internal ReadingEnumerable(ReadOnlySpan<uint> readings, ReadOnlySpan<ulong> masks, LemmaRanges lemmas)
    {
        _readings = readings;
        _masks = masks;
        _lemmas = lemmas;
    }

    internal ReadingEnumerable(GermanLexicon lexicon, ReadOnlySpan<uint> readings, ReadOnlySpan<ulong> masks, Derivation derivation)
    {
        _readings = readings;
        _masks = masks;
        _lexicon = lexicon;
        _derivation = derivation;
    }

    /// <summary>True when the word is unknown.</summary>
    public bool IsEmpty => _readings.IsEmpty && _derivation.SyntheticCount == 0;

    /// <summary>Starts the enumeration.</summary>
    public Enumerator GetEnumerator() => new(_readings, _masks, _lemmas, _lexicon, _derivation);

    /// <summary>Copies the readings into a new list.</summary>
    public List<WordReading> ToList()
    {
        var list = new List<WordReading>();
        foreach (WordReading reading in this)
        {
            list.Add(reading);
        }

        return list;
    }

    /// <summary>Walks the stored readings and the set bits of each one's slot mask.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<uint> _readings;
        private readonly ReadOnlySpan<ulong> _masks;
        private readonly LemmaRanges _lemmas;
        private readonly GermanLexicon? _lexicon;
        private readonly Derivation _derivation;
        private int _index;
        private ulong _remaining;
        private int _lemmaId;
        private int _variant;
        private PartOfSpeech _partOfSpeech;

        internal Enumerator(ReadOnlySpan<uint> readings, ReadOnlySpan<ulong> masks, LemmaRanges lemmas, GermanLexicon? lexicon, Derivation derivation)
        {
            _readings = readings;
            _masks = masks;
            _lemmas = lemmas;
            _lexicon = lexicon;
            _derivation = derivation;
            _index = -1;
            Current = default;
        }

        /// <summary>The current reading.</summary>
        public WordReading Current { get; private set; }

        /// <summary>Moves to the next reading.</summary>
        public bool MoveNext()
        {
            while (true)
            {
                while (_remaining != 0)
                {
                    int slot = BitOperations.TrailingZeroCount(_remaining);
                    _remaining &= _remaining - 1;
                    if (LexiconSlots.TryCreateReading(_partOfSpeech, _lemmaId, _variant, slot, out WordReading reading))
                    {
                        Current = reading;
                        return true;
                    }
                }

                if (_derivation.SyntheticCount > 0)
                {
                    if (++_index >= _derivation.SyntheticCount)
                    {
                        return false;
                    }

                    _partOfSpeech = PartOfSpeech.Verb;
                    (_lemmaId, _variant, _remaining) = _index == 0
                        ? (_derivation.FirstLemma, _derivation.FirstVariant, _derivation.FirstSlots)
                        : (_derivation.SecondLemma, Derivation.SecondVariant, _derivation.SecondSlots);
                    continue;
                }

                if (++_index >= _readings.Length)
                {
                    return false;
                }

                uint stored = _readings[_index];
                if (_lexicon is not null)
                {
                    _partOfSpeech = PartOfSpeech.Verb;
                    if (!_lexicon.TryDeriveReading(_derivation, stored, out _lemmaId, out _variant, out _remaining))
                    {
                        _remaining = 0;
                    }

                    continue;
                }

                _lemmaId = (int)(stored & LemmaRanges.LemmaMask);
                _variant = (int)((stored >> LemmaRanges.VariantShift) & 3);
                uint mask = stored >> LemmaRanges.MaskShift;
                _partOfSpeech = _lemmas.PartOfSpeechOf(_lemmaId);
                _remaining = _partOfSpeech != PartOfSpeech.None && mask < (uint)_masks.Length ? _masks[(int)mask] : 0;
            }
        }
    }
}

/// <summary>Lemma ids by part of speech: verbs first, then nouns, then adjectives; and how a reading packs them.</summary>
internal readonly record struct LemmaRanges(int VerbCount, int NounCount, int LemmaCount)
{
    /// <summary>Bits 0–17 of a stored reading: the lemma id.</summary>
    public const uint LemmaMask = (1u << 18) - 1;

    /// <summary>Bits 18–19: the placement of a verb form or the gender of a noun.</summary>
    public const int VariantShift = 18;

    /// <summary>Bits 20–31: the index into the table of slot masks.</summary>
    public const int MaskShift = 20;

    /// <summary>The part of speech of a lemma id; none when out of range.</summary>
    public PartOfSpeech PartOfSpeechOf(int lemmaId) =>
        (uint)lemmaId >= (uint)LemmaCount ? PartOfSpeech.None
        : lemmaId < VerbCount ? PartOfSpeech.Verb
        : lemmaId < VerbCount + NounCount ? PartOfSpeech.Noun
        : PartOfSpeech.Adjective;
}

/// <summary>
/// How the readings of a word the table lacks are derived, in 12 bytes: from the stored readings of the rest after
/// a particle (<see cref="Particle"/>: each verb reading becomes the compound's; <see cref="ZuInfinitive"/> when the
/// rest was zu + infinitive), or given outright (<see cref="SyntheticCount"/> readings of verbs in -ieren: the
/// ending's slots for the verb without particle, their joined ones for the separable verb, or a zu-infinitive).
/// </summary>
internal readonly struct Derivation
{
    private const int ParticleMask = 0xFF;
    private const int ZuBit = 1 << 8;
    private const int GeBit = 1 << 9;
    private const int GeGBit = 1 << 10;
    private const int CountShift = 11;
    private const int SuffixShift = 13;
    private const int ZuOnlyBit = 1 << 18;

    private readonly int _bits;

    private Derivation(int bits, int firstLemma, int secondLemma)
    {
        _bits = bits;
        FirstLemma = firstLemma;
        SecondLemma = secondLemma;
    }

    /// <summary>The particle's index, for a rest's stored readings.</summary>
    public int Particle => _bits & ParticleMask;

    /// <summary>The rest after the particle was "zu" + the stored infinitive.</summary>
    public bool ZuInfinitive => (_bits & ZuBit) != 0;

    /// <summary>The rest starts with ge- ("geladen").</summary>
    public bool RestHasGe => (_bits & GeBit) != 0;

    /// <summary>The rest starts with geg- ("gegangen", "gegeben").</summary>
    public bool RestHasGeG => (_bits & GeGBit) != 0;

    /// <summary>The number of readings given outright (0–2).</summary>
    public int SyntheticCount => (_bits >> CountShift) & 3;

    public int FirstLemma { get; }

    public int FirstVariant => (int)((_bits & ZuOnlyBit) != 0 ? VerbPlacement.Joined : VerbPlacement.Whole);

    public ulong FirstSlots => (_bits & ZuOnlyBit) != 0 ? 1UL << LexiconSlots.ZuInfinitive : DerivedLemmas.IerenSuffixes[(_bits >> SuffixShift) & 0x1F].Slots;

    public int SecondLemma { get; }

    public static int SecondVariant => (int)VerbPlacement.Joined;

    public ulong SecondSlots => FirstSlots & DerivedLemmas.JoinedSlots;

    /// <summary>The stored readings of the rest after the particle.</summary>
    public static Derivation OfRest(int particle, bool zuInfinitive, bool restHasGe, bool restHasGeG) =>
        new((particle & ParticleMask) | (zuInfinitive ? ZuBit : 0) | (restHasGe ? GeBit : 0) | (restHasGeG ? GeGBit : 0), 0, 0);

    /// <summary>The zu-infinitive of a separable verb in -ieren.</summary>
    public static Derivation IerenZuInfinitive(int lemmaId) => new((1 << CountShift) | ZuOnlyBit, lemmaId, 0);

    /// <summary>A form of a verb in -ieren (the ending's index in <see cref="DerivedLemmas.IerenSuffixes"/>), and of the separable one (-1: none).</summary>
    public static Derivation Ieren(int suffix, int wholeLemmaId, int separableLemmaId) =>
        new(((separableLemmaId < 0 ? 1 : 2) << CountShift) | (suffix << SuffixShift), wholeLemmaId, separableLemmaId);
}

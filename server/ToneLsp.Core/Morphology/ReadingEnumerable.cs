using System.Numerics;

namespace ToneLsp.Core.Morphology;

/// <summary>
/// The readings of one word form, for <c>foreach</c> without allocating: each stored reading (a lemma and the
/// slots of its paradigm the form fills) is expanded into one <see cref="WordReading"/> per slot.
/// </summary>
public readonly ref struct ReadingEnumerable
{
    private readonly ReadOnlySpan<uint> _readings;
    private readonly ReadOnlySpan<ulong> _masks;
    private readonly LemmaRanges _lemmas;

    internal ReadingEnumerable(ReadOnlySpan<uint> readings, ReadOnlySpan<ulong> masks, LemmaRanges lemmas)
    {
        _readings = readings;
        _masks = masks;
        _lemmas = lemmas;
    }

    /// <summary>True when the word is unknown.</summary>
    public bool IsEmpty => _readings.IsEmpty;

    /// <summary>Starts the enumeration.</summary>
    public Enumerator GetEnumerator() => new(_readings, _masks, _lemmas);

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
        private int _index;
        private ulong _remaining;
        private int _lemmaId;
        private int _variant;
        private PartOfSpeech _partOfSpeech;

        internal Enumerator(ReadOnlySpan<uint> readings, ReadOnlySpan<ulong> masks, LemmaRanges lemmas)
        {
            _readings = readings;
            _masks = masks;
            _lemmas = lemmas;
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

                if (++_index >= _readings.Length)
                {
                    return false;
                }

                uint stored = _readings[_index];
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

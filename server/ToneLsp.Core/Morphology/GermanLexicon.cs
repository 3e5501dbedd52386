using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ToneLsp.Core.Morphology;

/// <summary>
/// A German morphological lexicon of verbs, nouns and adjectives (LanguageTool's german-pos-dict, CC BY-SA 4.0),
/// read straight from the embedded german.lexicon without parsing it. Lookups are case-insensitive and accept old
/// and current spelling; lemmas and synthesised forms are in current spelling. A word the table lacks may be
/// derived (a particle before a known verb form, or a verb in -ieren; see README.md), as a verb whose lemma id
/// <see cref="IsDerived"/> tells apart. No member throws: a missing or corrupt resource gives an empty lexicon with
/// <see cref="LoadError"/> set. Safe to share between threads.
/// </summary>
public sealed partial class GermanLexicon
{
    private const string ResourceName = "ToneLsp.Core.Morphology.german.lexicon";
    private const uint None = uint.MaxValue;

    private readonly nint _address;
    private readonly int _length;
    private readonly LexiconLayout _layout;
    private readonly LemmaRanges _lemmas;

    // Keeps the memory behind _address alive: the resource stream or a pinned copy.
    private readonly object? _owner;
    private string?[]? _lemmaCache;

    // What derivation needs beyond the file (particles, stems met), made on first use.
    private DerivedState? _derived;

    private GermanLexicon(string? loadError)
    {
        LoadError = loadError;
    }

    private GermanLexicon(nint address, int length, object owner)
    {
        string? error = LexiconLayout.Read(Span(address, length), out LexiconLayout layout);
        if (error is not null)
        {
            LoadError = error;
            return;
        }

        _address = address;
        _length = length;
        _owner = owner;
        _layout = layout;
        _lemmas = new LemmaRanges(layout.VerbCount, layout.NounCount, layout.LemmaCount);
        LemmaCount = layout.LemmaCount;
        FormCount = layout.KeyCount;
    }

    /// <summary>The lexicon from the embedded resource, loaded once on first use.</summary>
    public static GermanLexicon Shared => SharedHolder.Instance;

    /// <summary>A lexicon that knows no words.</summary>
    public static GermanLexicon Empty { get; } = new((string?)null);

    /// <summary>Why the resource could not be read, or null when it was read (or for <see cref="Empty"/>).</summary>
    public string? LoadError { get; }

    /// <summary>The number of lemmas.</summary>
    public int LemmaCount { get; }

    /// <summary>The number of distinct lower-cased word forms a lookup finds, old spellings included.</summary>
    public int FormCount { get; }

    /// <summary>True when the lexicon is read in place from the resource's memory rather than from a copy.</summary>
    internal bool IsReadInPlace => _owner is UnmanagedMemoryStream;

    private ReadOnlySpan<byte> Bytes => Span(_address, _length);

    /// <summary>Loads a new instance from the embedded resource (use <see cref="Shared"/> instead).</summary>
    public static GermanLexicon LoadEmbedded()
    {
        try
        {
            Stream? stream = typeof(GermanLexicon).Assembly.GetManifestResourceStream(ResourceName);
            if (stream is null)
            {
                return new GermanLexicon($"the embedded resource {ResourceName} is missing");
            }

            if (stream is UnmanagedMemoryStream unmanaged && unmanaged.Length <= int.MaxValue)
            {
                // The resource lies in the mapped assembly (or the native image): read it where it is.
                unsafe
                {
                    return new GermanLexicon((nint)unmanaged.PositionPointer, (int)unmanaged.Length, unmanaged);
                }
            }

            using (stream)
            {
                if (stream.Length > int.MaxValue)
                {
                    return new GermanLexicon("the embedded lexicon is larger than 2 GB");
                }

                byte[] copy = GC.AllocateUninitializedArray<byte>((int)stream.Length, pinned: true);
                stream.ReadExactly(copy);
                return FromPinned(copy);
            }
        }
        catch (Exception exception)
        {
            return new GermanLexicon($"the embedded lexicon could not be read: {exception.Message}");
        }
    }

    /// <summary>
    /// The readings of a word, case-insensitive, in old or current spelling; for a word the table lacks, the derived
    /// verb readings (README.md, "Derived verbs"); empty when unknown.
    /// </summary>
    public ReadingEnumerable Lookup(ReadOnlySpan<char> word)
    {
        int key = FindKey(word);
        if (key >= 0)
        {
            return new ReadingEnumerable(KeyReadings(key), Masks, _lemmas);
        }

        return TryDerive(word, out Derivation derivation, out ReadOnlySpan<uint> readings) ? new ReadingEnumerable(this, readings, Masks, derivation) : default;
    }

    /// <summary>True when the lexicon knows the word, from its table or by derivation.</summary>
    public bool Contains(ReadOnlySpan<char> word) => FindKey(word) >= 0 || TryDerive(word, out _, out _);

    /// <summary>True when the word has a reading of the part of speech.</summary>
    public bool Has(ReadOnlySpan<char> word, PartOfSpeech partOfSpeech)
    {
        int key = FindKey(word);
        return key >= 0 ? HasReading(key, partOfSpeech) : partOfSpeech == PartOfSpeech.Verb && TryDerive(word, out _, out _);
    }

    /// <summary>The lemma in current spelling (nouns capitalised as in the data); empty for an unknown id.</summary>
    public string Lemma(int lemmaId)
    {
        if ((uint)lemmaId >= (uint)LemmaCount)
        {
            return DerivedLemma(lemmaId) ?? string.Empty;
        }

        string?[] cache = _lemmaCache ?? Interlocked.CompareExchange(ref _lemmaCache, new string?[LemmaCount], null) ?? _lemmaCache;
        return cache[lemmaId] ??= Decode(LemmaField(lemmaId, 0)) ?? string.Empty;
    }

    /// <summary>The part of speech of a lemma; none for an unknown id.</summary>
    public PartOfSpeech PartOfSpeechOf(int lemmaId) =>
        (uint)lemmaId < (uint)LemmaCount ? _lemmas.PartOfSpeechOf(lemmaId) : IsDerived(lemmaId) ? PartOfSpeech.Verb : PartOfSpeech.None;

    /// <summary>
    /// The id of a lemma, case-insensitive and in old or current spelling ("Schluß" finds Schluss), preferring the
    /// exact case; <see cref="PartOfSpeech.None"/> accepts any part of speech. A verb the table lacks is derived as
    /// <see cref="Lookup"/> derives its infinitive ("herunterladen", "verifizieren"). -1 when unknown.
    /// </summary>
    public int FindLemma(ReadOnlySpan<char> lemma, PartOfSpeech partOfSpeech)
    {
        if (lemma.IsEmpty || LemmaCount == 0)
        {
            return -1;
        }

        ReadOnlySpan<uint> table = U32(_layout.LemmaHash, 1 << _layout.LemmaHashBits);
        ReadOnlySpan<uint> names = U32(_layout.LemmaNames, _layout.LemmaNameCount * 2);
        int indexBits = _layout.LemmaIndexBits;
        uint hash = LexiconSlots.Hash(lemma);
        uint tag = hash >> indexBits;
        uint indexMask = (1u << indexBits) - 1;
        int slotMask = table.Length - 1;
        int found = -1;
        for (int probe = 0, slot = (int)(hash & (uint)slotMask); probe < table.Length; probe++, slot = (slot + 1) & slotMask)
        {
            uint entry = table[slot];
            if (entry == 0)
            {
                break;
            }

            int name = (int)(entry & indexMask) - 1;
            if (entry >> indexBits != tag || (uint)name >= (uint)_layout.LemmaNameCount)
            {
                continue;
            }

            int stringId = (int)names[name * 2];
            int lemmaId = (int)names[name * 2 + 1];
            if ((partOfSpeech != PartOfSpeech.None && PartOfSpeechOf(lemmaId) != partOfSpeech) || !EqualsIgnoreCase(stringId, lemma))
            {
                continue;
            }

            if (EqualsExactly(stringId, lemma))
            {
                return lemmaId;
            }

            found = found < 0 ? lemmaId : found;
        }

        return found >= 0 || partOfSpeech is not (PartOfSpeech.None or PartOfSpeech.Verb) ? found : FindDerivedLemma(lemma);
    }

    /// <summary>The particle of a separable verb ("an" for anpassen); null for other verbs and other lemmas.</summary>
    public string? Particle(int verbLemmaId)
    {
        if ((uint)verbLemmaId >= (uint)LemmaCount)
        {
            return DerivedParticle(verbLemmaId);
        }

        uint particle = PartOfSpeechOf(verbLemmaId) == PartOfSpeech.Verb ? LemmaField(verbLemmaId, 2) : 0;
        return particle == 0 ? null : Decode(particle - 1);
    }

    /// <summary>
    /// A verb form: for a separable verb, a finite form as the separated stem (anpassen, present 3rd plural:
    /// "passen") or joined (<see cref="VerbPlacement.Joined"/> or <see cref="VerbPlacement.Whole"/>: "anpassen");
    /// its imperative is separated only, so Joined gives null. Non-finite forms and verbs without particle ignore
    /// the placement. Null when the lexicon lacks the slot (modal verbs have no imperative). A derived compound gives
    /// its base verb's form, with the particle where it is joined ("herunterladen", "laden").
    /// </summary>
    public string? Synthesize(int verbLemmaId, VerbFeatures features, VerbPlacement placement = VerbPlacement.SeparatedStem)
    {
        int slot = LexiconSlots.VerbSlot(features);
        if (slot < 0 || PartOfSpeechOf(verbLemmaId) != PartOfSpeech.Verb)
        {
            return null;
        }

        if ((uint)verbLemmaId >= (uint)LemmaCount)
        {
            return SynthesizeDerived(verbLemmaId, slot, placement);
        }

        bool separable = LemmaField(verbLemmaId, 2) != 0;
        if (separable && placement != VerbPlacement.SeparatedStem)
        {
            if (slot < LexiconSlots.FiniteSlots)
            {
                slot += LexiconSlots.VerbSlots;
            }
            else if (slot is LexiconSlots.ImperativeSingular or LexiconSlots.ImperativePlural && placement == VerbPlacement.Joined)
            {
                return null;
            }
        }

        return Decode(ParadigmEntry(verbLemmaId, slot, separable ? LexiconSlots.VerbSlots + LexiconSlots.FiniteSlots : LexiconSlots.VerbSlots));
    }

    /// <summary>The imperative singular without -e ("hol" for holen); null where only the -e form is right ("sammle", "atme").</summary>
    public string? ShortImperative(int verbLemmaId)
    {
        if (PartOfSpeechOf(verbLemmaId) != PartOfSpeech.Verb)
        {
            return null;
        }

        if ((uint)verbLemmaId >= (uint)LemmaCount)
        {
            return SynthesizeDerived(verbLemmaId, LexiconSlots.ShortImperative, VerbPlacement.SeparatedStem);
        }

        int size = LemmaField(verbLemmaId, 2) != 0 ? LexiconSlots.VerbSlots + LexiconSlots.FiniteSlots : LexiconSlots.VerbSlots;
        return Decode(ParadigmEntry(verbLemmaId, LexiconSlots.ShortImperative, size));
    }

    /// <summary>A noun form; null when the lexicon lacks it (plural of a singular-only noun).</summary>
    public string? SynthesizeNoun(int nounLemmaId, GrammaticalCase @case, GrammaticalNumber number)
    {
        if (PartOfSpeechOf(nounLemmaId) != PartOfSpeech.Noun || @case is < GrammaticalCase.Nominative or > GrammaticalCase.Genitive ||
            number is < GrammaticalNumber.Singular or > GrammaticalNumber.Plural)
        {
            return null;
        }

        return Decode(ParadigmEntry(nounLemmaId, ((int)@case - 1) * 2 + (int)number - 1, LexiconSlots.NounSlots));
    }

    /// <summary>
    /// An adjective form. Plural ignores the gender; a singular needs one. All four arguments none give the
    /// uninflected base form ("groß"). Null for incomplete features or a form the lexicon lacks.
    /// </summary>
    public string? SynthesizeAdjective(int adjectiveLemmaId, GrammaticalCase @case, GrammaticalNumber number, Gender gender, AdjectiveInflection inflection)
    {
        if (PartOfSpeechOf(adjectiveLemmaId) != PartOfSpeech.Adjective)
        {
            return null;
        }

        if (@case == GrammaticalCase.None && number == GrammaticalNumber.None && gender == Gender.None && inflection == AdjectiveInflection.None)
        {
            return Lemma(adjectiveLemmaId);
        }

        int column = number switch
        {
            GrammaticalNumber.Plural => 3,
            GrammaticalNumber.Singular when gender is >= Gender.Masculine and <= Gender.Neuter => (int)gender - 1,
            _ => -1,
        };
        if (column < 0 || @case is < GrammaticalCase.Nominative or > GrammaticalCase.Genitive || inflection is < AdjectiveInflection.Strong or > AdjectiveInflection.Mixed)
        {
            return null;
        }

        int slot = ((int)@case - 1) * 12 + ((int)inflection - 1) * 4 + column;
        bool full = LemmaField(adjectiveLemmaId, 2) != 0;
        return full
            ? Decode(ParadigmEntry(adjectiveLemmaId, slot, LexiconSlots.AdjectiveSlots))
            : Decode(ParadigmEntry(adjectiveLemmaId, LexiconSlots.EndingOfSlot[slot], LexiconSlots.AdjectiveEndings));
    }

    /// <summary>Reads a lexicon from bytes (for tests of damaged files).</summary>
    internal static GermanLexicon FromBytes(ReadOnlySpan<byte> data)
    {
        byte[] copy = GC.AllocateUninitializedArray<byte>(data.Length, pinned: true);
        data.CopyTo(copy);
        return FromPinned(copy);
    }

    private static GermanLexicon FromPinned(byte[] pinned)
    {
        unsafe
        {
            return new GermanLexicon((nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned)), pinned.Length, pinned);
        }
    }

    private static ReadOnlySpan<byte> Span(nint address, int length)
    {
        unsafe
        {
            return new ReadOnlySpan<byte>((void*)address, length);
        }
    }

    private ReadOnlySpan<uint> U32(int offset, int count) => MemoryMarshal.Cast<byte, uint>(Bytes.Slice(offset, count * 4));

    private ReadOnlySpan<ulong> Masks => MemoryMarshal.Cast<byte, ulong>(Bytes.Slice(_layout.Masks, _layout.MaskCount * 8));

    private int FindKey(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || FormCount == 0 || word.Length > _layout.StringBytesLength)
        {
            return -1;
        }

        ReadOnlySpan<uint> table = U32(_layout.FormHash, 1 << _layout.FormHashBits);
        int indexBits = _layout.FormIndexBits;
        uint hash = LexiconSlots.Hash(word);
        uint tag = hash >> indexBits;
        uint indexMask = (1u << indexBits) - 1;
        int slotMask = table.Length - 1;
        for (int probe = 0, slot = (int)(hash & (uint)slotMask); probe < table.Length; probe++, slot = (slot + 1) & slotMask)
        {
            uint entry = table[slot];
            if (entry == 0)
            {
                return -1;
            }

            int key = (int)(entry & indexMask) - 1;
            if (entry >> indexBits == tag && (uint)key < (uint)FormCount && EqualsIgnoreCase(key, word))
            {
                return key;
            }
        }

        return -1;
    }

    private ReadOnlySpan<uint> KeyReadings(int key)
    {
        ReadOnlySpan<uint> starts = U32(_layout.KeyStarts, FormCount + 1);
        uint start = starts[key];
        uint end = starts[key + 1];
        return start <= end && end <= (uint)_layout.ReadingCount ? U32(_layout.Readings, _layout.ReadingCount).Slice((int)start, (int)(end - start)) : default;
    }

    // Field 0 is the lemma's string, 1 its paradigm's offset, 2 the particle + 1 (verbs), gender (nouns) or full storage (adjectives).
    private uint LemmaField(int lemmaId, int field) => U32(_layout.Lemmas, LemmaCount * 3)[lemmaId * 3 + field];

    private uint ParadigmEntry(int lemmaId, int slot, int size)
    {
        uint offset = LemmaField(lemmaId, 1);
        return (long)offset + size <= _layout.ParadigmLength ? U32(_layout.Paradigms, _layout.ParadigmLength)[(int)offset + slot] : None;
    }

    // The bytes of a string and whether they are UTF-16; false for a bad id or offsets.
    private bool TryGetString(uint id, out ReadOnlySpan<byte> bytes, out bool wide)
    {
        bytes = default;
        wide = false;
        if (id >= (uint)_layout.StringCount)
        {
            return false;
        }

        ReadOnlySpan<uint> offsets = U32(_layout.StringOffsets, _layout.StringCount + 1);
        uint start = offsets[(int)id];
        uint end = offsets[(int)id + 1] & 0x7FFF_FFFF;
        wide = (start & 0x8000_0000) != 0;
        start &= 0x7FFF_FFFF;
        if (end < start || end > (uint)_layout.StringBytesLength || (wide && ((end - start) & 1) != 0))
        {
            return false;
        }

        bytes = Bytes.Slice(_layout.StringBytes + (int)start, (int)(end - start));
        return true;
    }

    private string? Decode(uint id)
    {
        if (!TryGetString(id, out ReadOnlySpan<byte> bytes, out bool wide))
        {
            return null;
        }

        return wide ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.Latin1.GetString(bytes);
    }

    private bool EqualsIgnoreCase(int stringId, ReadOnlySpan<char> word)
    {
        if (!TryGetString((uint)stringId, out ReadOnlySpan<byte> bytes, out bool wide))
        {
            return false;
        }

        if (wide)
        {
            ReadOnlySpan<char> chars = MemoryMarshal.Cast<byte, char>(bytes);
            if (chars.Length != word.Length)
            {
                return false;
            }

            for (int i = 0; i < chars.Length; i++)
            {
                if (LexiconSlots.Lower(chars[i]) != LexiconSlots.Lower(word[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (bytes.Length != word.Length)
        {
            return false;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            char stored = (char)bytes[i];
            char given = word[i];
            if (stored != given && LexiconSlots.Lower(stored) != LexiconSlots.Lower(given))
            {
                return false;
            }
        }

        return true;
    }

    private bool EqualsExactly(int stringId, ReadOnlySpan<char> word)
    {
        if (!TryGetString((uint)stringId, out ReadOnlySpan<byte> bytes, out bool wide))
        {
            return false;
        }

        if (wide)
        {
            return MemoryMarshal.Cast<byte, char>(bytes).SequenceEqual(word);
        }

        if (bytes.Length != word.Length)
        {
            return false;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != word[i])
            {
                return false;
            }
        }

        return true;
    }

    // The static field is initialised on first use of Shared, once, by the runtime's type initialisation lock.
    private static class SharedHolder
    {
        internal static readonly GermanLexicon Instance = LoadEmbedded();
    }
}

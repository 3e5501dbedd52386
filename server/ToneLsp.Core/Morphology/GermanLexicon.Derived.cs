using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ToneLsp.Core.Morphology;

// Verbs derived at lookup time for words the table lacks (README.md, "Derived verbs"): a particle of the data's
// separable verbs before a verb form of the table ("herunterlädst", "heruntergeladen", "herunterzuladen"), and the
// regular paradigm of verbs in -ieren ("verifizierst"). Their ids are described in DerivedLemmas.
public sealed partial class GermanLexicon
{
    /// <summary>
    /// True for the id of a verb the lexicon derived rather than stored: a particle before a stored verb
    /// ("herunterladen") or a verb in -ieren known by its regular paradigm ("verifizieren", "einverifizieren").
    /// </summary>
    public bool IsDerived(int lemmaId)
    {
        if (!DerivedLemmas.TrySplit(lemmaId, out int particle, out bool ieren, out int baseIndex) || particle >= Derived.Particles.Length)
        {
            return false;
        }

        return ieren ? Derived.Stems.LemmaOf(baseIndex) is not null : IsVerbWithoutParticle(baseIndex);
    }

    /// <summary>Reads a derived reading from a stored reading of the rest after the particle; false when it gives none.</summary>
    internal bool TryDeriveReading(in Derivation derivation, uint stored, out int lemmaId, out int variant, out ulong slots)
    {
        int baseId = (int)(stored & LemmaRanges.LemmaMask);
        uint maskIndex = stored >> LemmaRanges.MaskShift;
        lemmaId = 0;
        variant = 0;
        slots = 0;
        if (((stored >> LemmaRanges.VariantShift) & 3) != (uint)VerbPlacement.Whole || !IsVerbWithoutParticle(baseId) || maskIndex >= (uint)_layout.MaskCount)
        {
            return false;
        }

        ulong mask = Masks[(int)maskIndex];
        if (derivation.ZuInfinitive)
        {
            mask = ((mask >> LexiconSlots.Infinitive) & 1) << LexiconSlots.ZuInfinitive;
        }
        else
        {
            ulong participle = 1UL << LexiconSlots.PastParticiple;
            mask &= PastParticipleJoins(derivation, baseId) ? DerivedLemmas.JoinedSlots : DerivedLemmas.JoinedSlots & ~participle;
        }

        lemmaId = DerivedLemmas.Create(derivation.Particle, false, baseId);
        variant = (int)VerbPlacement.Joined;
        slots = mask;
        return mask != 0;
    }

    // A stored verb without particle: the base of a derived compound.
    private bool IsVerbWithoutParticle(int lemmaId) => (uint)lemmaId < (uint)_layout.VerbCount && LemmaField(lemmaId, 2) == 0;

    // The particle joins the base's participle when it has ge- ("geladen"; a base that begins with ge- has a ge- of
    // its own only before its g: "gegangen", "gegeben", not gefallen's "gefallen"), or when the base is a verb in
    // -ieren, whose participle has none.
    private bool PastParticipleJoins(in Derivation derivation, int baseId) =>
        derivation.RestHasGe ? derivation.RestHasGeG || !LemmaHas(baseId, "ge", atEnd: false) : LemmaHas(baseId, "ieren", atEnd: true);

    private bool LemmaHas(int lemmaId, string lowerAffix, bool atEnd)
    {
        if (!TryGetString(LemmaField(lemmaId, 0), out ReadOnlySpan<byte> bytes, out bool wide))
        {
            return false;
        }

        int length = wide ? bytes.Length / 2 : bytes.Length;
        if (length < lowerAffix.Length)
        {
            return false;
        }

        ReadOnlySpan<char> chars = wide ? MemoryMarshal.Cast<byte, char>(bytes) : default;
        int start = atEnd ? length - lowerAffix.Length : 0;
        for (int i = 0; i < lowerAffix.Length; i++)
        {
            char c = wide ? chars[start + i] : (char)bytes[start + i];
            if (LexiconSlots.Lower(c) != lowerAffix[i])
            {
                return false;
            }
        }

        return true;
    }

    // The derivation of a word the table lacks (the caller has checked that it does): first a particle before a
    // form of the table, the longest particle that gives a reading; then a verb in -ieren.
    private bool TryDerive(ReadOnlySpan<char> word, out Derivation derivation, out ReadOnlySpan<uint> readings, bool isLemma = false)
    {
        derivation = default;
        readings = default;
        if (word.Length > DerivedLemmas.MaxWordLength || word.Length <= DerivedLemmas.MinimumRest || FormCount == 0)
        {
            return false;
        }

        // A capitalised word whose rest is also a noun, or that is a compound of known words, is a compound noun
        // ("Abfolgen", "Teilmenge", "Fehlersuche"): a joined form does not begin a sentence, so it is not read as one.
        bool capitalised = !isLemma && char.IsUpper(word[0]) && char.IsLower(word[1]);
        string[] particles = Derived.Particles;
        char second = LexiconSlots.Lower(word[1]);
        foreach (byte index in ParticlesFor(word[0]))
        {
            // The group shares the first letter; every particle has two or more.
            string particle = particles[index];
            if (particle[1] != second || word.Length - particle.Length < DerivedLemmas.MinimumRest || !StartsWithLower(word, particle))
            {
                continue;
            }

            ReadOnlySpan<char> rest = word[particle.Length..];
            int key = FindKey(rest);
            if (key >= 0 && !(capitalised && HasReading(key, PartOfSpeech.Noun)))
            {
                Derivation direct = Derivation.OfRest(index, false, StartsWithLower(rest, "ge"), StartsWithLower(rest, "geg"));
                if (AnyDerivedReading(direct, KeyReadings(key)))
                {
                    if (!IsAllLetters(word) || (capitalised && IsNounCompound(word, word.Length)))
                    {
                        break;
                    }

                    derivation = direct;
                    readings = KeyReadings(key);
                    return true;
                }
            }

            if (rest.Length - 2 >= DerivedLemmas.MinimumRest && StartsWithLower(rest, "zu") && (key = FindKey(rest[2..])) >= 0 &&
                !(capitalised && HasReading(key, PartOfSpeech.Noun)))
            {
                Derivation zu = Derivation.OfRest(index, true, false, false);
                if (AnyDerivedReading(zu, KeyReadings(key)))
                {
                    if (!IsAllLetters(word) || (capitalised && IsNounCompound(word, word.Length)))
                    {
                        break;
                    }

                    derivation = zu;
                    readings = KeyReadings(key);
                    return true;
                }
            }
        }

        return TryDeriveIeren(word, out derivation);
    }

    private bool AnyDerivedReading(in Derivation derivation, ReadOnlySpan<uint> readings)
    {
        foreach (uint stored in readings)
        {
            if (TryDeriveReading(derivation, stored, out _, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    // A form of a verb in -ieren: a stem of at least three letters with a vowel, -ier-, and a regular ending. It is
    // read as a verb without particle; where the stem begins with a particle, also as the joined form of that
    // separable verb ("einverifiziert"); and particle + zu + stem + -ieren is the zu-infinitive only.
    private bool TryDeriveIeren(ReadOnlySpan<char> word, out Derivation derivation)
    {
        derivation = default;
        if (!HasIerBeforeAnEnding(word) || !IsAllLetters(word))
        {
            return false;
        }
        (string Suffix, ulong Slots)[] suffixes = DerivedLemmas.IerenSuffixes;
        for (int suffixIndex = 0; suffixIndex < suffixes.Length; suffixIndex++)
        {
            (string suffix, ulong slots) = suffixes[suffixIndex];
            if (!EndsWithLower(word, suffix))
            {
                continue;
            }

            ReadOnlySpan<char> stem = word[..^suffix.Length];
            if (!IsStem(stem))
            {
                return false;
            }

            int particle = LongestParticle(stem);
            if (particle >= 0 && (slots & (1UL << LexiconSlots.Infinitive)) != 0)
            {
                ReadOnlySpan<char> afterParticle = stem[Derived.Particles[particle].Length..];
                if (StartsWithLower(afterParticle, "zu") && IsStem(afterParticle[2..]))
                {
                    if (!Derived.Stems.TryGetIndex(afterParticle[2..], out int inner))
                    {
                        return false;
                    }

                    derivation = Derivation.IerenZuInfinitive(DerivedLemmas.Create(particle, true, inner));
                    return true;
                }
            }

            if (IsNounCompound(word, stem.Length) || IsNegatedParticiple(word) || !Derived.Stems.TryGetIndex(stem, out int whole))
            {
                return false;
            }

            int separable = -1;
            if (particle >= 0 && (slots & DerivedLemmas.JoinedSlots) != 0 && Derived.Stems.TryGetIndex(stem[Derived.Particles[particle].Length..], out int rest))
            {
                separable = DerivedLemmas.Create(particle, true, rest);
            }

            derivation = Derivation.Ieren(suffixIndex, DerivedLemmas.Create(-1, true, whole), separable);
            return true;
        }

        return false;
    }

    // -ier- followed by at most four letters (the longest ending is -test): a quick test before the endings.
    private static bool HasIerBeforeAnEnding(ReadOnlySpan<char> word)
    {
        for (int start = word.Length - 3; start >= 0 && start >= word.Length - 7; start--)
        {
            if (LexiconSlots.Lower(word[start + 2]) == 'r' && LexiconSlots.Lower(word[start + 1]) == 'e' && LexiconSlots.Lower(word[start]) == 'i')
            {
                return true;
            }
        }

        return false;
    }

    // The longest particle the stem begins with that leaves a stem; -1 when none.
    private int LongestParticle(ReadOnlySpan<char> stem)
    {
        foreach (byte index in ParticlesFor(stem[0]))
        {
            string particle = Derived.Particles[index];
            if (StartsWithLower(stem, particle) && IsStem(stem[particle.Length..]))
            {
                return index;
            }
        }

        return -1;
    }

    private static bool IsStem(ReadOnlySpan<char> stem)
    {
        if (stem.Length < DerivedLemmas.MinimumRest)
        {
            return false;
        }

        foreach (char c in stem)
        {
            if ("aeiouyäöü".Contains(LexiconSlots.Lower(c)))
            {
                return true;
            }
        }

        return false;
    }

    // A compound of known words whose last part begins before stemLength: a known word before a noun of the table
    // that is no verb ("Toilettenpapier", "Haustiere"), or a noun before a verb form of the table
    // ("benutzerdefinierte", "Fehlersuche"). A linking s after the first part is allowed ("Zeitungspapier").
    private bool IsNounCompound(ReadOnlySpan<char> word, int stemLength)
    {
        for (int start = DerivedLemmas.MinimumRest; start < stemLength && start <= word.Length - DerivedLemmas.MinimumRest; start++)
        {
            int tail = FindKey(word[start..]);
            if (tail < 0)
            {
                continue;
            }

            bool verb = HasReading(tail, PartOfSpeech.Verb);
            if (!verb && !HasReading(tail, PartOfSpeech.Noun))
            {
                continue;
            }

            PartOfSpeech head = verb ? PartOfSpeech.Noun : PartOfSpeech.None;
            if (IsKnownAs(word[..start], head) || (start > DerivedLemmas.MinimumRest && LexiconSlots.Lower(word[start - 1]) == 's' && IsKnownAs(word[..(start - 1)], head)))
            {
                return true;
            }
        }

        return false;
    }

    // Known to the table, as the part of speech or (none) as anything.
    private bool IsKnownAs(ReadOnlySpan<char> word, PartOfSpeech partOfSpeech)
    {
        int key = FindKey(word);
        return key >= 0 && (partOfSpeech == PartOfSpeech.None || HasReading(key, partOfSpeech));
    }

    // un- before a participle or adjective of the table negates it ("unsortiert", "unkomplizierte"); it forms no verb.
    private bool IsNegatedParticiple(ReadOnlySpan<char> word)
    {
        int key = StartsWithLower(word, "un") ? FindKey(word[2..]) : -1;
        if (key < 0)
        {
            return false;
        }

        ReadOnlySpan<ulong> masks = Masks;
        foreach (uint stored in KeyReadings(key))
        {
            uint maskIndex = stored >> LemmaRanges.MaskShift;
            switch (_lemmas.PartOfSpeechOf((int)(stored & LemmaRanges.LemmaMask)))
            {
                case PartOfSpeech.Adjective:
                    return true;
                case PartOfSpeech.Verb when maskIndex < (uint)masks.Length && (masks[(int)maskIndex] & (1UL << LexiconSlots.PastParticiple)) != 0:
                    return true;
            }
        }

        return false;
    }

    private bool HasReading(int key, PartOfSpeech partOfSpeech)
    {
        foreach (uint stored in KeyReadings(key))
        {
            if (_lemmas.PartOfSpeechOf((int)(stored & LemmaRanges.LemmaMask)) == partOfSpeech)
            {
                return true;
            }
        }

        return false;
    }

    // The id Lookup gives the lemma as an infinitive (in lower case), for a verb the table lacks; -1 when none.
    private int FindDerivedLemma(ReadOnlySpan<char> lemma)
    {
        if (FindKey(lemma) >= 0 || !TryDerive(lemma, out Derivation derivation, out ReadOnlySpan<uint> readings, isLemma: true))
        {
            return -1;
        }

        const ulong infinitive = 1UL << LexiconSlots.Infinitive;
        if (derivation.SyntheticCount > 0)
        {
            return (derivation.FirstSlots & infinitive) != 0 ? derivation.FirstLemma : -1;
        }

        foreach (uint stored in readings)
        {
            if (TryDeriveReading(derivation, stored, out int lemmaId, out _, out ulong slots) && (slots & infinitive) != 0)
            {
                return lemmaId;
            }
        }

        return -1;
    }

    private string? DerivedLemma(int lemmaId)
    {
        if (!IsDerived(lemmaId))
        {
            return null;
        }

        DerivedLemmas.TrySplit(lemmaId, out int particle, out bool ieren, out int baseIndex);
        if (particle < 0)
        {
            return Derived.Stems.LemmaOf(baseIndex);
        }

        if (Derived.Names.TryGetValue(lemmaId, out string? name))
        {
            return name;
        }

        name = Derived.Particles[particle] + (ieren ? Derived.Stems.LemmaOf(baseIndex) : Lemma(baseIndex));
        if (Volatile.Read(ref Derived.NameCount) < IerenStems.Capacity && Derived.Names.TryAdd(lemmaId, name))
        {
            Interlocked.Increment(ref Derived.NameCount);
        }

        return name;
    }

    private string? DerivedParticle(int lemmaId) =>
        IsDerived(lemmaId) && DerivedLemmas.TrySplit(lemmaId, out int particle, out _, out _) && particle >= 0 ? Derived.Particles[particle] : null;

    // A form of a derived verb: for a compound, the base's form, with the particle before it where it is joined.
    private string? SynthesizeDerived(int lemmaId, int slot, VerbPlacement placement)
    {
        if (!IsDerived(lemmaId))
        {
            return null;
        }

        DerivedLemmas.TrySplit(lemmaId, out int particle, out bool ieren, out int baseIndex);
        if (particle < 0)
        {
            return BaseForm(ieren, baseIndex, slot);
        }

        string prefix = Derived.Particles[particle];
        string? form;
        switch (slot)
        {
            case < LexiconSlots.FiniteSlots:
                form = BaseForm(ieren, baseIndex, slot);
                return form is null || placement == VerbPlacement.SeparatedStem ? form : prefix + form;
            case LexiconSlots.ImperativeSingular or LexiconSlots.ImperativePlural or LexiconSlots.ShortImperative:
                return placement == VerbPlacement.Joined ? null : BaseForm(ieren, baseIndex, slot);
            case LexiconSlots.ZuInfinitive:
                form = BaseForm(ieren, baseIndex, LexiconSlots.Infinitive);
                return form is null ? null : string.Concat(prefix, "zu", form);
            default:
                form = BaseForm(ieren, baseIndex, slot);
                return form is null ? null : prefix + form;
        }
    }

    private string? BaseForm(bool ieren, int baseIndex, int slot)
    {
        if (!ieren)
        {
            return Decode(ParadigmEntry(baseIndex, slot, LexiconSlots.VerbSlots));
        }

        string? lemma = Derived.Stems.LemmaOf(baseIndex);
        string? ending = (uint)slot < (uint)DerivedLemmas.IerenEndings.Length ? DerivedLemmas.IerenEndings[slot] : null;
        return lemma is null || ending is null ? null : string.Concat(lemma.AsSpan(0, lemma.Length - 2), ending);
    }

    private DerivedState Derived => Volatile.Read(ref _derived) ?? CreateDerivedState();

    private DerivedState CreateDerivedState()
    {
        (string[] particles, byte[] order, ushort[] groups) = FormCount == 0 ? ([], [], new ushort[257]) : ReadParticles();
        Interlocked.CompareExchange(ref _derived, new DerivedState(particles, order, groups), null);
        return _derived!;
    }

    // The particles from the file, lower-cased, and their indices grouped by first letter.
    private (string[] Particles, byte[] Order, ushort[] Groups) ReadParticles()
    {
        int count = _layout.ParticleCount;
        ReadOnlySpan<uint> ids = U32(_layout.Particles, count);
        var particles = new string[count];
        var groups = new ushort[257];
        for (int i = 0; i < count; i++)
        {
            particles[i] = Decode(ids[i]) is { Length: >= 2 } text ? LexiconSlots.Lower(text) : string.Empty;
            if (particles[i].Length > 0 && particles[i][0] < 256)
            {
                groups[particles[i][0] + 1]++;
            }
        }

        for (int c = 1; c < groups.Length; c++)
        {
            groups[c] += groups[c - 1];
        }

        var order = new byte[groups[256]];
        var next = (ushort[])groups.Clone();
        for (int i = 0; i < count; i++)
        {
            if (particles[i].Length > 0 && particles[i][0] < 256)
            {
                order[next[particles[i][0]]++] = (byte)i;
            }
        }

        return (particles, order, groups);
    }

    // The indices of the particles that begin with the letter, longest first.
    private ReadOnlySpan<byte> ParticlesFor(char first)
    {
        char lower = LexiconSlots.Lower(first);
        DerivedState derived = Derived;
        return lower < 256 ? derived.Order.AsSpan(derived.Groups[lower], derived.Groups[lower + 1] - derived.Groups[lower]) : default;
    }

    private static bool IsAllLetters(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWithLower(ReadOnlySpan<char> word, string lowerPrefix)
    {
        if (word.Length < lowerPrefix.Length)
        {
            return false;
        }

        for (int i = 0; i < lowerPrefix.Length; i++)
        {
            if (LexiconSlots.Lower(word[i]) != lowerPrefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithLower(ReadOnlySpan<char> word, string lowerSuffix) =>
        word.Length >= lowerSuffix.Length && StartsWithLower(word[^lowerSuffix.Length..], lowerSuffix);

    // The particles of separable verbs, lower-case, longest first; their indices grouped by first letter (Latin-1),
    // each group longest first (group c is Order[Groups[c] .. Groups[c + 1]]); the stems of verbs in -ieren met; and
    // the names of derived compounds made.
    private sealed class DerivedState(string[] particles, byte[] order, ushort[] groups)
    {
        public string[] Particles { get; } = particles;

        public byte[] Order { get; } = order;

        public ushort[] Groups { get; } = groups;

        public IerenStems Stems { get; } = new();

        public ConcurrentDictionary<int, string> Names { get; } = new();

        public int NameCount;
    }
}

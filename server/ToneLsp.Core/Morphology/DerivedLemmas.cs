using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ToneLsp.Core.Morphology;

/// <summary>
/// Ids of the verbs <see cref="GermanLexicon"/> derives at lookup time for words its table lacks, and the regular
/// paradigm of verbs in -ieren. An id is <see cref="Flag"/> (bit 30, above every stored lemma id) with the
/// particle's index + 1 in bits 18–25 (0: none), <see cref="IerenFlag"/> (bit 26) when the base is a verb in -ieren
/// known only by its stem, and in bits 0–17 the base: a stored verb's lemma id or the stem's index in
/// <see cref="IerenStems"/>. Every other bit is 0, so no id of a stored lemma and no negative number is derived.
/// </summary>
internal static class DerivedLemmas
{
    /// <summary>Set in every derived id.</summary>
    public const int Flag = 1 << 30;

    /// <summary>Set when the base is a verb in -ieren derived from its stem.</summary>
    public const int IerenFlag = 1 << 26;

    /// <summary>The most particles a lexicon may list (8 bits hold the index + 1).</summary>
    public const int MaxParticles = 255;

    /// <summary>Words longer than this are not decomposed.</summary>
    public const int MaxWordLength = 40;

    /// <summary>The fewest letters a rest after the particle, or a stem before -ier-, may have.</summary>
    public const int MinimumRest = 3;

    private const int ParticleShift = 18;
    private const int BaseMask = (1 << ParticleShift) - 1;
    private const int ParticleBits = 0xFF << ParticleShift;

    /// <summary>The id of a derived verb: a particle (index, or -1 for none) before a base.</summary>
    public static int Create(int particle, bool ieren, int baseIndex) =>
        Flag | (ieren ? IerenFlag : 0) | ((particle + 1) << ParticleShift) | (baseIndex & BaseMask);

    /// <summary>Splits an id that has the shape of a derived one; false for any other number.</summary>
    public static bool TrySplit(int id, out int particle, out bool ieren, out int baseIndex)
    {
        particle = ((id >> ParticleShift) & 0xFF) - 1;
        ieren = (id & IerenFlag) != 0;
        baseIndex = id & BaseMask;
        return (id & Flag) != 0 && (id & ~(Flag | IerenFlag | ParticleBits | BaseMask)) == 0 && (ieren || particle >= 0);
    }

    /// <summary>
    /// The endings after -ier- of a weak verb in -ieren, by verb slot (null: the slot has no form; the
    /// zu-infinitive of a verb without particle is two words, "zu verifizieren", as for the stored verbs).
    /// </summary>
    public static readonly string?[] IerenEndings =
    [
        "e", "st", "t", "en", "t", "en", // present: 1st, 2nd, 3rd singular, then plural
        "te", "test", "te", "ten", "tet", "ten", // past
        "e", "est", "e", "en", "et", "en", // Konjunktiv I
        "te", "test", "te", "ten", "tet", "ten", // Konjunktiv II
        "e", "t", string.Empty, "en", null, "end", "t", // imperative singular, plural, short; infinitive, zu-infinitive, participles
    ];

    /// <summary>Each distinct "ier" + ending, with the slots it fills.</summary>
    public static readonly (string Suffix, ulong Slots)[] IerenSuffixes = BuildIerenSuffixes();

    /// <summary>The slots a joined form of a separable verb can fill: finite, infinitive and participles.</summary>
    public const ulong JoinedSlots = ((1UL << LexiconSlots.FiniteSlots) - 1) | (1UL << LexiconSlots.Infinitive) |
        (1UL << LexiconSlots.PresentParticiple) | (1UL << LexiconSlots.PastParticiple);

    private static (string Suffix, ulong Slots)[] BuildIerenSuffixes()
    {
        var slots = new Dictionary<string, ulong>(StringComparer.Ordinal);
        string?[] endings = IerenEndings;
        for (int slot = 0; slot < endings.Length; slot++)
        {
            if (endings[slot] is { } ending)
            {
                slots[ending] = slots.GetValueOrDefault(ending) | (1UL << slot);
            }
        }

        return [.. slots.OrderByDescending(pair => pair.Key.Length).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => ("ier" + pair.Key, pair.Value))];
    }
}

/// <summary>
/// The stems of the verbs in -ieren met at lookup time ("verifiz" for verifizieren), each with an index for its
/// derived lemma id; at most <see cref="Capacity"/>, after which new stems are not derived. Looking up a stem met
/// before does not allocate. Safe to share between threads.
/// </summary>
internal sealed class IerenStems
{
    /// <summary>The most stems kept.</summary>
    public const int Capacity = 1 << 16;

    private readonly ConcurrentDictionary<string, int> _ids = new(StemComparer.Instance);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _gate = new();
    private string[] _lemmas = new string[64];
    private int _count;

    public IerenStems()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The index of a stem, case-insensitive, adding it when new; false when the registry is full.</summary>
    public bool TryGetIndex(ReadOnlySpan<char> stem, out int index)
    {
        if (_lookup.TryGetValue(stem, out index))
        {
            return true;
        }

        lock (_gate)
        {
            if (_lookup.TryGetValue(stem, out index))
            {
                return true;
            }

            if (_count >= Capacity)
            {
                index = -1;
                return false;
            }

            string key = LexiconSlots.Lower(stem);
            index = _count;
            string[] lemmas = _lemmas;
            if (index == lemmas.Length)
            {
                Array.Resize(ref lemmas, lemmas.Length * 2);
            }

            lemmas[index] = key + "ieren";
            Volatile.Write(ref _lemmas, lemmas);
            Volatile.Write(ref _count, index + 1);
            _ids[key] = index;
            return true;
        }
    }

    /// <summary>The lemma ("verifizieren") of a stem's index, or null.</summary>
    public string? LemmaOf(int index)
    {
        int count = Volatile.Read(ref _count);
        string[] lemmas = Volatile.Read(ref _lemmas);
        return (uint)index < (uint)count && index < lemmas.Length ? lemmas[index] : null;
    }

    // Compares stems as the lexicon compares words: by the code units lower-cased with LexiconSlots.Lower.
    private sealed class StemComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
    {
        public static readonly StemComparer Instance = new();

        public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : Equals(x.AsSpan(), y);

        public int GetHashCode([DisallowNull] string obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<char> alternate, string other)
        {
            if (alternate.Length != other.Length)
            {
                return false;
            }

            for (int i = 0; i < alternate.Length; i++)
            {
                if (LexiconSlots.Lower(alternate[i]) != LexiconSlots.Lower(other[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ReadOnlySpan<char> alternate) => (int)LexiconSlots.Hash(alternate);

        public string Create(ReadOnlySpan<char> alternate) => LexiconSlots.Lower(alternate);
    }
}

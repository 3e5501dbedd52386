using System.Runtime.InteropServices;

namespace ToneLsp.Core.Morphology;

/// <summary>
/// The header of german.lexicon: counts and section offsets, checked against the file's length so that every
/// later read stays inside the file. The layout is written by scripts/build-lexicon.mjs and described in README.md.
/// </summary>
internal readonly record struct LexiconLayout
{
    /// <summary>"TLEX" read as a little-endian number.</summary>
    public const uint Magic = 0x5845_4C54;

    /// <summary>The format version this reader understands.</summary>
    public const uint FormatVersion = 2;

    /// <summary>The header's size in bytes.</summary>
    public const int HeaderSize = 128;

    private const int HeaderFields = 29;

    public int StringCount { get; init; }

    public int KeyCount { get; init; }

    public int ReadingCount { get; init; }

    public int MaskCount { get; init; }

    public int LemmaCount { get; init; }

    public int VerbCount { get; init; }

    public int NounCount { get; init; }

    public int ParadigmLength { get; init; }

    public int LemmaNameCount { get; init; }

    public int FormHashBits { get; init; }

    public int FormIndexBits { get; init; }

    public int LemmaHashBits { get; init; }

    public int LemmaIndexBits { get; init; }

    public int StringOffsets { get; init; }

    public int StringBytes { get; init; }

    public int StringBytesLength { get; init; }

    public int KeyStarts { get; init; }

    public int Readings { get; init; }

    public int Masks { get; init; }

    public int FormHash { get; init; }

    public int Lemmas { get; init; }

    public int Paradigms { get; init; }

    public int LemmaNames { get; init; }

    public int LemmaHash { get; init; }

    /// <summary>The number of particles of separable verbs (at most 255).</summary>
    public int ParticleCount { get; init; }

    /// <summary>The particles' string ids, longest first.</summary>
    public int Particles { get; init; }

    /// <summary>Reads and checks the header; returns why the data is not a lexicon, or null.</summary>
    public static string? Read(ReadOnlySpan<byte> data, out LexiconLayout layout)
    {
        layout = default;
        if (!BitConverter.IsLittleEndian)
        {
            return "the lexicon reader needs a little-endian machine";
        }

        if (data.Length < HeaderSize)
        {
            return $"the lexicon has {data.Length} bytes, fewer than its header";
        }

        ReadOnlySpan<uint> header = MemoryMarshal.Cast<byte, uint>(data[..HeaderSize]);
        if (header[0] != Magic)
        {
            return "the data is not a ToneLsp lexicon (wrong magic number)";
        }

        if (header[1] != FormatVersion)
        {
            return $"the lexicon has format version {header[1]}; this build reads version {FormatVersion}";
        }

        if (header[2] != (uint)data.Length)
        {
            return $"the lexicon has {data.Length} bytes, its header says {header[2]}";
        }

        for (int i = 3; i < HeaderFields; i++)
        {
            if (header[i] > int.MaxValue / 16)
            {
                return $"header field {i} is out of range";
            }
        }

        int[] f = new int[HeaderFields];
        for (int i = 0; i < HeaderFields; i++)
        {
            f[i] = (int)header[i];
        }

        var candidate = new LexiconLayout
        {
            StringCount = f[3],
            KeyCount = f[4],
            ReadingCount = f[5],
            MaskCount = f[6],
            LemmaCount = f[7],
            VerbCount = f[8],
            NounCount = f[9],
            ParadigmLength = f[11],
            LemmaNameCount = f[12],
            FormHashBits = f[13],
            FormIndexBits = f[14],
            LemmaHashBits = f[15],
            LemmaIndexBits = f[16],
            StringOffsets = f[17],
            StringBytes = f[18],
            KeyStarts = f[19],
            Readings = f[20],
            Masks = f[21],
            FormHash = f[22],
            Lemmas = f[23],
            Paradigms = f[24],
            LemmaNames = f[25],
            LemmaHash = f[26],
            ParticleCount = f[27],
            Particles = f[28],
        };

        if ((long)candidate.VerbCount + candidate.NounCount + f[10] != candidate.LemmaCount || candidate.LemmaCount > (int)LemmaRanges.LemmaMask + 1 ||
            candidate.KeyCount > candidate.StringCount || candidate.MaskCount > 1 << (32 - LemmaRanges.MaskShift) ||
            candidate.ParticleCount > DerivedLemmas.MaxParticles)
        {
            return "the lexicon's counts do not agree";
        }

        if (candidate.FormHashBits is < 1 or > 30 || candidate.LemmaHashBits is < 1 or > 30 ||
            candidate.FormIndexBits is < 1 or > 31 || candidate.LemmaIndexBits is < 1 or > 31 ||
            candidate.KeyCount >= 1L << candidate.FormIndexBits || candidate.LemmaNameCount >= 1L << candidate.LemmaIndexBits ||
            candidate.KeyCount >= 1L << candidate.FormHashBits || candidate.LemmaNameCount >= 1L << candidate.LemmaHashBits)
        {
            return "the lexicon's hash tables do not fit their entries";
        }

        int length = data.Length;
        bool Fits(int offset, long size) => offset >= HeaderSize && offset + size <= length;
        if (!Fits(candidate.StringOffsets, (candidate.StringCount + 1L) * 4) || !Fits(candidate.KeyStarts, (candidate.KeyCount + 1L) * 4) ||
            !Fits(candidate.Readings, candidate.ReadingCount * 4L) || !Fits(candidate.Masks, candidate.MaskCount * 8L) ||
            !Fits(candidate.FormHash, (1L << candidate.FormHashBits) * 4) || !Fits(candidate.Lemmas, candidate.LemmaCount * 12L) ||
            !Fits(candidate.Paradigms, candidate.ParadigmLength * 4L) || !Fits(candidate.LemmaNames, candidate.LemmaNameCount * 8L) ||
            !Fits(candidate.LemmaHash, (1L << candidate.LemmaHashBits) * 4) || !Fits(candidate.Particles, candidate.ParticleCount * 4L))
        {
            return "a section of the lexicon lies outside the file";
        }

        uint stringBytes = MemoryMarshal.Cast<byte, uint>(data.Slice(candidate.StringOffsets, (candidate.StringCount + 1) * 4))[candidate.StringCount];
        ReadOnlySpan<uint> keyStarts = MemoryMarshal.Cast<byte, uint>(data.Slice(candidate.KeyStarts, (candidate.KeyCount + 1) * 4));
        if (!Fits(candidate.StringBytes, stringBytes) || keyStarts[0] != 0 || keyStarts[candidate.KeyCount] != (uint)candidate.ReadingCount)
        {
            return "the lexicon's strings or readings do not add up";
        }

        layout = candidate with { StringBytesLength = (int)stringBytes };
        return null;
    }
}

using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Rules;

// The phrase catalogue: the built-in rules as the YAML files define them, parsed ahead of time into a compact binary
// file (Rules/phrases.catalogue, embedded), so that start-up reads strings and lists instead of parsing YAML and some
// 800 patterns with their anchor lists. The YAML files stay the source of truth: the catalogue records a hash of
// them and is ignored when they have changed since it was written, and a test checks that the committed catalogue is
// what they produce (TONELSP_UPDATE_CATALOGUE=1 rewrites it).
public static partial class LexiconLoader
{
    private const string CatalogueResource = "ToneLsp.Core.Rules.phrases.catalogue";
    private const int CatalogueFormat = 2;

    private static ReadOnlySpan<byte> CatalogueMagic => "TONECAT"u8;

    // The resources a built-in rule's parse depends on: its file, the word classes and the shared rewrites.
    private static readonly string[] CatalogueSourcePrefixes = [ResourcePrefix, "ToneLsp.Core.WordClasses.", "ToneLsp.Core.Rewrites."];

    /// <summary>
    /// A 64-bit FNV-1a hash of the embedded YAML files the built-in rules are parsed from, names and contents, in name
    /// order. Not cryptographic: it only tells whether the catalogue was made from these files.
    /// </summary>
    internal static ulong BuiltInSourceHash()
    {
        const ulong prime = 1099511628211;
        ulong hash = 14695981039346656037;
        Assembly assembly = typeof(LexiconLoader).Assembly;
        byte[] buffer = new byte[16384];
        foreach (string name in assembly.GetManifestResourceNames()
                     .Where(n => CatalogueSourcePrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
                     .Order(StringComparer.Ordinal))
        {
            foreach (byte b in Encoding.UTF8.GetBytes(name + "\n"))
            {
                hash = (hash ^ b) * prime;
            }

            using Stream? stream = assembly.GetManifestResourceStream(name);
            for (int read; stream is not null && (read = stream.Read(buffer, 0, buffer.Length)) > 0;)
            {
                foreach (byte b in buffer.AsSpan(0, read))
                {
                    hash = (hash ^ b) * prime;
                }
            }
        }

        return hash;
    }

    /// <summary>The catalogue this build embeds; empty when there is none.</summary>
    internal static byte[] EmbeddedCatalogue()
    {
        using Stream? stream = typeof(LexiconLoader).Assembly.GetManifestResourceStream(CatalogueResource);
        if (stream is null)
        {
            return [];
        }

        byte[] bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Writes rules (the built-in ones, as parsed from YAML) into the catalogue format, with the hash of their sources.</summary>
    internal static byte[] WriteCatalogue(IReadOnlyList<LexiconRule> rules, ulong sourceHash)
    {
        var writer = new CatalogueWriter();
        writer.Int(rules.Count);
        foreach (LexiconRule rule in rules)
        {
            DiagnosticDescriptor descriptor = rule.Descriptor;
            writer.Text(rule.SourceName);
            writer.Text(descriptor.Id);
            writer.Text(descriptor.Category);
            writer.Int((int)descriptor.DefaultSeverity);
            foreach (RuleTexts texts in new[] { descriptor.English, descriptor.German })
            {
                writer.Text(texts.Title);
                writer.Text(texts.MessageFormat);
                writer.Text(texts.HelpText);
                writer.Text(texts.Example);
            }

            writer.Texts(rule.SkipChannels);
            writer.Int(rule.AlongsideHelp is { } alongside ? (int)alongside : 0);
            writer.Int(rule.Phrases.Count);
            foreach (LexiconPhrase phrase in rule.Phrases)
            {
                writer.Int((int)phrase.Language);
                writer.Text(phrase.Pattern);
                writer.Anchors(phrase.Anchors);
                writer.OptionalText(phrase.Message);
                writer.Int((int)phrase.Scope);
                writer.Int((int)phrase.Subject);
                writer.Int(phrase.Rewrites.Count);
                foreach (LexiconRewrite rewrite in phrase.Rewrites)
                {
                    writer.OptionalText(rewrite.Text);
                    writer.OptionalText(rewrite.Du);
                    writer.OptionalText(rewrite.Sie);
                }

                writer.Texts(phrase.UnlessPatterns);
                writer.Texts(phrase.Flag);
                writer.Texts(phrase.Pass);
                writer.Int(phrase.SourceLine);

                // No parts: the whole pattern is the one expression. Else one part per top-level alternative.
                bool whole = phrase.Parts.Count == 1 && ReferenceEquals(phrase.Parts[0].Matcher, phrase.Matcher);
                writer.Int(whole ? 0 : phrase.Parts.Count);
                foreach (PhrasePart part in whole ? [] : phrase.Parts)
                {
                    writer.Anchors(part.Anchors);
                }
            }
        }

        return writer.ToArray(sourceHash);
    }

    /// <summary>
    /// The rules of a catalogue, with their expressions built on first use as <paramref name="expressions"/> says; null
    /// when the catalogue is missing, of another format, made from other sources or damaged. Never throws.
    /// </summary>
    internal static IReadOnlyList<LexiconRule>? ReadCatalogue(byte[] catalogue, ulong sourceHash, PhraseExpressions expressions)
    {
        try
        {
            var reader = new CatalogueReader(catalogue);
            return reader.Accepts(sourceHash) ? ReadRules(reader, BuiltInReading(expressions)) : null;
        }
        catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentException or FormatException or InvalidDataException or OverflowException)
        {
            return null;
        }
    }

    private static List<LexiconRule> ReadRules(CatalogueReader reader, PhraseReading reading)
    {
        var rules = new List<LexiconRule>(reader.Count());
        for (int r = rules.Capacity; r > 0; r--)
        {
            string sourceName = reader.Text();
            string id = reader.Text();
            string category = reader.Text();
            var severity = (DiagnosticSeverity)reader.Int();
            var english = new RuleTexts(reader.Text(), reader.Text(), reader.Text(), reader.Text());
            var german = new RuleTexts(reader.Text(), reader.Text(), reader.Text(), reader.Text());
            IReadOnlyList<string> skipChannels = reader.Texts();
            int alongsideHelp = reader.Int();
            var phrases = new List<LexiconPhrase>(reader.Count());
            for (int p = phrases.Capacity; p > 0; p--)
            {
                var language = (Language)reader.Int();
                string pattern = reader.Text();
                IReadOnlyList<IReadOnlyList<string>> anchors = reader.Anchors();
                string? message = reader.OptionalText();
                var scope = (RewriteScope)reader.Int();
                var subject = (SubjectConstraint)reader.Int();
                var rewrites = new LexiconRewrite[reader.Count()];
                for (int i = 0; i < rewrites.Length; i++)
                {
                    rewrites[i] = new LexiconRewrite(reader.OptionalText(), reader.OptionalText(), reader.OptionalText());
                }

                IReadOnlyList<string> unless = reader.Texts();
                IReadOnlyList<string> flag = reader.Texts();
                IReadOnlyList<string> pass = reader.Texts();
                int sourceLine = reader.Int();
                Lazy<Regex> matcher = DeferredMatcher(pattern, reading);
                int partCount = reader.Count();
                PhrasePart[] parts;
                if (partCount == 0)
                {
                    parts = [Part(matcher, anchors, pattern, reading)];
                }
                else
                {
                    IReadOnlyList<string> alternatives = PhrasePattern.TopLevelAlternatives(pattern);
                    if (alternatives.Count != partCount)
                    {
                        throw new InvalidDataException($"The catalogue splits '{pattern}' into {partCount} parts, the pattern has {alternatives.Count}.");
                    }

                    parts = new PhrasePart[partCount];
                    for (int i = 0; i < partCount; i++)
                    {
                        parts[i] = Part(DeferredMatcher(alternatives[i], reading), reader.Anchors(), alternatives[i], reading);
                    }
                }

                phrases.Add(new LexiconPhrase(language, pattern, matcher, anchors, message, scope, rewrites, UnlessMatchers(unless, reading), flag, pass, sourceLine)
                {
                    Subject = subject,
                    Parts = parts,
                    UnlessPatterns = unless,
                });
            }

            rules.Add(new LexiconRule(new DiagnosticDescriptor(id, category, severity, english, german), phrases, sourceName, skipChannels, alongsideHelp == 0 ? null : (DiagnosticSeverity)alongsideHelp));
        }

        reader.ExpectEnd();
        return rules;
    }

    // Strings and word lists are written once each, in tables after the header, and referred to by their index.
    private sealed class CatalogueWriter
    {
        private readonly MemoryStream _body = new();
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private readonly List<string> _stringOrder = [];
        private readonly Dictionary<string, int> _lists = new(StringComparer.Ordinal);
        private readonly List<int[]> _listOrder = [];

        public void Int(int value) => WriteInt(_body, value);

        public void Text(string value) => Int(StringIndex(value));

        public void OptionalText(string? value) => Int(value is null ? 0 : StringIndex(value) + 1);

        public void Texts(IReadOnlyList<string> values)
        {
            Int(values.Count);
            foreach (string value in values)
            {
                Text(value);
            }
        }

        public void Anchors(IReadOnlyList<IReadOnlyList<string>> groups)
        {
            Int(groups.Count);
            foreach (IReadOnlyList<string> group in groups)
            {
                int[] indices = [.. group.Select(StringIndex)];
                string key = string.Join(",", indices);
                if (!_lists.TryGetValue(key, out int index))
                {
                    index = _listOrder.Count;
                    _lists.Add(key, index);
                    _listOrder.Add(indices);
                }

                Int(index);
            }
        }

        public byte[] ToArray(ulong sourceHash)
        {
            var output = new MemoryStream();
            output.Write(CatalogueMagic);
            WriteInt(output, CatalogueFormat);
            Span<byte> hash = stackalloc byte[sizeof(ulong)];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(hash, sourceHash);
            output.Write(hash);
            WriteInt(output, _stringOrder.Count);
            foreach (string value in _stringOrder)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(value);
                WriteInt(output, bytes.Length);
                output.Write(bytes);
            }

            WriteInt(output, _listOrder.Count);
            foreach (int[] list in _listOrder)
            {
                WriteInt(output, list.Length);
                foreach (int index in list)
                {
                    WriteInt(output, index);
                }
            }

            _body.WriteTo(output);
            return output.ToArray();
        }

        private int StringIndex(string value)
        {
            if (!_strings.TryGetValue(value, out int index))
            {
                index = _stringOrder.Count;
                _strings.Add(value, index);
                _stringOrder.Add(value);
            }

            return index;
        }

        // Unsigned LEB128: seven bits a byte, the high bit set on all but the last.
        private static void WriteInt(Stream stream, int value)
        {
            uint rest = (uint)value;
            while (rest >= 0x80)
            {
                stream.WriteByte((byte)(rest | 0x80));
                rest >>= 7;
            }

            stream.WriteByte((byte)rest);
        }
    }

    private sealed class CatalogueReader(byte[] bytes)
    {
        private int _position;
        private string[] _strings = [];
        private string[][] _lists = [];

        // Checks the header and reads the tables; false when the catalogue is not one made from these sources.
        public bool Accepts(ulong sourceHash)
        {
            if (bytes.Length < CatalogueMagic.Length + 9 || !bytes.AsSpan(0, CatalogueMagic.Length).SequenceEqual(CatalogueMagic))
            {
                return false;
            }

            _position = CatalogueMagic.Length;
            if (Int() != CatalogueFormat ||
                System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(_position, sizeof(ulong))) != sourceHash)
            {
                return false;
            }

            _position += sizeof(ulong);
            _strings = new string[Count()];
            for (int i = 0; i < _strings.Length; i++)
            {
                int length = Int();
                _strings[i] = Encoding.UTF8.GetString(bytes, _position, length);
                _position += length;
            }

            _lists = new string[Count()][];
            for (int i = 0; i < _lists.Length; i++)
            {
                var list = new string[Count()];
                for (int j = 0; j < list.Length; j++)
                {
                    list[j] = _strings[Int()];
                }

                _lists[i] = list;
            }

            return true;
        }

        public int Int()
        {
            uint value = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException("A number in the catalogue is too long.");
                }

                byte b = bytes[_position++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return checked((int)value);
                }
            }
        }

        // A number of items, each of which takes at least a byte: more than the bytes left means a damaged catalogue.
        public int Count()
        {
            int count = Int();
            return count <= bytes.Length - _position ? count : throw new InvalidDataException($"The catalogue announces {count} items with {bytes.Length - _position} bytes left.");
        }

        public string Text() => _strings[Int()];

        public string? OptionalText() => Int() is var index and > 0 ? _strings[index - 1] : null;

        public IReadOnlyList<string> Texts()
        {
            var values = new string[Count()];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Text();
            }

            return values;
        }

        public IReadOnlyList<IReadOnlyList<string>> Anchors()
        {
            var groups = new IReadOnlyList<string>[Count()];
            for (int i = 0; i < groups.Length; i++)
            {
                groups[i] = _lists[Int()];
            }

            return groups;
        }

        public void ExpectEnd()
        {
            if (_position != bytes.Length)
            {
                throw new InvalidDataException($"The catalogue has {bytes.Length - _position} bytes after its last rule.");
            }
        }
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

/// <summary>A template built from fragments that exercise the parser, the rules and the converter.</summary>
public sealed record TemplateText(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text.Replace("\r", "\\r").Replace("\n", "\\n");
}

/// <summary>An incremental edit: a range given as line/character (possibly out of range) and new text.</summary>
public sealed record Edit(int StartLine, int StartCharacter, int EndLine, int EndCharacter, string NewText);

/// <summary>Generators for property tests.</summary>
public static class TemplateArbitraries
{
    private static readonly string[] Fragments =
    [
        "Wie bereits erwähnt, ", "Hallo {{vorname}}, ", "Können Sie uns helfen? ", "Kannst du uns deine Nummer per DM schicken? ",
        "Danke für Ihre Geduld! ", "Sie meldet sich morgen. ", "WIR KÖNNEN DA NICHTS MACHEN!!! ", "Na super 🙄 ", "As I said before, ",
        "`Sie`", "[Ihr Link](https://example.com/Sie) ", "mail@example.com ", "${name} ", "%NAME% ", "[[link]] ", "**fett** ", "_kursiv_ ",
        "\n", "\r\n", "\n\n", "\r\n\r\n", "> Kannst du mir helfen?\n\n", "# Überschrift\n", "- Punkt\n", "```\nSie Code\n```\n",
        "    eingerückter Code\n", "<!-- tonelsp-disable-next-line -->\n", "<!-- tonelsp-disable TONE001 -->", "<div>Sie</div>\n", "---\nlanguage: de\n---\n",
        "😀", "ü", "ß", "\t", " ", ",", ".", "?", "!", "{", "}", "[", "]", "<", ">", "\\", "\"", "„", "“", "\u0000", "\uFEFF", "\ud83d",
    ];

    /// <summary>Templates.</summary>
    public static Arbitrary<TemplateText> Templates() =>
        Gen.ListOf(Gen.Elements(Fragments)).Select(parts => new TemplateText(string.Concat(parts))).ToArbitrary();

    /// <summary>Edits whose positions may lie outside the text.</summary>
    public static Arbitrary<Edit> Edits() =>
        (from startLine in Gen.Choose(-1, 12)
         from startCharacter in Gen.Choose(-1, 40)
         from endLine in Gen.Choose(-1, 12)
         from endCharacter in Gen.Choose(-1, 40)
         from text in Gen.Elements(Fragments)
         select new Edit(startLine, startCharacter, endLine, endCharacter, text)).ToArbitrary();
}

/// <summary>Properties that hold for any template: the analysis never throws, ranges stay inside the text, fixes stay inside their edits, conversion leaves protected text alone.</summary>
[Properties(Arbitrary = [typeof(TemplateArbitraries)], MaxTest = 300)]
public class PropertyTests
{
    [Property]
    public bool AnalysisNeverThrowsAndRangesLieInsideTheDocument(TemplateText template)
    {
        AnalysisResult result = ToneEngine.Default.Analyze(template.Text);
        return result.Failures.Count == 0 &&
               result.Diagnostics.All(d => d.Span.Start >= 0 && d.Span.End <= template.Text.Length && d.Span.Length >= 0);
    }

    [Property]
    public bool EveryFixChangesOnlyTheTextInsideItsEdits(TemplateText template)
    {
        AnalysisResult result = ToneEngine.Default.Analyze(template.Text);
        foreach (ToneDiagnostic diagnostic in result.Diagnostics)
        {
            foreach (CodeFix fix in ToneEngine.Default.GetFixes(result, diagnostic))
            {
                string fixedText = result.Document.Source.ApplyEdits(fix.Edits);
                if (!OnlyInsideEdits(template.Text, fixedText, fix.Edits))
                {
                    return false;
                }
            }
        }

        string all = result.Document.Source.ApplyEdits(ToneEngine.Default.GetFixAllEdits(result));
        return OnlyInsideEdits(template.Text, all, ToneEngine.Default.GetFixAllEdits(result));
    }

    [Property]
    public bool ConversionNeverTouchesCodeLinksPlaceholdersOrTheCustomer(TemplateText template)
    {
        var document = TemplateDocument.ParseAs(template.Text, Language.German);
        foreach (AddressForm target in new[] { AddressForm.Du, AddressForm.Sie })
        {
            foreach (TextEdit edit in AddressFormConverter.ConvertDocument(document, target))
            {
                // Every edited character is reply prose: not masked out, not in a quoted block.
                for (int i = edit.Span.Start; i < edit.Span.End; i++)
                {
                    if (document.Prose[i] != document.Source.Text[i] || document.Blocks.Any(b => b.IsQuoted && b.Span.Contains(i)))
                    {
                        return false;
                    }
                }

                if (!document.ReplyBlocks.Any(b => b.Span.Start <= edit.Span.Start && edit.Span.End <= b.Span.End))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property]
    public bool IncrementalEditsMatchPlainStringEdits(TemplateText template, Edit[] edits)
    {
        var source = new SourceText(template.Text);
        string expected = template.Text;
        foreach (Edit edit in edits)
        {
            var range = new LineRange(new LinePosition(edit.StartLine, edit.StartCharacter), new LinePosition(edit.EndLine, edit.EndCharacter));
            source = source.WithChange(range, edit.NewText);
            expected = Reference.Apply(expected, edit);
        }

        return source.Text == expected;
    }

    private static bool OnlyInsideEdits(string before, string after, IReadOnlyList<TextEdit> edits)
    {
        // Rebuild the new text from the untouched pieces and the edits' texts; it must match exactly.
        var ordered = edits.OrderBy(e => e.Span.Start).ToList();
        var rebuilt = new System.Text.StringBuilder();
        int position = 0;
        foreach (TextEdit edit in ordered)
        {
            if (edit.Span.Start < position)
            {
                return false;
            }

            rebuilt.Append(before, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }

        rebuilt.Append(before, position, before.Length - position);
        return rebuilt.ToString() == after;
    }

    /// <summary>LSP edits applied with plain string operations, independently of <see cref="SourceText"/>.</summary>
    private static class Reference
    {
        public static string Apply(string text, Edit edit)
        {
            int start = Offset(text, edit.StartLine, edit.StartCharacter);
            int end = Offset(text, edit.EndLine, edit.EndCharacter);
            if (end < start)
            {
                (start, end) = (end, start);
            }

            return text[..start] + edit.NewText + text[end..];
        }

        // Lines end at \r\n, \r or \n; a character past the line's end clamps to it; a line past the end clamps to the text's end;
        // a position inside a surrogate pair moves to its start.
        private static int Offset(string text, int line, int character)
        {
            if (line < 0)
            {
                return 0;
            }

            int lineStart = 0;
            for (int current = 0; current < line; current++)
            {
                int next = NextLineStart(text, lineStart);
                if (next < 0)
                {
                    return text.Length;
                }

                lineStart = next;
            }

            int contentEnd = lineStart;
            while (contentEnd < text.Length && text[contentEnd] is not ('\r' or '\n'))
            {
                contentEnd++;
            }

            int offset = Math.Min(lineStart + Math.Max(0, character), contentEnd);
            if (offset > lineStart && offset < contentEnd && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]))
            {
                offset--;
            }

            return offset;
        }

        private static int NextLineStart(string text, int from)
        {
            for (int i = from; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    return i + 1;
                }

                if (text[i] == '\r')
                {
                    return i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
                }
            }

            return -1;
        }
    }
}

/// <summary>The front matter's fast path for flat <c>key: value</c> lines agrees with YamlDotNet wherever it answers.</summary>
public class FlatFrontMatterProperties
{
    private static readonly string[] KeyParts = ["language", "Language", "channel", "address", "a", "x-y", "k.v", "_", "1", "ä", "key ", " key", "-k", "#c"];

    private static readonly string[] ValueParts =
    [
        "de", "email", "Sie", "yes", "null", "~", "true", "0x1F", "a:b", ": ", " #", "#", "'q'", "\"q\"", "[a]", "{b}", "-", "?", ",", "&a", "*a",
        "!t", "|", ">", "%", "@", "`", "ü", "ß", "😀", "\u00a0", "\t", " ", "  ", "\\", "é", "\u0085", "\uFEFF",
    ];

    private static readonly Gen<string> Lines =
        from key in Gen.Elements(KeyParts)
        from colon in Gen.Elements(":", ": ", ":  ", " : ", ":\t")
        from value in Gen.ListOf(Gen.Elements(ValueParts))
        from trailing in Gen.Elements("", " ", "  ")
        select key + colon + string.Concat(value) + trailing;

    // Lines the fast path should take, so that the comparison below is not vacuous.
    private static readonly Gen<string> PlainLines =
        from key in Gen.Elements("language", "channel", "address", "x-y", "k.v", "Title")
        from value in Gen.ListOf(Gen.Elements("de", "email", "Sie", "yes", "null", "a:b", "ü", "😀", "\u00a0", " ", "é", "x#y", "1.0")).Where(v => v.Count > 0)
        select key + ": " + string.Concat(value);

    [Property(MaxTest = 2000)]
    public Property FlatReaderYieldsWhatYamlDotNetYields() =>
        Prop.ForAll(Gen.OneOf(Gen.ListOf(PlainLines), Gen.ListOf(Gen.OneOf(Lines, Gen.Elements("", "  ", "# comment", "---")))).ToArbitrary(), lines =>
        {
            string yaml = string.Join("\n", lines);
            var fast = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!FrontMatterReader.TryReadFlatMapping(yaml, fast))
            {
                return true;
            }

            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new StringReader(yaml));
            var mapping = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
            var slow = mapping.Children.ToDictionary(
                c => ((YamlDotNet.RepresentationModel.YamlScalarNode)c.Key).Value!,
                c => ((YamlDotNet.RepresentationModel.YamlScalarNode)c.Value).Value!);
            return slow.Count == fast.Count && slow.All(pair => fast.TryGetValue(pair.Key, out string? value) && value == pair.Value);
        });

    [Fact]
    public void FlatReaderTakesTheCommonCaseAndLeavesTheRestToYaml()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Assert.True(FrontMatterReader.TryReadFlatMapping("language: de\r\nchannel: email  \n\naddress: Sie", values));
        Assert.Equal(["de", "email", "Sie"], [values["language"], values["channel"], values["address"]]);
        foreach (string other in new[] { "language: 'de'", "language: de # comment", "tags:\n  - a", "language:", "language: de\nlanguage: en", "a: b: c" })
        {
            values.Clear();
            Assert.False(FrontMatterReader.TryReadFlatMapping(other, values), other);
        }
    }
}

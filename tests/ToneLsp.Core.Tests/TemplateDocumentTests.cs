using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

public class TemplateDocumentTests
{
    [Theory]
    [InlineData("Danke!", Language.German)]
    [InlineData("Thanks!", Language.English)]
    [InlineData("Reg dich mal nicht so auf.", Language.German)]
    [InlineData("Relax, it's not a big deal.", Language.English)]
    [InlineData("Super, dass es jetzt klappt! 🎉", Language.German)]
    [InlineData("Good catch! We've updated the article.", Language.English)]
    [InlineData("Hi {{NAME}}, your ticket is now with our billing team.", Language.English)]
    [InlineData("Hallo {{NAME}}, dein Ticket liegt jetzt bei der Buchhaltung.", Language.German)]
    public void OneLineRepliesGetTheirLanguage(string text, Language expected)
    {
        Assert.Equal(expected, TemplateDocument.Parse(text).Language);
    }

    [Fact]
    public void FrontMatterSetsLanguageAddressAndChannel()
    {
        var document = TemplateDocument.Parse("---\nlanguage: en\naddress: sie\nchannel: email\n---\nHallo!\n");
        Assert.Equal(Language.English, document.Language);
        Assert.True(document.LanguageFromMetadata);
        Assert.Equal(AddressForm.Sie, document.Metadata.Address);
        Assert.Equal("email", document.Metadata.Channel);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void InvalidFrontMatterIsAProblemAtItsLine()
    {
        var document = TemplateDocument.Parse("---\nlanguage: de\naddress: [du\n---\nText\n");
        DocumentProblem problem = Assert.Single(document.Problems);
        Assert.InRange(document.Source.GetLineNumber(problem.Span.Start), 1, 3);
        Assert.Contains("YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProseHasTheSourceLengthAndBlanksOutEverythingElse()
    {
        string text = "# Titel\n\nHallo {{name}}, siehe `code` und [Link](https://x.de) oder mail@x.de.\n\n```\ncode\n```\n";
        var document = TemplateDocument.Parse(text);
        Assert.Equal(text.Length, document.Prose.Length);
        Assert.DoesNotContain("{{name}}", document.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("code", document.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("https", document.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("mail@x.de", document.Prose, StringComparison.Ordinal);
        Assert.Contains("Link", document.Prose, StringComparison.Ordinal);
        Assert.Contains("Titel", document.Prose, StringComparison.Ordinal);
        Assert.Equal(2, document.Blocks.Count);
    }

    [Fact]
    public void LeadingBlockquoteIsTheCustomerMessage()
    {
        var document = TemplateDocument.Parse("> Kannst du mir helfen?\n\nKlar, gern!\n");
        Assert.Single(document.CustomerBlocks);
        Assert.Single(document.ReplyBlocks);
        Assert.Equal(AddressForm.Du, AddressFormDetector.DetectCustomer(document)?.Form);
    }

    [Fact]
    public void SuppressionCommentsAreReadWithIdsAndReason()
    {
        var document = TemplateDocument.Parse("<!-- tonelsp-disable-next-line TONE001, condescension -- approved -->\nText\n");
        SuppressionComment comment = Assert.Single(document.Suppressions);
        Assert.Equal(SuppressionKind.DisableNextLine, comment.Kind);
        Assert.Equal(["TONE001", "condescension"], comment.RuleIds);
        Assert.Equal("approved", comment.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("---\n")]
    [InlineData("---\n---")]
    [InlineData("> ")]
    [InlineData("<!--")]
    [InlineData("\0\0\0")]
    [InlineData("\ud800")]
    [InlineData("[[[[[[[[]]]]")]
    public void OddInputParsesWithoutThrowing(string text)
    {
        var document = TemplateDocument.Parse(text);
        Assert.Equal(text.Length, document.Prose.Length);
        Assert.All(document.Blocks, b => Assert.True(b.Span.End <= text.Length));
    }

    [Theory]
    [InlineData("  ", "- Punkt\n")]
    [InlineData(">", " Punkt\n")]
    [InlineData("  ", "1. Punkt\n")]
    public void AbsurdlyDeepNestingIsReportedAndTheRestStillChecked(string level, string line)
    {
        string text = "Wie bereits erwähnt, ist das so.\n\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => string.Concat(Enumerable.Repeat(level, i)) + line));
        var result = Analysis.ToneEngine.Default.Analyze(text);
        Assert.Contains(result.Document.Problems, p => p.Message.Contains("nested more than", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "TONE001");
        Assert.Equal(text.Length, result.Document.Prose.Length);
    }

    [Fact]
    public void SentencesDoNotEndAtAbbreviations()
    {
        var sentences = ProseTokenizer.Sentences("Bitte z. B. die Nr. 5 nehmen. Danke!", new TextSpan(0, 36));
        Assert.Equal(2, sentences.Count);
    }

    [Fact]
    public void TokensKeepSpanKindAndLowerCaseWhetherSharedPooledOrNew()
    {
        // "Sie" and "!" come from the shared table, "Zustellung" is new, and the pool shares repeated words.
        const string text = "Sie erhalten die Zustellung! Zustellung";
        foreach (StringPool? pool in new StringPool?[] { null, new StringPool() })
        {
            var tokens = ProseTokenizer.Tokenize(text, new TextSpan(0, text.Length), pool);
            Assert.Equal(["Sie", "erhalten", "die", "Zustellung", "!", "Zustellung"], tokens.Select(t => t.Text));
            Assert.Equal(["sie", "erhalten", "die", "zustellung", "!", "zustellung"], tokens.Select(t => t.Lower));
            Assert.Equal([true, true, true, true, false, true], tokens.Select(t => t.IsWord));
            Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Span.Start, t.Span.Length)));
        }

        Assert.Equal(new TextSpan(7, 0), new Token(string.Empty, new TextSpan(7, 0), isWord: false).Span);
        Assert.False(new Token(string.Empty, new TextSpan(7, 0), isWord: false).IsWord);
    }

    [Theory]
    [InlineData("Rufe /bin/kill auf.", "/bin/kill")]
    [InlineData("Siehe (/etc/hosts), dann weiter.", "/etc/hosts")]
    [InlineData("Die Datei /var/log/syslog.", "/var/log/syslog")]
    public void AnAbsolutePathIsOneTokenAndNoWord(string text, string path)
    {
        var tokens = ProseTokenizer.Tokenize(text, new TextSpan(0, text.Length));
        Token token = Assert.Single(tokens, t => t.Text.StartsWith('/'));
        Assert.Equal(path, token.Text);
        Assert.False(token.IsWord);
        Assert.DoesNotContain(tokens, t => t.Text is "bin" or "kill" or "etc" or "hosts" or "log");
    }

    [Fact]
    public void ASlashBetweenWordsIsNoPath()
    {
        const string text = "Kundinnen und/oder Kunden";
        var tokens = ProseTokenizer.Tokenize(text, new TextSpan(0, text.Length));
        Assert.Equal(["Kundinnen", "und", "/", "oder", "Kunden"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void HeadingsCarryTheLevelMarkdownGaveThem()
    {
        var document = TemplateDocument.Parse("# Eins\n\nZwei\n===\n\n### Drei #\n\nVier\n---\n\nText.\n");
        Assert.Equal([1, 1, 3, 2, 0], document.Blocks.Select(b => b.HeadingLevel));
    }

    [Fact]
    public void TextBesideAnHtmlCommentOnItsLineIsChecked()
    {
        const string text = "<!-- Anrede --> Hallo Anna, wie bereits erwähnt, ist das so. <div>wie bereits erwähnt</div>\n\n<!-- wie bereits erwähnt, -->\n\nDanke.";
        var result = Analysis.ToneEngine.Default.Analyze(text);

        ToneLsp.Core.Diagnostics.ToneDiagnostic finding = Assert.Single(result.Diagnostics, d => d.Id == "TONE001");
        Assert.Equal(text.IndexOf("wie bereits", StringComparison.Ordinal), finding.Span.Start);
        Assert.Contains(result.Document.Blocks, b => text.Substring(b.Span.Start, b.Span.Length) == "Hallo Anna, wie bereits erwähnt, ist das so.");
        Assert.DoesNotContain(result.Document.Blocks, b => text.Substring(b.Span.Start, b.Span.Length).Contains("Anrede", StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentSentencesShareTheirBlocksTokens()
    {
        var document = TemplateDocument.Parse("Hallo Anna, danke! Wir prüfen das.\n\nViele Grüße");
        Assert.Equal(["Hallo Anna, danke!", "Wir prüfen das.", "Viele Grüße"], document.Sentences.Select(s => document.GetProse(s.Sentence.Span)));
        Assert.Equal(document.TokensOf(document.Blocks[0]).Count, document.Sentences.Where(s => s.Block == document.Blocks[0]).Sum(s => s.Sentence.Tokens.Count));
    }
}

using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>Constraints of the phrase language: the reader as subject, the part of speech of a lemma, the end of a sentence.</summary>
public class PhraseConstraintTests
{
    private static bool Flags(string phrase, string text, Language language = Language.German)
    {
        var (configuration, errors) = ConfigurationParser.Parse("phrases:\n  - message: m\n" + phrase, ".tonelsp.yaml");
        Assert.Empty(errors);
        var options = new ToneOptions { Configuration = configuration };
        AnalysisResult result = ToneEngine.Default.Analyze(TemplateDocument.ParseAs(text, language), options);
        return result.Diagnostics.Any(d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal));
    }

    private const string Overlooked = "    match: \"<übersehen>\"\n    subject: reader\n    lang: de\n";

    [Theory]
    [InlineData("Da haben Sie die Mail wohl übersehen.")]
    [InlineData("Du hast die Mail übersehen.")]
    [InlineData("Offenbar übersahen Sie den Hinweis.")]
    [InlineData("Wenn ihr die Mail übersehen habt, schicken wir sie erneut.")]
    [InlineData("Wir prüfen das, aber vermutlich hast du den Link übersehen.")]
    public void TheReaderAsSubjectIsFlagged(string text) => Assert.True(Flags(Overlooked, text), text);

    [Theory]
    [InlineData("Wir haben Ihre Mail leider übersehen.")]
    [InlineData("Ich habe deine Nachricht übersehen, entschuldige bitte.")]
    [InlineData("Das Team hat den Fehler übersehen.")]
    [InlineData("Leicht übersieht man den kleinen Link.")]
    public void SomeoneElseAsSubjectIsNotFlagged(string text) => Assert.False(Flags(Overlooked, text), text);

    [Theory]
    [InlineData("You missed the email we sent.", true)]
    [InlineData("It seems you've missed the link.", true)]
    [InlineData("We missed your email, sorry.", false)]
    [InlineData("Sorry, we missed this, thank you for telling us.", false)]
    public void EnglishReaderSubject(string text, bool flagged) =>
        Assert.Equal(flagged, Flags("    match: \"missed\"\n    subject: reader\n    lang: en\n", text, Language.English));

    [Fact]
    public void NotReaderIsTheOpposite()
    {
        const string phrase = "    match: \"<übersehen>\"\n    subject: not-reader\n    lang: de\n";
        Assert.True(Flags(phrase, "Wir haben Ihre Mail übersehen."));
        Assert.False(Flags(phrase, "Sie haben die Mail übersehen."));
    }

    [Fact]
    public void APartOfSpeechNarrowsALemma()
    {
        Assert.True(Flags("    match: \"<Ärger:noun>\"\n    lang: de\n", "Wir verstehen Ihren Ärger."));
        Assert.False(Flags("    match: \"<ärgern:verb>\"\n    lang: de\n", "Wir verstehen Ihren Ärger."));
        Assert.True(Flags("    match: \"<ärgern:verb>\"\n    lang: de\n", "Das ärgert uns auch."));
        var (_, errors) = ConfigurationParser.Parse("phrases:\n  - message: m\n    match: \"<Ärger:adverb>\"\n", "c");
        Assert.Contains(errors, e => e.Message.Contains("Unknown part of speech 'adverb'", StringComparison.Ordinal));
    }

    [Fact]
    public void DollarIsTheEndOfASentence()
    {
        const string phrase = "    match: \"Na dann viel Spaß $\"\n    lang: de\n";
        Assert.True(Flags(phrase, "Na dann viel Spaß!"));
        Assert.True(Flags(phrase, "Na dann viel Spaß. Wir melden uns."));
        Assert.False(Flags(phrase, "Na dann viel Spaß mit dem neuen Gerät."));
    }

    [Fact]
    public void AnUnknownSubjectIsAnError()
    {
        var (_, errors) = ConfigurationParser.Parse("phrases:\n  - message: m\n    match: x\n    subject: leser\n", "c");
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("Unknown subject 'leser'", StringComparison.Ordinal));
    }
}

public class PhraseBoundaryTests
{
    [Theory]
    [InlineData("bloß ... (Tag|€)", "Das kostet bloß am Montag etwas.", false)]
    [InlineData("bloß ... (Tag|€)", "Das kostet bloß einen Tag.", true)]
    [InlineData("bloß ... (Tag|€)", "Das kostet bloß 5 €.", true)]
    public void AWordInAMixedGroupStartsAtAWordBoundary(string pattern, string text, bool matches) =>
        Assert.Equal(matches, new System.Text.RegularExpressions.Regex(PhrasePattern.ToRegex(pattern), PhrasePattern.Options).IsMatch(text));
}

/// <summary>The inverted phrase index (templates of up to 64 sentences) and the per-phrase look-ups (longer documents) find the same.</summary>
public class PhraseIndexTests
{
    [Fact]
    public void ShortAndLongDocumentsFindTheSameFlagLines()
    {
        const string filler = "Wir melden uns morgen bei Ihnen.";
        var lines = LexiconLoader.BuiltIn.SelectMany(r => r.Phrases.Where(p => p.Language == ToneLsp.Core.Documents.Language.German)
            .SelectMany(p => p.Flag.Select(f => (r.Descriptor.Id, Line: f)))).Take(120).ToList();
        Assert.NotEmpty(lines);
        foreach (var (id, line) in lines)
        {
            var shortResult = ToneLsp.Core.Analysis.ToneEngine.Default.Analyze(ToneLsp.Core.Documents.TemplateDocument.ParseAs(line, ToneLsp.Core.Documents.Language.German));
            string longText = string.Join(" ", Enumerable.Repeat(filler, 70)) + "\n\n" + line;
            var longResult = ToneLsp.Core.Analysis.ToneEngine.Default.Analyze(ToneLsp.Core.Documents.TemplateDocument.ParseAs(longText, ToneLsp.Core.Documents.Language.German));
            Assert.True(longResult.Document.Sentences.Count > 64);
            Assert.Equal(shortResult.Diagnostics.Any(d => d.Id == id), longResult.Diagnostics.Any(d => d.Id == id));
        }
    }
}

public class CompoundWildcardTests
{
    [Theory]
    [InlineData("*trottel", "Du Volltrottel!", true)]
    [InlineData("*trottel", "Was für ein Schultrottel.", true)]
    [InlineData("*trottel", "Trottellumme ist ein Vogel.", false)]
    [InlineData("*idiot*", "Diese Idiotenbande!", true)]
    [InlineData("*idiot*", "Ein Vollidiotenverein.", true)]
    [InlineData("*idiot*", "Wir melden uns.", false)]
    public void AWildcardBeforeAWordMatchesCompounds(string pattern, string text, bool flagged)
    {
        var (configuration, errors) = ToneLsp.Core.Configuration.ConfigurationParser.Parse($"phrases:\n  - message: m\n    match: \"{pattern}\"\n    lang: de\n", ".tonelsp.yaml");
        Assert.Empty(errors);
        var options = new ToneLsp.Core.Analysis.ToneOptions { Configuration = configuration };
        var shortResult = ToneLsp.Core.Analysis.ToneEngine.Default.Analyze(ToneLsp.Core.Documents.TemplateDocument.ParseAs(text, ToneLsp.Core.Documents.Language.German), options);
        Assert.Equal(flagged, shortResult.Diagnostics.Any(d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal)));
        string longText = string.Join(" ", Enumerable.Repeat("Wir melden uns morgen bei Ihnen.", 70)) + "\n\n" + text;
        var longResult = ToneLsp.Core.Analysis.ToneEngine.Default.Analyze(ToneLsp.Core.Documents.TemplateDocument.ParseAs(longText, ToneLsp.Core.Documents.Language.German), options);
        Assert.Equal(flagged, longResult.Diagnostics.Any(d => d.Id.StartsWith("TEAM-", StringComparison.Ordinal)));
    }
}

public class SharedRewriteTests
{
    [Fact]
    public void APhraseUsesASharedRewriteByName()
    {
        const string yaml = "phrases:\n  - match: \"ruf die Hotline an\"\n    message: m\n    lang: de\n    rewrite: [{use: direct-message}]\n";
        var (configuration, errors) = ToneLsp.Core.Configuration.ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        Assert.Empty(errors);
        LexiconRewrite rewrite = Assert.Single(Assert.Single(configuration.TeamRules).Phrases[0].Rewrites);
        Assert.Equal(LexiconLoader.SharedRewriteCatalog["direct-message"], rewrite);
        Assert.StartsWith("Schick uns", rewrite.For(ToneLsp.Core.AddressForms.AddressForm.Du));
        Assert.StartsWith("Schicken Sie uns", rewrite.For(ToneLsp.Core.AddressForms.AddressForm.Sie));
    }

    [Fact]
    public void AnUnknownSharedRewriteIsAnErrorWithADidYouMean()
    {
        const string yaml = "phrases:\n  - match: \"ruf die Hotline an\"\n    message: m\n    rewrite: [{use: direct-mesage}]\n";
        var (_, errors) = ToneLsp.Core.Configuration.ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        Assert.Contains(errors, e => e.Message.Contains("did you mean 'direct-message'", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySharedRewriteHasBothAddressForms() =>
        Assert.All(LexiconLoader.SharedRewriteCatalog, pair => Assert.True(pair.Value.Text is not null || (pair.Value.Du is not null && pair.Value.Sie is not null), pair.Key));
}

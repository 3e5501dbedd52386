using System.Text.RegularExpressions;
using ToneLsp.Core.Morphology;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>The lemma item of the phrase pattern language: <c>&lt;übersehen&gt;</c> matches every inflected form.</summary>
public class LemmaPatternTests
{
    [Theory]
    [InlineData("Da hast du wohl etwas übersehen.")]
    [InlineData("Sie übersahen den Hinweis.")]
    [InlineData("Wenn man den Hinweis übersieht, …")]
    [InlineData("Du übersiehst das leicht.")]
    [InlineData("Hätten Sie das nicht übersehen, …")]
    public void AVerbLemmaMatchesEveryForm(string text)
    {
        Assert.Matches(Expression("<übersehen>"), text);
    }

    [Theory]
    [InlineData("Das haben wir gesehen.")]
    [InlineData("Übersetzen Sie den Text.")]
    public void AVerbLemmaMatchesNoOtherVerb(string text)
    {
        Assert.DoesNotMatch(Expression("<übersehen>"), text);
    }

    [Fact]
    public void ALemmaCombinesWithWordsAndGaps()
    {
        Regex pattern = Expression("{du} ... <übersehen>");
        Assert.Matches(pattern, "Da haben Sie wohl die Mail übersehen.");
        Assert.Matches(pattern, "Du übersiehst das leicht.");
        Assert.DoesNotMatch(pattern, "Wir haben die Mail übersehen.");
    }

    [Fact]
    public void NounAndAdjectiveLemmasMatchTheirForms()
    {
        Assert.Matches(Expression("in [den|der] <Anleitung>"), "Das steht in den Anleitungen.");
        Assert.Matches(Expression("<kinderleicht>"), "Das ist eine kinderleichte Sache.");
    }

    [Fact]
    public void TheFormsAreAnchorsForThePrefilter()
    {
        var (_, anchors) = PhrasePattern.Translate("<übersehen>");
        IReadOnlyList<string> words = Assert.Single(anchors);
        Assert.Contains("uebersiehst", words);
        Assert.Contains("uebersah", words);
    }

    [Fact]
    public void ASeparableVerbMatchesItsJoinedForms()
    {
        IReadOnlyList<string> forms = LemmaForms.Of(GermanLexicon.Shared, "anrufen");
        Assert.Contains("anrufst", forms);
        Assert.Contains("angerufen", forms);
        Assert.Contains("anzurufen", forms);
        Assert.DoesNotContain("rufst", forms);
    }

    [Theory]
    [InlineData("<gibtsnichtwort>", "Unknown lemma")]
    [InlineData("<übersehen", "Missing '>'")]
    [InlineData("<>", "Unknown lemma")]
    public void ABadLemmaIsAClearError(string pattern, string message)
    {
        var error = Assert.Throws<FormatException>(() => PhrasePattern.Translate(pattern));
        Assert.Contains(message, error.Message);
    }

    private static Regex Expression(string pattern) => new(PhrasePattern.ToRegex(pattern), PhrasePattern.Options);
}

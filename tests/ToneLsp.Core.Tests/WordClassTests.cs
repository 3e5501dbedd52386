using System.Text.RegularExpressions;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>Word classes defined once for all phrase rules, with their own test lines; and strict keys in lexicon files.</summary>
public class WordClassTests
{
    public static TheoryData<string> ClassNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in WordClassCatalog.Classes.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void BuiltInClassFilesHaveNoErrors()
    {
        Assert.Empty(WordClassCatalog.Errors);
        Assert.Contains("intensifier", WordClassCatalog.Classes.Keys);
    }

    [Theory]
    [MemberData(nameof(ClassNames))]
    public void AClassMatchesItsFlagLinesAndNotItsPassLines(string name)
    {
        WordClass wordClass = WordClassCatalog.Classes[name];
        Assert.NotEmpty(wordClass.Flag);
        Assert.NotEmpty(wordClass.Pass);
        var regex = new Regex(PhrasePattern.ToRegex("{" + name + "}"), PhrasePattern.Options);
        foreach (string line in wordClass.Flag)
        {
            Assert.True(regex.IsMatch(line), $"{name} should match: {line}");
        }

        foreach (string line in wordClass.Pass)
        {
            Assert.False(regex.IsMatch(line), $"{name} should not match: {line}");
        }
    }

    [Fact]
    public void APatternCombinesAClassWithWordsAndLemmas()
    {
        var regex = new Regex(PhrasePattern.ToRegex("das ist [doch] {intensifier} <kinderleicht>"), PhrasePattern.Options);
        Assert.Matches(regex, "Das ist doch wirklich kinderleicht.");
        Assert.Matches(regex, "Das ist total kinderleicht!");
        Assert.DoesNotMatch(regex, "Das ist kinderleicht.");
        var (_, anchors) = PhrasePattern.Translate("{intensifier} <kinderleicht>");
        Assert.Contains(anchors, group => group.Contains("wirklich"));
    }

    [Fact]
    public void AnUnknownClassIsAnErrorWithASuggestion()
    {
        var error = Assert.Throws<FormatException>(() => PhrasePattern.Translate("{intensifer} einfach"));
        Assert.Contains("did you mean 'intensifier'", error.Message);
    }

    [Fact]
    public void AMisspeltKeyInALexiconFileIsAnErrorWithItsLineAndASuggestion()
    {
        string yaml = """
            id: TONE999
            category: condescension
            severity: warning
            title: {en: t, de: t}
            message: {en: m, de: m}
            help: {en: h, de: h}
            example: {en: e, de: e}
            phrases:
              - lang: de
                match: "wie bereits erwähnt"
                unles: ["per DM"]
                flag: ["Wie bereits erwähnt, ist es da."]
                pass: ["Es ist da."]
            """;
        var (_, errors) = LexiconLoader.Parse(yaml, "test.yaml");
        LexiconError error = Assert.Single(errors);
        Assert.Equal(11, error.Line);
        Assert.Contains("did you mean 'unless'", error.Message);
    }

    [Fact]
    public void AClassFileWithAnUnknownKeyOrABadMemberIsAnError()
    {
        var (_, errors) = WordClassCatalog.Parse("classes:\n  - name: x\n    membres: [a]\n  - name: y\n    members: [\"<gibtsnichtwort>\"]\n", "classes.yaml");
        Assert.Contains(errors, e => e.Message.Contains("did you mean 'members'"));
        Assert.Contains(errors, e => e.Message.Contains("Unknown lemma"));
    }
}

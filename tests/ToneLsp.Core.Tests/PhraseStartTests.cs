using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>
/// Phrases tried only at the words they can begin with find what a search through the whole sentence finds: every
/// built-in phrase on every test line of every rule, one line at a time and joined into templates, and on the bundled
/// examples; and what the start words of a pattern are.
/// </summary>
public class PhraseStartTests
{
    [Theory]
    [InlineData("wie bereits erwähnt", "wie")]
    [InlineData("[bitte] wende dich an", "bitte,wende")]
    [InlineData("^ (falls|wenn) ...", "falls,wenn")]
    [InlineData("erwähn* ...", "erwaehn*")]
    [InlineData("*trottel", "*trottel")]
    [InlineData("{du} hast", "du,sie")]
    [InlineData("E-Mail an", "e*")]
    public void TheStartWordsOfAPatternAreThoseOfItsLeadingItems(string pattern, string expected) =>
        Assert.Equal(expected.Split(',').Order(), (PhrasePattern.FirstWords(pattern) ?? []).Order());

    [Theory]
    [InlineData("... wende dich an")]
    [InlineData("\\( wende")]
    [InlineData("[bitte]")]
    public void APatternThatMayBeginOtherwiseHasNoStartWords(string pattern) => Assert.Null(PhrasePattern.FirstWords(pattern));

    [Fact]
    public void ALemmaBeginsWithEveryOneOfItsForms()
    {
        IReadOnlyList<string>? first = PhrasePattern.FirstWords("<übersehen> ...");

        Assert.NotNull(first);
        Assert.Contains("uebersiehst", first);
        Assert.Contains("uebersehen", first);
    }

    [Fact]
    public void EveryBuiltInPhraseFindsTheSameAsASearchEverywhere()
    {
        // Interpreted: the same matches as compiled, without compiling every expression twice.
        IReadOnlyList<LexiconRule> rules = LexiconLoader.BuiltInFor(PhraseExpressions.Interpreted);
        var fast = new LexiconAnalyzer(rules, scanFromWordStarts: true);
        var slow = new LexiconAnalyzer(rules, scanFromWordStarts: false);
        var lines = rules.SelectMany(r => r.Phrases).SelectMany(p => p.Flag.Concat(p.Pass)).Distinct().ToList();
        // Three lines to a paragraph, so that matches that run into the next sentence are compared too.
        var documents = lines.Chunk(3).Select(chunk => "Hallo {{vorname}},\n\n" + string.Join(" ", chunk) + "\n\nViele Grüße\n");
        string examples = Path.Combine(RepositoryPaths.Root, "examples");
        documents = documents.Concat(Directory.GetFiles(examples, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText));

        int compared = 0, found = 0;
        foreach (string text in documents)
        {
            var input = new AnalysisInput(TemplateDocument.Parse(text), ToneOptions.Default);
            List<string> expected = Run(slow, input), actual = Run(fast, input);
            Assert.True(expected.SequenceEqual(actual), $"{text}\nsearch: {string.Join("; ", expected)}\nstarts: {string.Join("; ", actual)}");
            compared++;
            found += expected.Count;
        }

        Assert.True(compared > 500 && found > 1000, $"{compared} documents, {found} findings");
    }

    private static List<string> Run(LexiconAnalyzer analyzer, AnalysisInput input)
    {
        var found = new List<ToneDiagnostic>();
        analyzer.Analyze(new AnalysisContext(input, found.Add, CancellationToken.None));
        return [.. found.Select(d => $"{d.Id} {d.Span.Start}+{d.Span.Length} {d.Message}").Order(StringComparer.Ordinal)];
    }
}

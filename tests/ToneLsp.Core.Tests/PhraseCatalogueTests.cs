using System.Text.RegularExpressions;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Tests;

/// <summary>
/// The precompiled phrase catalogue (Rules/phrases.catalogue) against the YAML files it is made from. After editing a
/// lexicon, word-class or rewrite file, rewrite it with
/// <c>TONELSP_UPDATE_CATALOGUE=1 dotnet test tests/ToneLsp.Core.Tests -c Release --filter PhraseCatalogue</c> and rebuild.
/// </summary>
public class PhraseCatalogueTests
{
    private static readonly string CatalogueFile = Path.Combine(RepositoryPaths.Root, "server", "ToneLsp.Core", "Rules", "phrases.catalogue");

    [Fact]
    public void TheEmbeddedCatalogueIsWhatTheYamlFilesProduce()
    {
        var (rules, errors) = LexiconLoader.LoadBuiltInFromYaml(PhraseExpressions.Interpreted);
        Assert.Empty(errors);
        byte[] expected = LexiconLoader.WriteCatalogue(rules, LexiconLoader.BuiltInSourceHash());
        if (Environment.GetEnvironmentVariable("TONELSP_UPDATE_CATALOGUE") == "1")
        {
            File.WriteAllBytes(CatalogueFile, expected);
        }

        Assert.True(File.ReadAllBytes(CatalogueFile).AsSpan().SequenceEqual(expected),
            $"{CatalogueFile} is not what the YAML files produce; rewrite it with TONELSP_UPDATE_CATALOGUE=1 dotnet test tests/ToneLsp.Core.Tests -c Release --filter PhraseCatalogue, then rebuild.");
        Assert.True(LexiconLoader.EmbeddedCatalogue().AsSpan().SequenceEqual(expected), "The build embeds an older catalogue; rebuild.");
        Assert.True(LexiconLoader.BuiltInFromCatalogue);
    }

    [Fact]
    public void TheCatalogueReadsBackToTheRulesOfTheYamlFiles()
    {
        var (fromYaml, _) = LexiconLoader.LoadBuiltInFromYaml(PhraseExpressions.Interpreted);
        IReadOnlyList<LexiconRule>? fromCatalogue = LexiconLoader.ReadCatalogue(
            LexiconLoader.WriteCatalogue(fromYaml, 42), 42, PhraseExpressions.Interpreted);

        Assert.NotNull(fromCatalogue);
        Assert.Equal(fromYaml.Count, fromCatalogue.Count);
        int phrases = 0, parts = 0;
        foreach (var (yaml, catalogue) in fromYaml.Zip(fromCatalogue))
        {
            Assert.Equal(yaml.Descriptor, catalogue.Descriptor);
            Assert.Equal(yaml.SourceName, catalogue.SourceName);
            Assert.Equal(yaml.SkipChannels, catalogue.SkipChannels);
            Assert.Equal(yaml.Phrases.Count, catalogue.Phrases.Count);
            foreach (var (expected, actual) in yaml.Phrases.Zip(catalogue.Phrases))
            {
                string where = $"{yaml.SourceName}:{expected.SourceLine}";
                Assert.Equal((expected.Language, expected.Pattern, expected.Message, expected.Scope, expected.Subject, expected.SourceLine),
                    (actual.Language, actual.Pattern, actual.Message, actual.Scope, actual.Subject, actual.SourceLine));
                Assert.True(Same(expected.Anchors, actual.Anchors), where);
                Assert.Equal(expected.Rewrites, actual.Rewrites);
                Assert.Equal(expected.UnlessPatterns, actual.UnlessPatterns);
                Assert.Equal(expected.Unless.Select(Describe), actual.Unless.Select(Describe));
                Assert.Equal(expected.Flag, actual.Flag);
                Assert.Equal(expected.Pass, actual.Pass);
                Assert.Equal(Describe(expected.Regex), Describe(actual.Regex));
                Assert.Equal(expected.Parts.Count, actual.Parts.Count);
                foreach (var (expectedPart, actualPart) in expected.Parts.Zip(actual.Parts))
                {
                    Assert.True(Same(expectedPart.Anchors, actualPart.Anchors), where);
                    Assert.Equal(Describe(expectedPart.Regex), Describe(actualPart.Regex));
                    parts++;
                }

                phrases++;
            }
        }

        // The catalogue holds the whole lexicon, split phrases included.
        Assert.True(phrases > 500, $"{phrases} phrases");
        Assert.True(parts > phrases, $"{parts} parts of {phrases} phrases");
    }

    [Fact]
    public void ACatalogueOfOtherSourcesOrDamagedIsNotUsed()
    {
        var (rules, _) = LexiconLoader.LoadBuiltInFromYaml(PhraseExpressions.Interpreted);
        byte[] catalogue = LexiconLoader.WriteCatalogue(rules, 7);

        Assert.NotNull(LexiconLoader.ReadCatalogue(catalogue, 7, PhraseExpressions.Interpreted));
        Assert.Null(LexiconLoader.ReadCatalogue(catalogue, 8, PhraseExpressions.Interpreted));
        Assert.Null(LexiconLoader.ReadCatalogue([], 7, PhraseExpressions.Interpreted));
        Assert.Null(LexiconLoader.ReadCatalogue(catalogue[..(catalogue.Length / 2)], 7, PhraseExpressions.Interpreted));
        Assert.Null(LexiconLoader.ReadCatalogue([.. catalogue, 0], 7, PhraseExpressions.Interpreted));
        byte[] damaged = [.. catalogue];
        for (int i = 40; i < damaged.Length; i += 97)
        {
            damaged[i] = 0xFF;
        }

        // Damage that still reads as a catalogue may give other texts, but never an exception.
        _ = LexiconLoader.ReadCatalogue(damaged, 7, PhraseExpressions.Interpreted);

        // A header with the right hash that announces int.MaxValue strings is refused before anything is allocated.
        byte[] huge = [.. catalogue[..16], 0xFF, 0xFF, 0xFF, 0xFF, 0x07];
        Assert.Null(LexiconLoader.ReadCatalogue(huge, 7, PhraseExpressions.Interpreted));
    }

    [Fact]
    public void TheSourceHashCoversTheLexiconFiles()
    {
        // Stable within a build, and not the hash of no input (FNV-1a's offset basis).
        Assert.Equal(LexiconLoader.BuiltInSourceHash(), LexiconLoader.BuiltInSourceHash());
        Assert.NotEqual(14695981039346656037UL, LexiconLoader.BuiltInSourceHash());
    }

    private static string Describe(Regex regex) => $"{regex.Options}: {regex}";

    private static bool Same(IReadOnlyList<IReadOnlyList<string>> expected, IReadOnlyList<IReadOnlyList<string>> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(pair => pair.First.SequenceEqual(pair.Second));
}

using BenchmarkDotNet.Attributes;
using ToneLsp.Core.Morphology;

namespace ToneLsp.Benchmarks;

/// <summary>
/// The German lexicon. Targets: a lookup hit in 200 ns median, without allocating; loading (a fresh instance
/// from the embedded resource) well within the 20 ms the native build may spend.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LexiconBenchmarks
{
    private readonly GermanLexicon _lexicon = GermanLexicon.Shared;
    private int _anpassen;

    [GlobalSetup]
    public void Setup()
    {
        _anpassen = _lexicon.FindLemma("anpassen", PartOfSpeech.Verb);
    }

    [Benchmark(Description = "lexicon: load from the resource")]
    public int Load() => GermanLexicon.LoadEmbedded().FormCount;

    [Benchmark(Description = "lexicon: lookup hit (Mitarbeiterinnen), all readings")]
    public int LookupHit()
    {
        int readings = 0;
        foreach (WordReading reading in _lexicon.Lookup("Mitarbeiterinnen"))
        {
            readings += reading.LemmaId & 1;
        }

        return readings;
    }

    [Benchmark(Description = "lexicon: lookup hit (passt), 24 readings")]
    public int LookupHitMany()
    {
        int readings = 0;
        foreach (WordReading reading in _lexicon.Lookup("passt"))
        {
            readings += reading.LemmaId & 1;
        }

        return readings;
    }

    [Benchmark(Description = "lexicon: contains, hit")]
    public bool ContainsHit() => _lexicon.Contains("Bestellung");

    [Benchmark(Description = "lexicon: lookup miss")]
    public bool LookupMiss() => _lexicon.Lookup("Bestellungsnummernformat").IsEmpty;

    [Benchmark(Description = "lexicon: synthesise anpassen, 3rd plural joined")]
    public string? Synthesize() => _lexicon.Synthesize(_anpassen, VerbFeatures.Finite(VerbTense.Present, Person.Third, GrammaticalNumber.Plural), VerbPlacement.Joined);

    [Benchmark(Description = "lexicon: find the lemma anpassen")]
    public int FindLemma() => _lexicon.FindLemma("anpassen", PartOfSpeech.Verb);
}

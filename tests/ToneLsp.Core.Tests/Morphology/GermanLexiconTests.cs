using ToneLsp.Core.Morphology;

// The namespace is the project's own: a ToneLsp.Core.Tests.Morphology namespace would hide ToneLsp.Core.Morphology.
namespace ToneLsp.Core.Tests;

/// <summary>Readings and synthesis from the embedded German lexicon, spelling, and damaged or odd input.</summary>
public class GermanLexiconTests
{
    private static readonly GermanLexicon Lexicon = GermanLexicon.Shared;

    private static VerbFeatures Present(Person person, GrammaticalNumber number) => VerbFeatures.Finite(VerbTense.Present, person, number);

    private static VerbFeatures Past(Person person, GrammaticalNumber number) => VerbFeatures.Finite(VerbTense.Past, person, number);

    private static int Verb(string lemma)
    {
        int id = Lexicon.FindLemma(lemma, PartOfSpeech.Verb);
        Assert.True(id >= 0, $"no verb {lemma}");
        return id;
    }

    private static List<WordReading> VerbReadings(string word, string lemma) =>
        [.. Lexicon.Lookup(word).ToList().Where(r => r.PartOfSpeech == PartOfSpeech.Verb && Lexicon.Lemma(r.LemmaId) == lemma)];

    private static void AssertVerbReading(string word, string lemma, VerbFeatures features, VerbPlacement placement = VerbPlacement.Whole)
    {
        List<WordReading> readings = VerbReadings(word, lemma);
        Assert.True(
            readings.Any(r => r.Verb == features && r.Placement == placement),
            $"{word}: no {lemma} {features} {placement}; has {string.Join("; ", readings.Select(r => $"{r.Verb} {r.Placement}"))}");
    }

    [Fact]
    public void TheEmbeddedLexiconLoadsInPlace()
    {
        Assert.Null(Lexicon.LoadError);
        Assert.True(Lexicon.IsReadInPlace);
        Assert.InRange(Lexicon.LemmaCount, 90_000, 110_000);
        Assert.InRange(Lexicon.FormCount, 250_000, 400_000);
        Assert.Same(Lexicon, GermanLexicon.Shared);
    }

    [Fact]
    public void SeinHabenWerden()
    {
        AssertVerbReading("bin", "sein", Present(Person.First, GrammaticalNumber.Singular));
        AssertVerbReading("seid", "sein", Present(Person.Second, GrammaticalNumber.Plural));
        AssertVerbReading("seid", "sein", VerbFeatures.Imperative(GrammaticalNumber.Plural));
        AssertVerbReading("wäre", "sein", VerbFeatures.Finite(VerbTense.SubjunctiveTwo, Person.Third, GrammaticalNumber.Singular));
        int sein = Verb("sein");
        Assert.Equal("ist", Lexicon.Synthesize(sein, Present(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("sei", Lexicon.Synthesize(sein, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        Assert.Equal("gewesen", Lexicon.Synthesize(sein, VerbFeatures.PastParticiple));
        Assert.Equal("sein", Lexicon.Lemma(sein));

        AssertVerbReading("hast", "haben", Present(Person.Second, GrammaticalNumber.Singular));
        Assert.Equal("hätten", Lexicon.Synthesize(Verb("haben"), VerbFeatures.Finite(VerbTense.SubjunctiveTwo, Person.First, GrammaticalNumber.Plural)));
        Assert.Equal("hab", Lexicon.ShortImperative(Verb("haben")));

        AssertVerbReading("wird", "werden", Present(Person.Third, GrammaticalNumber.Singular));
        Assert.Equal("wurde", Lexicon.Synthesize(Verb("werden"), Past(Person.First, GrammaticalNumber.Singular)));
        Assert.Null(Lexicon.ShortImperative(Verb("werden")));
    }

    [Fact]
    public void ModalVerbsHaveNoImperative()
    {
        int können = Verb("können");
        AssertVerbReading("kann", "können", Present(Person.First, GrammaticalNumber.Singular));
        AssertVerbReading("kann", "können", Present(Person.Third, GrammaticalNumber.Singular));
        Assert.Equal("könnt", Lexicon.Synthesize(können, Present(Person.Second, GrammaticalNumber.Plural)));
        Assert.Equal("könnte", Lexicon.Synthesize(können, VerbFeatures.Finite(VerbTense.SubjunctiveTwo, Person.Third, GrammaticalNumber.Singular)));
        Assert.Null(Lexicon.Synthesize(können, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        Assert.Null(Lexicon.ShortImperative(können));
        Assert.Null(Lexicon.Particle(können));
    }

    [Fact]
    public void LassenInBothSpellings()
    {
        int lassen = Verb("lassen");
        foreach (string word in new[] { "lässt", "läßt", "LÄSST" })
        {
            AssertVerbReading(word, "lassen", Present(Person.Second, GrammaticalNumber.Singular));
            AssertVerbReading(word, "lassen", Present(Person.Third, GrammaticalNumber.Singular));
        }

        Assert.Equal("lässt", Lexicon.Synthesize(lassen, Present(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("lasst", Lexicon.Synthesize(lassen, Present(Person.Second, GrammaticalNumber.Plural)));
        Assert.Equal("lass", Lexicon.Synthesize(lassen, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        Assert.Equal("ließ", Lexicon.Synthesize(lassen, Past(Person.Third, GrammaticalNumber.Singular)));
        AssertVerbReading("laß", "lassen", VerbFeatures.Imperative(GrammaticalNumber.Singular));
    }

    [Fact]
    public void AnpassenSeparatesItsParticle()
    {
        int anpassen = Verb("anpassen");
        Assert.Equal("an", Lexicon.Particle(anpassen));
        AssertVerbReading("passt", "anpassen", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.SeparatedStem);
        AssertVerbReading("passt", "passen", Present(Person.Third, GrammaticalNumber.Singular));
        AssertVerbReading("anpasst", "anpassen", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.Joined);
        AssertVerbReading("anpaßt", "anpassen", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.Joined);
        Assert.DoesNotContain(VerbReadings("anpasst", "anpassen"), r => r.Placement != VerbPlacement.Joined);
        AssertVerbReading("angepasst", "anpassen", VerbFeatures.PastParticiple, VerbPlacement.Joined);

        Assert.Equal("passen", Lexicon.Synthesize(anpassen, Present(Person.Third, GrammaticalNumber.Plural)));
        Assert.Equal("anpassen", Lexicon.Synthesize(anpassen, Present(Person.Third, GrammaticalNumber.Plural), VerbPlacement.Joined));
        Assert.Equal("passte", Lexicon.Synthesize(anpassen, Past(Person.First, GrammaticalNumber.Singular)));
        Assert.Equal("anzupassen", Lexicon.Synthesize(anpassen, VerbFeatures.ZuInfinitive));
        Assert.Equal("angepasst", Lexicon.Synthesize(anpassen, VerbFeatures.PastParticiple, VerbPlacement.SeparatedStem));
        Assert.Equal("anpassen", Lexicon.Synthesize(anpassen, VerbFeatures.Infinitive));
    }

    [Fact]
    public void SeparatedImperatives()
    {
        // The data joins the particle to the imperative ("abbalge"); the lexicon keeps the separated stem.
        int abbalgen = Verb("abbalgen");
        AssertVerbReading("balge", "abbalgen", VerbFeatures.Imperative(GrammaticalNumber.Singular), VerbPlacement.SeparatedStem);
        Assert.DoesNotContain(VerbReadings("abbalge", "abbalgen"), r => r.Verb.Kind == VerbFormKind.Imperative);
        Assert.Equal("balge", Lexicon.Synthesize(abbalgen, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        Assert.Null(Lexicon.Synthesize(abbalgen, VerbFeatures.Imperative(GrammaticalNumber.Singular), VerbPlacement.Joined));
        Assert.Equal("balg", Lexicon.ShortImperative(abbalgen));
    }

    [Fact]
    public void InseparableVerbsStayWhole()
    {
        int verlassen = Verb("verlassen");
        Assert.Null(Lexicon.Particle(verlassen));
        AssertVerbReading("verlässt", "verlassen", Present(Person.Third, GrammaticalNumber.Singular));
        AssertVerbReading("verläßt", "verlassen", Present(Person.Second, GrammaticalNumber.Singular));
        Assert.Equal("verlässt", Lexicon.Synthesize(verlassen, Present(Person.Second, GrammaticalNumber.Singular), VerbPlacement.Joined));
        Assert.Equal("verlass", Lexicon.Synthesize(verlassen, VerbFeatures.Imperative(GrammaticalNumber.Singular)));

        // The data splits "überprüft" as "prüft über"; no form of the verb has zu or ge- after the particle.
        int überprüfen = Verb("überprüfen");
        Assert.Null(Lexicon.Particle(überprüfen));
        AssertVerbReading("überprüft", "überprüfen", Present(Person.Third, GrammaticalNumber.Singular));
        Assert.Empty(VerbReadings("prüft", "überprüfen"));
    }

    [Fact]
    public void AnreisenAndWeiterleiten()
    {
        int anreisen = Verb("anreisen");
        AssertVerbReading("reist", "anreisen", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.SeparatedStem);
        AssertVerbReading("anreist", "anreisen", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.Joined);
        Assert.Equal("reiste", Lexicon.Synthesize(anreisen, Past(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("anreisten", Lexicon.Synthesize(anreisen, Past(Person.Third, GrammaticalNumber.Plural), VerbPlacement.Joined));
        Assert.Equal("angereist", Lexicon.Synthesize(anreisen, VerbFeatures.PastParticiple));

        int weiterleiten = Verb("weiterleiten");
        Assert.Equal("weiter", Lexicon.Particle(weiterleiten));
        AssertVerbReading("leitet", "weiterleiten", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.SeparatedStem);
        AssertVerbReading("weiterleitet", "weiterleiten", Present(Person.Second, GrammaticalNumber.Plural), VerbPlacement.Joined);
        Assert.Equal("leiten", Lexicon.Synthesize(weiterleiten, Present(Person.Third, GrammaticalNumber.Plural)));
        Assert.Equal("weitergeleitet", Lexicon.Synthesize(weiterleiten, VerbFeatures.PastParticiple));
        Assert.Null(Lexicon.ShortImperative(weiterleiten));
    }

    [Fact]
    public void ParticlesTheZuInfinitiveProves()
    {
        // The data splits "dabeisitzen" as "beisitzt da" and leaves "bereitstellen" unsplit; their zu-infinitives decide.
        int dabeisitzen = Verb("dabeisitzen");
        Assert.Equal("dabei", Lexicon.Particle(dabeisitzen));
        Assert.Equal("sitzt", Lexicon.Synthesize(dabeisitzen, Present(Person.Third, GrammaticalNumber.Singular)));
        int bereitstellen = Verb("bereitstellen");
        Assert.Equal("bereit", Lexicon.Particle(bereitstellen));
        AssertVerbReading("stellen", "bereitstellen", Present(Person.First, GrammaticalNumber.Plural), VerbPlacement.SeparatedStem);
        Assert.Equal("bereitstellt", Lexicon.Synthesize(bereitstellen, Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.Joined));
    }

    [Fact]
    public void StrongVerbsWithVowelChange()
    {
        int sehen = Verb("sehen");
        AssertVerbReading("sieh", "sehen", VerbFeatures.Imperative(GrammaticalNumber.Singular));
        AssertVerbReading("sieht", "sehen", Present(Person.Third, GrammaticalNumber.Singular));
        AssertVerbReading("sah", "sehen", Past(Person.First, GrammaticalNumber.Singular));
        Assert.Equal("sieh", Lexicon.Synthesize(sehen, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        Assert.Null(Lexicon.ShortImperative(sehen));

        int geben = Verb("geben");
        Assert.Equal("gib", Lexicon.Synthesize(geben, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        Assert.Equal("gebt", Lexicon.Synthesize(geben, VerbFeatures.Imperative(GrammaticalNumber.Plural)));
        Assert.Equal("gäbe", Lexicon.Synthesize(geben, VerbFeatures.Finite(VerbTense.SubjunctiveTwo, Person.First, GrammaticalNumber.Singular)));
        Assert.Null(Lexicon.ShortImperative(geben));
    }

    [Fact]
    public void ShortImperatives()
    {
        int holen = Verb("holen");
        Assert.Equal("hole", Lexicon.Synthesize(holen, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        Assert.Equal("hol", Lexicon.ShortImperative(holen));
        AssertVerbReading("hol", "holen", VerbFeatures.Imperative(GrammaticalNumber.Singular));
        AssertVerbReading("hole", "holen", VerbFeatures.Imperative(GrammaticalNumber.Singular));
        Assert.Equal("schau", Lexicon.ShortImperative(Verb("schauen")));
        Assert.Equal("ruf", Lexicon.ShortImperative(Verb("rufen")));
        Assert.Equal("nutz", Lexicon.ShortImperative(Verb("nutzen")));
        Assert.Equal("komm", Lexicon.ShortImperative(Verb("kommen")));

        int sammeln = Verb("sammeln");
        Assert.Equal("sammle", Lexicon.Synthesize(sammeln, VerbFeatures.Imperative(GrammaticalNumber.Singular)));
        AssertVerbReading("sammle", "sammeln", VerbFeatures.Imperative(GrammaticalNumber.Singular));
        foreach (string lemma in new[] { "sammeln", "ändern", "öffnen", "atmen", "rechnen", "warten", "reden", "entschuldigen" })
        {
            Assert.Null(Lexicon.ShortImperative(Verb(lemma)));
        }
    }

    [Fact]
    public void Nouns()
    {
        int haus = Lexicon.FindLemma("Haus", PartOfSpeech.Noun);
        Assert.True(haus >= 0);
        Assert.Equal(PartOfSpeech.Noun, Lexicon.PartOfSpeechOf(haus));
        Assert.Equal("Häusern", Lexicon.SynthesizeNoun(haus, GrammaticalCase.Dative, GrammaticalNumber.Plural));
        Assert.Equal("Hauses", Lexicon.SynthesizeNoun(haus, GrammaticalCase.Genitive, GrammaticalNumber.Singular));
        List<WordReading> häuser = [.. Lexicon.Lookup("Häuser").ToList().Where(r => r.LemmaId == haus)];
        Assert.Equal(
            [GrammaticalCase.Nominative, GrammaticalCase.Accusative, GrammaticalCase.Genitive],
            häuser.Select(r => r.Case).Order().ToArray());
        Assert.All(häuser, r => Assert.Equal((GrammaticalNumber.Plural, Gender.Neuter), (r.Number, r.Gender)));

        int frau = Lexicon.FindLemma("Frau", PartOfSpeech.Noun);
        Assert.Contains(Lexicon.Lookup("Frauen").ToList(), r => r.LemmaId == frau && r.Gender == Gender.Feminine && r.Case == GrammaticalCase.Dative);
        int mitarbeiter = Lexicon.FindLemma("Mitarbeiter", PartOfSpeech.Noun);
        Assert.Equal("Mitarbeitern", Lexicon.SynthesizeNoun(mitarbeiter, GrammaticalCase.Dative, GrammaticalNumber.Plural));
        Assert.Contains(Lexicon.Lookup("Mitarbeiter").ToList(), r => r.LemmaId == mitarbeiter && r.Gender == Gender.Masculine);

        // Plural-only nouns have no gender and no singular.
        int eltern = Lexicon.FindLemma("Eltern", PartOfSpeech.Noun);
        Assert.Null(Lexicon.SynthesizeNoun(eltern, GrammaticalCase.Nominative, GrammaticalNumber.Singular));
        Assert.All(Lexicon.Lookup("Eltern").ToList().Where(r => r.LemmaId == eltern), r => Assert.Equal(Gender.None, r.Gender));
    }

    [Fact]
    public void OldSpellingOfNouns()
    {
        int schluss = Lexicon.FindLemma("Schluss", PartOfSpeech.Noun);
        Assert.True(schluss >= 0);
        Assert.Equal(schluss, Lexicon.FindLemma("Schluß", PartOfSpeech.Noun));
        Assert.Equal("Schluss", Lexicon.Lemma(schluss));
        foreach (string word in new[] { "Schluss", "Schluß", "schluss", "SCHLUSS" })
        {
            Assert.Contains(Lexicon.Lookup(word).ToList(), r => r.LemmaId == schluss && r.Case == GrammaticalCase.Nominative && r.Number == GrammaticalNumber.Singular && r.Gender == Gender.Masculine);
        }

        Assert.Equal("Schluss", Lexicon.SynthesizeNoun(schluss, GrammaticalCase.Dative, GrammaticalNumber.Singular));
        Assert.Equal("Schlusses", Lexicon.SynthesizeNoun(schluss, GrammaticalCase.Genitive, GrammaticalNumber.Singular));
        Assert.Equal("Schlüsse", Lexicon.SynthesizeNoun(schluss, GrammaticalCase.Nominative, GrammaticalNumber.Plural));

        int schloss = Lexicon.FindLemma("Schloß", PartOfSpeech.Noun);
        Assert.Equal("Schloss", Lexicon.Lemma(schloss));
        Assert.Equal("Fuß", Lexicon.Lemma(Lexicon.FindLemma("Fuß", PartOfSpeech.Noun)));
        Assert.Equal("Spaß", Lexicon.SynthesizeNoun(Lexicon.FindLemma("Spaß", PartOfSpeech.Noun), GrammaticalCase.Nominative, GrammaticalNumber.Singular));
        Assert.Equal(-1, Lexicon.FindLemma("Fuss", PartOfSpeech.Noun));
    }

    [Fact]
    public void VerbsInCurrentSpelling()
    {
        int essen = Verb("essen");
        Assert.Equal("aß", Lexicon.Synthesize(essen, Past(Person.First, GrammaticalNumber.Singular)));
        Assert.Equal("äße", Lexicon.Synthesize(essen, VerbFeatures.Finite(VerbTense.SubjunctiveTwo, Person.First, GrammaticalNumber.Singular)));
        Assert.Equal("isst", Lexicon.Synthesize(essen, Present(Person.Third, GrammaticalNumber.Singular)));
        AssertVerbReading("ißt", "aufessen", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.SeparatedStem);
        AssertVerbReading("isst", "aufessen", Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.SeparatedStem);

        int wissen = Verb("wissen");
        Assert.Equal("wusste", Lexicon.Synthesize(wissen, Past(Person.First, GrammaticalNumber.Singular)));
        Assert.Equal("wüsste", Lexicon.Synthesize(wissen, VerbFeatures.Finite(VerbTense.SubjunctiveTwo, Person.First, GrammaticalNumber.Singular)));
        Assert.Equal("weiß", Lexicon.Synthesize(wissen, Present(Person.First, GrammaticalNumber.Singular)));
        Assert.Equal("wisst", Lexicon.Synthesize(wissen, Present(Person.Second, GrammaticalNumber.Plural)));
        Assert.Equal("gewusst", Lexicon.Synthesize(wissen, VerbFeatures.PastParticiple));
        AssertVerbReading("wußte", "wissen", Past(Person.Third, GrammaticalNumber.Singular));
        AssertVerbReading("wusste", "wissen", Past(Person.Third, GrammaticalNumber.Singular));
        AssertVerbReading("wißt", "wissen", Present(Person.Second, GrammaticalNumber.Plural));

        Assert.Equal("schloss", Lexicon.Synthesize(Verb("schließen"), Past(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("schließt", Lexicon.Synthesize(Verb("schließen"), Present(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("muss", Lexicon.Synthesize(Verb("müssen"), Present(Person.First, GrammaticalNumber.Singular)));
        Assert.Equal("musste", Lexicon.Synthesize(Verb("müssen"), Past(Person.First, GrammaticalNumber.Singular)));
        AssertVerbReading("muß", "müssen", Present(Person.Third, GrammaticalNumber.Singular));
    }

    [Fact]
    public void Adjectives()
    {
        int groß = Lexicon.FindLemma("groß", PartOfSpeech.Adjective);
        Assert.Equal("groß", Lexicon.SynthesizeAdjective(groß, GrammaticalCase.None, GrammaticalNumber.None, Gender.None, AdjectiveInflection.None));
        Assert.Equal("großer", Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Nominative, GrammaticalNumber.Singular, Gender.Masculine, AdjectiveInflection.Strong));
        Assert.Equal("große", Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Nominative, GrammaticalNumber.Singular, Gender.Masculine, AdjectiveInflection.Weak));
        Assert.Equal("großer", Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Nominative, GrammaticalNumber.Singular, Gender.Masculine, AdjectiveInflection.Mixed));
        Assert.Equal("großem", Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Dative, GrammaticalNumber.Singular, Gender.Neuter, AdjectiveInflection.Strong));
        Assert.Equal("großer", Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Genitive, GrammaticalNumber.Plural, Gender.None, AdjectiveInflection.Strong));
        Assert.Equal("großen", Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Accusative, GrammaticalNumber.Plural, Gender.None, AdjectiveInflection.Weak));
        Assert.Null(Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Nominative, GrammaticalNumber.Singular, Gender.None, AdjectiveInflection.Strong));
        Assert.Null(Lexicon.SynthesizeAdjective(groß, GrammaticalCase.Nominative, GrammaticalNumber.Singular, Gender.Masculine, AdjectiveInflection.None));

        List<WordReading> großes = [.. Lexicon.Lookup("großes").ToList().Where(r => r.LemmaId == groß)];
        Assert.Equal(4, großes.Count);
        Assert.All(großes, r => Assert.Equal((GrammaticalNumber.Singular, Gender.Neuter), (r.Number, r.Gender)));
        Assert.Contains(großes, r => r.Case == GrammaticalCase.Nominative && r.Inflection == AdjectiveInflection.Mixed);
        Assert.Contains(Lexicon.Lookup("groß").ToList(), r => r.LemmaId == groß && r.Case == GrammaticalCase.None);

        // "naß" is "nass" now; the data has both entries, which become one lemma.
        int nass = Lexicon.FindLemma("nass", PartOfSpeech.Adjective);
        Assert.Equal(nass, Lexicon.FindLemma("naß", PartOfSpeech.Adjective));
        Assert.Equal("nass", Lexicon.Lemma(nass));
        Assert.Contains(Lexicon.Lookup("naß").ToList(), r => r.LemmaId == nass);
        Assert.Equal("nasses", Lexicon.SynthesizeAdjective(nass, GrammaticalCase.Nominative, GrammaticalNumber.Singular, Gender.Neuter, AdjectiveInflection.Strong));
    }

    [Fact]
    public void AdjectivesOutsideTheStandardTableAreStoredInFull()
    {
        // "binär" lacks the neuter accusative after ein; the other slots are as usual.
        int binär = Lexicon.FindLemma("binär", PartOfSpeech.Adjective);
        Assert.Null(Lexicon.SynthesizeAdjective(binär, GrammaticalCase.Accusative, GrammaticalNumber.Singular, Gender.Neuter, AdjectiveInflection.Mixed));
        Assert.Equal("binärer", Lexicon.SynthesizeAdjective(binär, GrammaticalCase.Nominative, GrammaticalNumber.Singular, Gender.Masculine, AdjectiveInflection.Strong));
    }

    [Fact]
    public void LookupIgnoresCaseAndMergesParts()
    {
        Assert.True(Lexicon.Has("Essen", PartOfSpeech.Noun));
        Assert.True(Lexicon.Has("essen", PartOfSpeech.Verb));
        Assert.True(Lexicon.Has("ESSEN", PartOfSpeech.Verb));
        Assert.False(Lexicon.Has("essen", PartOfSpeech.Adjective));
        Assert.Equal(Lexicon.Lookup("passt").ToList(), Lexicon.Lookup("PASST").ToList());
        Assert.Equal(Lexicon.Lookup("Änderung").ToList(), Lexicon.Lookup("ÄNDERUNG").ToList());
        Assert.NotEmpty(Lexicon.Lookup("ÄNDERUNG").ToList());
        Assert.True(Lexicon.Contains("Œuvre"));
        Assert.True(Lexicon.Contains("œuvre"));
    }

    [Fact]
    public void FindLemmaPrefersTheExactCase()
    {
        int noun = Lexicon.FindLemma("Essen", PartOfSpeech.None);
        int verb = Lexicon.FindLemma("essen", PartOfSpeech.None);
        Assert.Equal(PartOfSpeech.Noun, Lexicon.PartOfSpeechOf(noun));
        Assert.Equal(PartOfSpeech.Verb, Lexicon.PartOfSpeechOf(verb));
        Assert.Equal(verb, Lexicon.FindLemma("ESSEN", PartOfSpeech.Verb));
    }

    [Fact]
    public void UnknownWords()
    {
        Assert.True(Lexicon.Lookup("Blorfgrunzel").IsEmpty);
        Assert.False(Lexicon.Contains("Blorfgrunzel"));
        Assert.False(Lexicon.Has("Blorfgrunzel", PartOfSpeech.Noun));
        Assert.Equal(-1, Lexicon.FindLemma("blorfgrunzeln", PartOfSpeech.Verb));
        Assert.Equal(-1, Lexicon.FindLemma("Haus", PartOfSpeech.Verb));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("日本語")]
    [InlineData("\uD800")]
    [InlineData("\0")]
    [InlineData("passt\0")]
    [InlineData("İstanbul")]
    public void GarbageIsUnknownWithoutThrowing(string word)
    {
        Assert.Empty(Lexicon.Lookup(word).ToList());
        Assert.False(Lexicon.Contains(word));
        Assert.Equal(-1, Lexicon.FindLemma(word, PartOfSpeech.None));
    }

    [Fact]
    public void VeryLongWordsAreUnknown()
    {
        string word = new('a', 1_000_000);
        Assert.True(Lexicon.Lookup(word).IsEmpty);
        Assert.Equal(-1, Lexicon.FindLemma(word, PartOfSpeech.Noun));
    }

    [Fact]
    public void BadIdsAndFeaturesGiveNothing()
    {
        int holen = Verb("holen");
        foreach (int id in new[] { -1, int.MinValue, Lexicon.LemmaCount, int.MaxValue })
        {
            Assert.Equal(string.Empty, Lexicon.Lemma(id));
            Assert.Equal(PartOfSpeech.None, Lexicon.PartOfSpeechOf(id));
            Assert.Null(Lexicon.Particle(id));
            Assert.Null(Lexicon.Synthesize(id, VerbFeatures.Infinitive));
            Assert.Null(Lexicon.ShortImperative(id));
            Assert.Null(Lexicon.SynthesizeNoun(id, GrammaticalCase.Nominative, GrammaticalNumber.Singular));
            Assert.Null(Lexicon.SynthesizeAdjective(id, GrammaticalCase.None, GrammaticalNumber.None, Gender.None, AdjectiveInflection.None));
        }

        Assert.Null(Lexicon.Synthesize(holen, default));
        Assert.Null(Lexicon.Synthesize(holen, VerbFeatures.Finite(VerbTense.None, Person.First, GrammaticalNumber.Singular)));
        Assert.Null(Lexicon.Synthesize(holen, new VerbFeatures((VerbFormKind)200, (VerbTense)9, (Person)9, (GrammaticalNumber)9)));
        Assert.Null(Lexicon.SynthesizeNoun(holen, GrammaticalCase.Nominative, GrammaticalNumber.Singular));
        Assert.Null(Lexicon.SynthesizeNoun(Lexicon.FindLemma("Haus", PartOfSpeech.Noun), (GrammaticalCase)7, GrammaticalNumber.Singular));
    }

    [Fact]
    public void EveryVerbSlotRoundTrips()
    {
        // Whatever Synthesize returns for a slot, looking it up gives that lemma and slot back.
        foreach (string lemma in new[] { "sein", "anpassen", "geben", "sammeln", "holen" })
        {
            int id = Verb(lemma);
            foreach (VerbTense tense in new[] { VerbTense.Present, VerbTense.Past, VerbTense.SubjunctiveOne, VerbTense.SubjunctiveTwo })
            {
                foreach (Person person in new[] { Person.First, Person.Second, Person.Third })
                {
                    foreach (GrammaticalNumber number in new[] { GrammaticalNumber.Singular, GrammaticalNumber.Plural })
                    {
                        VerbFeatures features = VerbFeatures.Finite(tense, person, number);
                        foreach (VerbPlacement placement in new[] { VerbPlacement.SeparatedStem, VerbPlacement.Joined })
                        {
                            if (Lexicon.Synthesize(id, features, placement) is { } form)
                            {
                                VerbPlacement expected = Lexicon.Particle(id) is null ? VerbPlacement.Whole : placement;
                                AssertVerbReading(form, lemma, features, expected);
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void TheHashMatchesTheGenerator()
    {
        // The same values are computed by scripts/build-lexicon.mjs (tests/node/lexicon.test.mjs checks them there).
        Assert.Equal(2145611419u, LexiconSlots.Hash("Schluß"));
        Assert.Equal(3452154628u, LexiconSlots.Hash("passt"));
        Assert.Equal(3452154628u, LexiconSlots.Hash("PASST"));
        Assert.Equal(397233820u, LexiconSlots.Hash("Œuvre"));
        Assert.Equal(2166136261u, LexiconSlots.Hash(""));
    }

    [Fact]
    public void EmptyLexiconKnowsNothing()
    {
        GermanLexicon empty = GermanLexicon.Empty;
        Assert.Null(empty.LoadError);
        Assert.Equal(0, empty.LemmaCount);
        Assert.True(empty.Lookup("passt").IsEmpty);
        Assert.Equal(-1, empty.FindLemma("passen", PartOfSpeech.Verb));
        Assert.Equal(string.Empty, empty.Lemma(0));
        Assert.Null(empty.Synthesize(0, VerbFeatures.Infinitive));
    }

    [Fact]
    public void DamagedDataGivesAnEmptyLexiconWithAnError()
    {
        byte[] original = ResourceBytes();
        Assert.Null(GermanLexicon.FromBytes(original).LoadError);
        Assert.False(GermanLexicon.FromBytes(original).IsReadInPlace);

        byte[] wrongMagic = (byte[])original.Clone();
        wrongMagic[0] ^= 0xFF;
        byte[] wrongVersion = (byte[])original.Clone();
        wrongVersion[4] = 99;
        byte[] hugeCount = (byte[])original.Clone();
        hugeCount[4 * 4 + 3] = 0x7F;
        byte[] sectionOutside = (byte[])original.Clone();
        BitConverter.GetBytes(original.Length - 4).CopyTo(sectionOutside, 20 * 4);
        byte[][] damaged = [[], [1, 2, 3], original[..100], original[..(original.Length / 2)], wrongMagic, wrongVersion, hugeCount, sectionOutside, new byte[original.Length]];
        foreach (byte[] data in damaged)
        {
            GermanLexicon lexicon = GermanLexicon.FromBytes(data);
            Assert.NotNull(lexicon.LoadError);
            Assert.Equal(0, lexicon.LemmaCount);
            Assert.Equal(0, lexicon.FormCount);
            Assert.True(lexicon.Lookup("passt").IsEmpty);
            Assert.Equal(-1, lexicon.FindLemma("passen", PartOfSpeech.Verb));
            Assert.Null(lexicon.Synthesize(0, VerbFeatures.Infinitive));
        }
    }

    [Fact]
    public void ScrambledSectionsDoNotThrow()
    {
        // Random bytes after a valid header: answers may be wrong, but no call may throw.
        byte[] original = ResourceBytes();
        byte[] data = (byte[])original.Clone();
        new Random(11).NextBytes(data.AsSpan(LexiconLayout.HeaderSize));

        // Keep the three numbers the header check reads: the first and last reading start and the string bytes' end.
        int Field(int index) => BitConverter.ToInt32(original, index * 4);
        foreach (int position in new[] { Field(19), Field(19) + Field(4) * 4, Field(17) + Field(3) * 4 })
        {
            original.AsSpan(position, 4).CopyTo(data.AsSpan(position));
        }

        GermanLexicon lexicon = GermanLexicon.FromBytes(data);
        Assert.Null(lexicon.LoadError);
        foreach (string word in new[] { "passt", "Haus", "groß", "Schluß", "x", "hol", "herunterlädst", "heruntergeladen", "herunterzuladen", "verifizierst", "einverifiziert", "einzuverifizieren", "unsortiert", "Haustiere" })
        {
            _ = lexicon.Lookup(word).ToList();
            _ = lexicon.Contains(word);
            _ = lexicon.Has(word, PartOfSpeech.Verb);
            _ = lexicon.FindLemma(word, PartOfSpeech.None);
            foreach (WordReading reading in lexicon.Lookup(word))
            {
                _ = lexicon.Lemma(reading.LemmaId);
                _ = lexicon.Particle(reading.LemmaId);
                _ = lexicon.Synthesize(reading.LemmaId, VerbFeatures.ZuInfinitive);
                _ = lexicon.ShortImperative(reading.LemmaId);
            }
        }

        for (int id = 0; id < lexicon.LemmaCount; id += 997)
        {
            _ = lexicon.Lemma(id);
            _ = lexicon.Particle(id);
            _ = lexicon.Synthesize(id, VerbFeatures.Finite(VerbTense.Present, Person.Third, GrammaticalNumber.Singular), VerbPlacement.Joined);
            _ = lexicon.ShortImperative(id);
            _ = lexicon.SynthesizeNoun(id, GrammaticalCase.Genitive, GrammaticalNumber.Plural);
            _ = lexicon.SynthesizeAdjective(id, GrammaticalCase.Dative, GrammaticalNumber.Singular, Gender.Feminine, AdjectiveInflection.Strong);
        }
    }

    private static byte[] ResourceBytes()
    {
        using Stream stream = typeof(GermanLexicon).Assembly.GetManifestResourceStream("ToneLsp.Core.Morphology.german.lexicon")!;
        byte[] data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }
}

using ToneLsp.Core.Morphology;

// The namespace is the project's own: a ToneLsp.Core.Tests.Morphology namespace would hide ToneLsp.Core.Morphology.
namespace ToneLsp.Core.Tests;

/// <summary>
/// What the lexicon adds to its data: imperatives of separable verbs from their base verbs, compounds of a particle
/// and a known verb, and verbs in -ieren, each derived by rule and told apart by <see cref="GermanLexicon.IsDerived"/>.
/// </summary>
public class GermanLexiconDerivedTests
{
    private static readonly GermanLexicon Lexicon = GermanLexicon.Shared;

    private static readonly VerbFeatures ImperativeSingular = VerbFeatures.Imperative(GrammaticalNumber.Singular);

    private static readonly VerbFeatures ImperativePlural = VerbFeatures.Imperative(GrammaticalNumber.Plural);

    private static VerbFeatures Finite(VerbTense tense, Person person, GrammaticalNumber number) => VerbFeatures.Finite(tense, person, number);

    private static VerbFeatures Present(Person person, GrammaticalNumber number) => Finite(VerbTense.Present, person, number);

    private static int StoredVerb(string lemma)
    {
        int id = Lexicon.FindLemma(lemma, PartOfSpeech.Verb);
        Assert.True(id >= 0, $"no verb {lemma}");
        Assert.False(Lexicon.IsDerived(id), $"{lemma} is derived");
        return id;
    }

    // The one lemma id the word's verb readings of the lemma have; fails unless there is exactly one.
    private static int DerivedVerb(string word, string lemma, VerbPlacement placement)
    {
        List<WordReading> readings = [.. Lexicon.Lookup(word).ToList().Where(r => Lexicon.Lemma(r.LemmaId) == lemma && r.Placement == placement)];
        Assert.True(readings.Count > 0, $"{word}: no {placement} reading of {lemma}; has {Describe(word)}");
        int id = Assert.Single(readings.Select(r => r.LemmaId).Distinct());
        Assert.True(Lexicon.IsDerived(id), $"{word}: {lemma} is not derived");
        Assert.Equal(PartOfSpeech.Verb, Lexicon.PartOfSpeechOf(id));
        return id;
    }

    private static void AssertReading(string word, int lemmaId, VerbFeatures features, VerbPlacement placement)
    {
        Assert.True(
            Lexicon.Lookup(word).ToList().Any(r => r.LemmaId == lemmaId && r.Verb == features && r.Placement == placement),
            $"{word}: no {Lexicon.Lemma(lemmaId)} {features} {placement}; has {Describe(word)}");
    }

    private static string Describe(string word) =>
        string.Join("; ", Lexicon.Lookup(word).ToList().Select(r => $"{Lexicon.Lemma(r.LemmaId)} {r.PartOfSpeech} {r.Verb} {r.Placement}"));

    private static IEnumerable<VerbFeatures> EveryVerbSlot()
    {
        foreach (VerbTense tense in new[] { VerbTense.Present, VerbTense.Past, VerbTense.SubjunctiveOne, VerbTense.SubjunctiveTwo })
        {
            foreach (GrammaticalNumber number in new[] { GrammaticalNumber.Singular, GrammaticalNumber.Plural })
            {
                foreach (Person person in new[] { Person.First, Person.Second, Person.Third })
                {
                    yield return Finite(tense, person, number);
                }
            }
        }

        yield return ImperativeSingular;
        yield return ImperativePlural;
        yield return VerbFeatures.Infinitive;
        yield return VerbFeatures.ZuInfinitive;
        yield return VerbFeatures.PresentParticiple;
        yield return VerbFeatures.PastParticiple;
    }

    [Theory]
    [InlineData("anrufen", "rufe", "ruf", "ruft")]
    [InlineData("ansehen", "sieh", null, "seht")]
    [InlineData("mitteilen", "teile", "teil", "teilt")]
    [InlineData("eingeben", "gib", null, "gebt")]
    [InlineData("anfangen", "fange", "fang", "fangt")]
    public void SeparableVerbsTakeTheirBaseVerbsImperative(string lemma, string singular, string? shortSingular, string plural)
    {
        int id = StoredVerb(lemma);
        Assert.Equal(singular, Lexicon.Synthesize(id, ImperativeSingular));
        Assert.Equal(plural, Lexicon.Synthesize(id, ImperativePlural));
        Assert.Equal(shortSingular, Lexicon.ShortImperative(id));
        Assert.Null(Lexicon.Synthesize(id, ImperativeSingular, VerbPlacement.Joined));
        AssertReading(singular, id, ImperativeSingular, VerbPlacement.SeparatedStem);
        AssertReading(plural, id, ImperativePlural, VerbPlacement.SeparatedStem);
        if (shortSingular is not null)
        {
            AssertReading(shortSingular, id, ImperativeSingular, VerbPlacement.SeparatedStem);
        }

        // The joined form is no imperative ("anrufe" is only the joined 1st singular).
        string joined = Lexicon.Particle(id) + singular;
        Assert.DoesNotContain(Lexicon.Lookup(joined).ToList(), r => r.LemmaId == id && r.Verb.Kind == VerbFormKind.Imperative);
    }

    [Fact]
    public void ShortImperativesOfVerbsInElenAndEren()
    {
        // The e before l or r is unstressed only in -eln/-ern ("sammle", "ändere").
        Assert.Equal("spiel", Lexicon.ShortImperative(StoredVerb("spielen")));
        Assert.Equal("studier", Lexicon.ShortImperative(StoredVerb("studieren")));
        Assert.Equal("probier", Lexicon.ShortImperative(StoredVerb("probieren")));
        Assert.Null(Lexicon.ShortImperative(StoredVerb("sammeln")));
        Assert.Null(Lexicon.ShortImperative(StoredVerb("ändern")));
        Assert.Null(Lexicon.ShortImperative(StoredVerb("feiern")));
    }

    [Fact]
    public void HerunterladenFromLaden()
    {
        Assert.Equal(-1, Lexicon.FindLemma("herunterladen", PartOfSpeech.Noun));
        int id = DerivedVerb("herunterlädst", "herunterladen", VerbPlacement.Joined);
        AssertReading("herunterlädst", id, Present(Person.Second, GrammaticalNumber.Singular), VerbPlacement.Joined);
        Assert.DoesNotContain(Lexicon.Lookup("herunterlädst").ToList(), r => r.Placement != VerbPlacement.Joined || r.Verb.Kind != VerbFormKind.Finite);
        Assert.Equal("herunterladen", Lexicon.Lemma(id));
        Assert.Equal("herunter", Lexicon.Particle(id));
        Assert.Equal(id, Lexicon.FindLemma("herunterladen", PartOfSpeech.Verb));
        Assert.Equal(id, Lexicon.FindLemma("Herunterladen", PartOfSpeech.None));

        Assert.Equal("herunterladen", Lexicon.Synthesize(id, Present(Person.Third, GrammaticalNumber.Plural), VerbPlacement.Joined));
        Assert.Equal("laden", Lexicon.Synthesize(id, Present(Person.Third, GrammaticalNumber.Plural), VerbPlacement.SeparatedStem));
        Assert.Equal("herunterlädt", Lexicon.Synthesize(id, Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.Whole));
        Assert.Equal("luden", Lexicon.Synthesize(id, Finite(VerbTense.Past, Person.First, GrammaticalNumber.Plural)));
        Assert.Equal("lade", Lexicon.Synthesize(id, ImperativeSingular));
        Assert.Equal("ladet", Lexicon.Synthesize(id, ImperativePlural));
        Assert.Null(Lexicon.Synthesize(id, ImperativeSingular, VerbPlacement.Joined));
        Assert.Null(Lexicon.ShortImperative(id));
        Assert.Equal("herunterladen", Lexicon.Synthesize(id, VerbFeatures.Infinitive));
        Assert.Equal("herunterzuladen", Lexicon.Synthesize(id, VerbFeatures.ZuInfinitive));
        Assert.Equal("heruntergeladen", Lexicon.Synthesize(id, VerbFeatures.PastParticiple));
        Assert.Equal("herunterladend", Lexicon.Synthesize(id, VerbFeatures.PresentParticiple));

        AssertReading("heruntergeladen", id, VerbFeatures.PastParticiple, VerbPlacement.Joined);
        AssertReading("herunterzuladen", id, VerbFeatures.ZuInfinitive, VerbPlacement.Joined);
        AssertReading("herunterladen", id, VerbFeatures.Infinitive, VerbPlacement.Joined);
        AssertReading("herunterladen", id, Present(Person.Third, GrammaticalNumber.Plural), VerbPlacement.Joined);
        AssertReading("HERUNTERLÄDST", id, Present(Person.Second, GrammaticalNumber.Singular), VerbPlacement.Joined);

        // The separated stem is the base verb's form and reads as the base verb.
        Assert.All(Lexicon.Lookup("lädst").ToList(), r => Assert.False(Lexicon.IsDerived(r.LemmaId)));
    }

    [Theory]
    [InlineData("hochlädst", "hochladen", "hoch", "hochgeladen", "hochzuladen", null)]
    [InlineData("runterlädst", "runterladen", "runter", "runtergeladen", "runterzuladen", null)]
    [InlineData("einloggst", "einloggen", "ein", "eingeloggt", "einzuloggen", "logg")]
    [InlineData("ausloggst", "ausloggen", "aus", "ausgeloggt", "auszuloggen", "logg")]
    [InlineData("eintippst", "eintippen", "ein", "eingetippt", "einzutippen", "tipp")]
    [InlineData("reinschaust", "reinschauen", "rein", "reingeschaut", "reinzuschauen", "schau")]
    [InlineData("vorbeischaust", "vorbeischauen", "vorbei", "vorbeigeschaut", "vorbeizuschauen", "schau")]
    public void CompoundsOfAParticleAndAKnownVerb(string secondSingular, string lemma, string particle, string participle, string zuInfinitive, string? shortImperative)
    {
        int id = DerivedVerb(secondSingular, lemma, VerbPlacement.Joined);
        Assert.Equal(particle, Lexicon.Particle(id));
        Assert.Equal(id, Lexicon.FindLemma(lemma, PartOfSpeech.Verb));
        Assert.Equal(shortImperative, Lexicon.ShortImperative(id));
        Assert.Equal(participle, Lexicon.Synthesize(id, VerbFeatures.PastParticiple));
        Assert.Equal(zuInfinitive, Lexicon.Synthesize(id, VerbFeatures.ZuInfinitive));
        AssertReading(participle, id, VerbFeatures.PastParticiple, VerbPlacement.Joined);
        AssertReading(zuInfinitive, id, VerbFeatures.ZuInfinitive, VerbPlacement.Joined);
        AssertReading(lemma, id, VerbFeatures.Infinitive, VerbPlacement.Joined);
    }

    [Fact]
    public void EveryJoinedFormOfACompoundRoundTrips()
    {
        int id = Lexicon.FindLemma("herunterladen", PartOfSpeech.Verb);
        Assert.True(Lexicon.IsDerived(id));
        foreach (VerbFeatures features in EveryVerbSlot().Where(f => f.Kind != VerbFormKind.Imperative))
        {
            string? form = Lexicon.Synthesize(id, features, VerbPlacement.Joined);
            Assert.NotNull(form);
            AssertReading(form, id, features, VerbPlacement.Joined);
        }
    }

    [Fact]
    public void ParticiplesTakeTheParticleOnlyWithGe()
    {
        // gehen and geben have a ge- of their own before their g; gefallen's "gefallen" has none.
        int runtergehen = DerivedVerb("runtergegangen", "runtergehen", VerbPlacement.Joined);
        AssertReading("runtergegangen", runtergehen, VerbFeatures.PastParticiple, VerbPlacement.Joined);
        Assert.DoesNotContain(Lexicon.Lookup("runtergefallen").ToList(), r => r.Verb.Kind == VerbFormKind.PastParticiple && Lexicon.Lemma(r.LemmaId) == "runtergefallen");
        int runterfallen = DerivedVerb("runtergefallen", "runterfallen", VerbPlacement.Joined);
        AssertReading("runtergefallen", runterfallen, VerbFeatures.PastParticiple, VerbPlacement.Joined);

        // A participle without ge- joins only a verb in -ieren: "vorkonfiguriert" (the data has einprogrammieren).
        Assert.False(Lexicon.IsDerived(StoredVerb("einprogrammieren")));
        int vorkonfigurieren = DerivedVerb("vorkonfiguriert", "vorkonfigurieren", VerbPlacement.Joined);
        AssertReading("vorkonfiguriert", vorkonfigurieren, VerbFeatures.PastParticiple, VerbPlacement.Joined);
        AssertReading("vorkonfiguriert", vorkonfigurieren, Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.Joined);
        AssertReading("vorzukonfigurieren", vorkonfigurieren, VerbFeatures.ZuInfinitive, VerbPlacement.Joined);
        Assert.Equal("konfiguriert", Lexicon.Synthesize(vorkonfigurieren, Present(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("vorzukonfigurieren", Lexicon.Synthesize(vorkonfigurieren, VerbFeatures.ZuInfinitive));
        Assert.Equal("konfigurier", Lexicon.ShortImperative(vorkonfigurieren));

        // Inseparable verbs have no ge-: "unterbesetzt" is no participle of a compound of besetzen.
        Assert.DoesNotContain(Lexicon.Lookup("unterbesetzt").ToList(), r => r.Verb.Kind == VerbFormKind.PastParticiple);
    }

    [Theory]
    [InlineData("anfangen")]
    [InlineData("Anlagen")]
    [InlineData("anpasst")]
    [InlineData("spazieren")]
    [InlineData("spazierst")]
    [InlineData("Papier")]
    [InlineData("Papiere")]
    [InlineData("studierst")]
    [InlineData("abends")]
    public void KnownWordsAreNotDecomposed(string word)
    {
        List<WordReading> readings = Lexicon.Lookup(word).ToList();
        Assert.NotEmpty(readings);
        Assert.All(readings, r => Assert.False(Lexicon.IsDerived(r.LemmaId), $"{word}: {Lexicon.Lemma(r.LemmaId)} is derived"));
    }

    [Fact]
    public void KnownWordsKeepTheirReadings()
    {
        int anfangen = StoredVerb("anfangen");
        AssertReading("anfangen", anfangen, VerbFeatures.Infinitive, VerbPlacement.Joined);
        List<WordReading> anlagen = Lexicon.Lookup("Anlagen").ToList();
        Assert.Contains(anlagen, r => r.PartOfSpeech == PartOfSpeech.Noun && Lexicon.Lemma(r.LemmaId) == "Anlage");
        Assert.DoesNotContain(anlagen, r => r.PartOfSpeech == PartOfSpeech.Verb && Lexicon.Lemma(r.LemmaId) == "anliegen" && Lexicon.IsDerived(r.LemmaId));
        Assert.All(Lexicon.Lookup("Papier").ToList(), r => Assert.Equal(PartOfSpeech.Noun, r.PartOfSpeech));
    }

    [Theory]
    [InlineData("überall")]
    [InlineData("abends")]
    [InlineData("einmal")]
    [InlineData("umsonst")]
    [InlineData("zugleich")]
    [InlineData("vorbei")]
    [InlineData("hier")]
    [InlineData("vier")]
    [InlineData("schier")]
    [InlineData("Toilettenpapier")]
    [InlineData("Haustiere")]
    [InlineData("unsortiert")]
    [InlineData("unkomplizierte")]
    [InlineData("benutzerdefinierte")]
    [InlineData("Abfolgen")] // capitalised, and "Folgen" is a noun
    [InlineData("Teilmenge")]
    [InlineData("Fehlersuche")] // Fehler + Suche, not fehl + ersuche
    [InlineData("Herunterladen")] // "Laden" is a noun too: at the start of a sentence it is the noun
    public void NoVerbReading(string word)
    {
        Assert.DoesNotContain(Lexicon.Lookup(word).ToList(), r => r.PartOfSpeech == PartOfSpeech.Verb);
        Assert.False(Lexicon.Has(word, PartOfSpeech.Verb));
    }

    [Fact]
    public void VerifizierenByTheRuleOfIeren()
    {
        int id = DerivedVerb("verifizierst", "verifizieren", VerbPlacement.Whole);
        AssertReading("verifizierst", id, Present(Person.Second, GrammaticalNumber.Singular), VerbPlacement.Whole);
        Assert.Null(Lexicon.Particle(id));
        Assert.Equal(id, Lexicon.FindLemma("verifizieren", PartOfSpeech.Verb));
        Assert.Equal(id, DerivedVerb("Verifiziert", "verifizieren", VerbPlacement.Whole));

        Assert.Equal("verifizieren", Lexicon.Synthesize(id, Present(Person.Third, GrammaticalNumber.Plural)));
        Assert.Equal("verifizieren", Lexicon.Synthesize(id, Present(Person.Third, GrammaticalNumber.Plural), VerbPlacement.Joined));
        Assert.Equal("verifiziert", Lexicon.Synthesize(id, Present(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("verifizierte", Lexicon.Synthesize(id, Finite(VerbTense.Past, Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("verifiziertest", Lexicon.Synthesize(id, Finite(VerbTense.SubjunctiveTwo, Person.Second, GrammaticalNumber.Singular)));
        Assert.Equal("verifizierest", Lexicon.Synthesize(id, Finite(VerbTense.SubjunctiveOne, Person.Second, GrammaticalNumber.Singular)));
        Assert.Equal("verifizieret", Lexicon.Synthesize(id, Finite(VerbTense.SubjunctiveOne, Person.Second, GrammaticalNumber.Plural)));
        Assert.Equal("verifiziere", Lexicon.Synthesize(id, ImperativeSingular));
        Assert.Equal("verifizier", Lexicon.ShortImperative(id));
        Assert.Equal("verifiziert", Lexicon.Synthesize(id, ImperativePlural));
        Assert.Equal("verifiziert", Lexicon.Synthesize(id, VerbFeatures.PastParticiple));
        Assert.Equal("verifizierend", Lexicon.Synthesize(id, VerbFeatures.PresentParticiple));
        Assert.Equal("verifizieren", Lexicon.Synthesize(id, VerbFeatures.Infinitive));

        // As for the stored verbs without particle, the zu-infinitive is two words and not a form.
        Assert.Null(Lexicon.Synthesize(id, VerbFeatures.ZuInfinitive));
        Assert.Null(Lexicon.Synthesize(StoredVerb("studieren"), VerbFeatures.ZuInfinitive));
        AssertReading("verifizier", id, ImperativeSingular, VerbPlacement.Whole);
        AssertReading("verifiziere", id, ImperativeSingular, VerbPlacement.Whole);
    }

    [Theory]
    [InlineData("verifizieren")]
    [InlineData("synchronisieren")]
    [InlineData("retournieren")]
    [InlineData("kodieren")]
    public void EveryFormOfAVerbInIerenRoundTrips(string lemma)
    {
        int id = Lexicon.FindLemma(lemma, PartOfSpeech.Verb);
        Assert.True(Lexicon.IsDerived(id), lemma);
        Assert.Equal(lemma, Lexicon.Lemma(id));
        foreach (VerbFeatures features in EveryVerbSlot())
        {
            if (Lexicon.Synthesize(id, features) is { } form)
            {
                AssertReading(form, id, features, VerbPlacement.Whole);
            }
            else
            {
                Assert.Equal(VerbFormKind.ZuInfinitive, features.Kind);
            }
        }

        AssertReading(Lexicon.ShortImperative(id)!, id, ImperativeSingular, VerbPlacement.Whole);
    }

    [Theory]
    [InlineData("studieren")]
    [InlineData("informieren")]
    [InlineData("programmieren")]
    [InlineData("reservieren")]
    [InlineData("spazieren")]
    public void TheRuleOfIerenIsTheDatasParadigm(string lemma)
    {
        // Stored verbs in -ieren have exactly the forms the rule derives.
        int id = StoredVerb(lemma);
        string stem = lemma[..^2];
        foreach (VerbFeatures features in EveryVerbSlot())
        {
            string? ending = DerivedLemmas.IerenEndings[LexiconSlots.VerbSlot(features)];
            Assert.Equal(ending is null ? null : stem + ending, Lexicon.Synthesize(id, features));
        }

        Assert.Equal(stem, Lexicon.ShortImperative(id));
    }

    [Fact]
    public void VerbsInIerenWithAParticle()
    {
        // The stem begins with a particle: the verb without particle and the joined form of the separable one.
        List<WordReading> readings = Lexicon.Lookup("einverifiziert").ToList();
        int whole = DerivedVerb("einverifiziert", "einverifizieren", VerbPlacement.Whole);
        int separable = DerivedVerb("einverifiziert", "einverifizieren", VerbPlacement.Joined);
        Assert.NotEqual(whole, separable);
        Assert.Null(Lexicon.Particle(whole));
        Assert.Equal("ein", Lexicon.Particle(separable));
        Assert.Contains(readings, r => r.LemmaId == whole && r.Verb.Kind == VerbFormKind.Imperative);
        Assert.DoesNotContain(readings, r => r.LemmaId == separable && r.Verb.Kind == VerbFormKind.Imperative);
        Assert.Equal("verifiziert", Lexicon.Synthesize(separable, Present(Person.Third, GrammaticalNumber.Singular)));
        Assert.Equal("einverifiziert", Lexicon.Synthesize(separable, Present(Person.Third, GrammaticalNumber.Singular), VerbPlacement.Joined));
        Assert.Equal("einzuverifizieren", Lexicon.Synthesize(separable, VerbFeatures.ZuInfinitive));
        Assert.Equal("verifizier", Lexicon.ShortImperative(separable));

        // The zu-infinitive shows the particle: it is no form of a verb "einzuverifizieren".
        WordReading zu = Assert.Single(Lexicon.Lookup("einzuverifizieren").ToList());
        Assert.Equal((separable, VerbFeatures.ZuInfinitive, VerbPlacement.Joined), (zu.LemmaId, zu.Verb, zu.Placement));
        foreach (VerbFeatures features in EveryVerbSlot().Where(f => f.Kind != VerbFormKind.Imperative))
        {
            AssertReading(Lexicon.Synthesize(separable, features, VerbPlacement.Joined)!, separable, features, VerbPlacement.Joined);
        }
    }

    [Theory]
    [InlineData("kieren")] // stem shorter than three letters
    [InlineData("schieren")] // stem without a vowel
    [InlineData("ieren")]
    [InlineData("iert")]
    [InlineData("herunter")]
    [InlineData("herunterla")]
    [InlineData("anab")]
    [InlineData("herunter-laden")]
    [InlineData("herunter laden")]
    [InlineData("herunterlädst!")]
    [InlineData("verifizier3")]
    [InlineData("zuzuzuzu")]
    [InlineData("herunterherunterherunterherunterladenladen")]
    [InlineData("verifizierierierierierierierierierierierierst")]
    public void GarbageIsNotDerived(string word)
    {
        Assert.DoesNotContain(Lexicon.Lookup(word).ToList(), r => Lexicon.IsDerived(r.LemmaId));
        Assert.False(Lexicon.IsDerived(Lexicon.FindLemma(word, PartOfSpeech.Verb)));
    }

    [Fact]
    public void DerivedIdsAreNoStoredIds()
    {
        int derived = Lexicon.FindLemma("herunterladen", PartOfSpeech.Verb);
        int ieren = Lexicon.FindLemma("verifizieren", PartOfSpeech.Verb);
        Assert.True(derived >= Lexicon.LemmaCount && ieren >= Lexicon.LemmaCount);
        for (int id = 0; id < Lexicon.LemmaCount; id += 101)
        {
            Assert.False(Lexicon.IsDerived(id));
        }

        // Numbers of a derived id's shape whose parts do not exist give nothing.
        foreach (int id in new[] { DerivedLemmas.Flag, DerivedLemmas.Flag | DerivedLemmas.IerenFlag | 0x3FFFF, DerivedLemmas.Create(254, false, StoredVerb("laden")),
            DerivedLemmas.Create(0, false, Lexicon.FindLemma("Haus", PartOfSpeech.Noun)), DerivedLemmas.Create(0, false, StoredVerb("anrufen")), derived | 1 << 28, int.MaxValue, int.MinValue, -derived })
        {
            Assert.False(Lexicon.IsDerived(id), $"{id:x}");
            Assert.Equal(PartOfSpeech.None, Lexicon.PartOfSpeechOf(id));
            Assert.Equal(string.Empty, Lexicon.Lemma(id));
            Assert.Null(Lexicon.Particle(id));
            Assert.Null(Lexicon.Synthesize(id, VerbFeatures.Infinitive));
            Assert.Null(Lexicon.ShortImperative(id));
            Assert.Null(Lexicon.SynthesizeNoun(id, GrammaticalCase.Nominative, GrammaticalNumber.Singular));
        }

        Assert.Null(Lexicon.SynthesizeNoun(derived, GrammaticalCase.Nominative, GrammaticalNumber.Singular));
        Assert.Null(Lexicon.SynthesizeAdjective(ieren, GrammaticalCase.None, GrammaticalNumber.None, Gender.None, AdjectiveInflection.None));
        Assert.Null(Lexicon.Synthesize(derived, default));
    }

    [Fact]
    public void ContainsAndHasSeeDerivedVerbs()
    {
        Assert.True(Lexicon.Contains("herunterlädst"));
        Assert.True(Lexicon.Has("herunterlädst", PartOfSpeech.Verb));
        Assert.False(Lexicon.Has("herunterlädst", PartOfSpeech.Noun));
        Assert.True(Lexicon.Contains("verifizierst"));
        Assert.False(Lexicon.Contains("überall"));
    }

    [Fact]
    public void AnotherLexiconDerivesTheSameVerbs()
    {
        GermanLexicon other = GermanLexicon.LoadEmbedded();
        int id = other.FindLemma("retournieren", PartOfSpeech.Verb);
        Assert.Equal("retournieren", other.Lemma(id));
        Assert.Equal("retournierst", other.Synthesize(id, Present(Person.Second, GrammaticalNumber.Singular)));
        Assert.True(GermanLexicon.Empty.Lookup("herunterlädst").IsEmpty);
        Assert.True(GermanLexicon.Empty.Lookup("verifizierst").IsEmpty);
        Assert.Equal(-1, GermanLexicon.Empty.FindLemma("verifizieren", PartOfSpeech.Verb));
    }

    [Fact]
    public void DerivingAgainDoesNotAllocate()
    {
        string[] words = ["herunterlädst", "heruntergeladen", "herunterzuladen", "verifizierst", "einverifiziert", "einzuverifizieren", "Blorfgrunzel"];
        int Count()
        {
            int readings = 0;
            foreach (string word in words)
            {
                foreach (WordReading reading in Lexicon.Lookup(word))
                {
                    readings += reading.LemmaId & 1;
                }

                readings += Lexicon.Contains(word) ? 1 : 0;
            }

            return readings;
        }

        Count();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Count();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void StemsAreSharedBetweenThreads()
    {
        string[] stems = [.. Enumerable.Range(0, 200).Select(i => "quanz" + (char)('a' + i % 26) + (char)('a' + i / 26))];
        var ids = new int[8][];
        Parallel.For(0, ids.Length, t => ids[t] = [.. stems.Select(stem => Lexicon.FindLemma(stem + "ieren", PartOfSpeech.Verb))]);
        for (int i = 0; i < stems.Length; i++)
        {
            Assert.All(ids, column => Assert.Equal(ids[0][i], column[i]));
            Assert.Equal(stems[i] + "ieren", Lexicon.Lemma(ids[0][i]));
            Assert.Equal(stems[i] + "iert", Lexicon.Synthesize(ids[0][i], VerbFeatures.PastParticiple));
        }
    }
}

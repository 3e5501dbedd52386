namespace ToneLsp.Core.AddressForms.Conversion;

/// <summary>The closed German word classes the clause analysis needs; open classes come from the lexicon.</summary>
internal enum WordClass : byte
{
    /// <summary>An open-class word: its readings come from the lexicon.</summary>
    Open,

    /// <summary>du, dich, dir; ihr as a pronoun; euch.</summary>
    InformalPronoun,

    /// <summary>Sie, Ihnen (capitalised).</summary>
    FormalPronoun,

    /// <summary>dein…, euer…, and the capitalised formal Ihr….</summary>
    Possessive,

    /// <summary>The reflexive "sich".</summary>
    Reflexive,

    /// <summary>ich, wir, er, es, man, jemand … in the nominative.</summary>
    NominativePronoun,

    /// <summary>mich, mir, uns, ihn, ihm, ihnen, es as an object.</summary>
    ObjectPronoun,

    /// <summary>Articles, demonstratives, quantifiers and non-addressee possessives.</summary>
    Determiner,

    /// <summary>Prepositions.</summary>
    Preposition,

    /// <summary>Conjunctions that start a verb-final clause.</summary>
    Subordinator,

    /// <summary>Question words (which also start indirect questions).</summary>
    Interrogative,

    /// <summary>und, oder, aber, sondern, denn, sowie.</summary>
    Coordinator,

    /// <summary>Adverbs and particles that never carry a verb reading here (bitte, gern, doch, nicht …).</summary>
    Particle,

    /// <summary>The infinitive marker "zu".</summary>
    Zu,

    /// <summary>Greetings, thanks and interjections that start sentences without being verbs.</summary>
    Interjection,
}

/// <summary>Grammatical case of a pronoun slot.</summary>
internal enum PronounCase : byte
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>Accusative.</summary>
    Accusative,

    /// <summary>Dative.</summary>
    Dative,
}

/// <summary>The closed word classes, with the government of prepositions and of the verbs whose object is dative.</summary>
internal static class WordClasses
{
    /// <summary>The class of a lower-cased word, given whether it is capitalised.</summary>
    public static WordClass Classify(string lower, bool capitalized, bool sentenceInitial)
    {
        switch (lower)
        {
            case "du" or "dich" or "dir" or "euch":
                return WordClass.InformalPronoun;
            case "sie" or "ihnen" when capitalized:
                return WordClass.FormalPronoun;
            case "sie":
                return WordClass.NominativePronoun;
            case "ihnen":
                return WordClass.ObjectPronoun;
            case "sich":
                return WordClass.Reflexive;
            case "zu":
                return WordClass.Zu;
            case "ihr":
                // Mid-sentence "Ihr" is the formal possessive; lower-case or sentence-initial "ihr" may be the plural
                // pronoun, "her" or "their": the clause analysis decides by the verb next to it.
                return capitalized && !sentenceInitial ? WordClass.Possessive : WordClass.InformalPronoun;
        }

        if (InformalPossessives.Contains(lower) || (capitalized && FormalPossessives.Contains(lower)))
        {
            return WordClass.Possessive;
        }

        if (FormalPossessives.Contains(lower))
        {
            return WordClass.Determiner;
        }

        return Table.TryGetValue(lower, out WordClass found) ? found : WordClass.Open;
    }

    /// <summary>The case a preposition gives the pronoun after it; two-way prepositions take their more frequent case with a person.</summary>
    public static PronounCase PrepositionCase(string lower) => lower switch
    {
        "für" or "um" or "durch" or "gegen" or "ohne" or "wider" or "an" or "auf" or "über" or "in" or "betreffend" => PronounCase.Accusative,
        "mit" or "bei" or "von" or "zu" or "aus" or "nach" or "seit" or "gegenüber" or "außer" or "ab" or "vor" or "hinter" or "neben" or
            "unter" or "zwischen" or "entgegen" or "samt" or "nebst" or "zuliebe" or "laut" => PronounCase.Dative,
        _ => PronounCase.Unknown,
    };

    /// <summary>
    /// Verbs whose personal object is dative ("euch danken" → "Ihnen danken"), by lemma. Valency is not in the
    /// morphological lexicon; this is the one list of it, and it covers the verbs of giving, telling, showing and helping.
    /// </summary>
    public static readonly HashSet<string> DativeObjectVerbs = new(StringComparer.Ordinal)
    {
        "danken", "helfen", "antworten", "beantworten", "gratulieren", "schreiben", "zeigen", "geben", "schicken", "senden", "zusenden",
        "zuschicken", "sagen", "erklären", "empfehlen", "anbieten", "mitteilen", "wünschen", "gefallen", "fehlen", "gehören", "raten",
        "vertrauen", "zuhören", "folgen", "begegnen", "glauben", "verzeihen", "erstatten", "zurückerstatten", "überweisen", "gutschreiben",
        "bieten", "liefern", "bringen", "leihen", "schenken", "versprechen", "garantieren", "ermöglichen", "erlauben", "verraten",
        "beschreiben", "nennen", "melden", "bestätigen", "weiterhelfen", "entgegenkommen", "zustimmen", "widersprechen", "nützen",
        "schaden", "passen", "stehen", "schmecken", "ähneln", "drohen", "dienen", "gelingen", "einfallen", "auffallen", "leidtun",
        "zusagen", "absagen", "vorschlagen", "freischalten", "reservieren", "aufschreiben", "ausstellen", "übermitteln", "übergeben",
        "zurückgeben", "zurückschicken", "zurücksenden", "nachsenden", "berechnen", "gönnen", "erzählen", "kündigen",
    };

    /// <summary>Nouns and adjectives after which a reflexive is dative: "Sind Sie sich sicher", "Nehmen Sie sich Zeit".</summary>
    public static readonly HashSet<string> DativeReflexiveCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "sicher", "zeit", "gedanken", "sorgen", "bewusst", "klar", "mühe", "ruhe", "notiz", "einig", "treu",
    };

    /// <summary>
    /// Verbs whose reflexive is dative because they also take an accusative object, which may be the clause after them:
    /// "Stell dir vor, …", "Überleg dir, ob …", "Merk dir, dass …".
    /// </summary>
    public static readonly HashSet<string> DativeReflexiveVerbs = new(StringComparer.Ordinal)
    {
        "vorstellen", "überlegen", "merken", "denken", "ausdenken", "ausmalen", "einbilden", "vornehmen", "notieren", "ansehen", "anschauen",
        "wünschen", "aufschreiben", "klarmachen", "eingestehen",
    };

    /// <summary>Verbs that take a bare infinitive, also in the imperative: "Lass es liegen", "Geh einkaufen", "Hilf uns suchen".</summary>
    public static readonly HashSet<string> BareInfinitiveVerbs = new(StringComparer.Ordinal)
    {
        "lassen", "helfen", "gehen", "kommen", "fahren", "bleiben", "lernen", "lehren", "hören", "sehen", "fühlen", "spüren", "schicken",
        "legen", "haben", "werden",
    };

    /// <summary>Focus particles that may stand between a verb and its subject: "Das können nur Sie entscheiden".</summary>
    public static readonly HashSet<string> FocusParticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "nur", "allein", "ausschließlich", "lediglich", "bloß", "selbst", "sogar", "gerade", "auch",
    };

    /// <summary>Nouns of time, which stand in the accusative without being an object: "Melden Sie sich jeden Montag".</summary>
    public static readonly HashSet<string> TimeNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "tag", "woche", "monat", "jahr", "abend", "morgen",
        "mittag", "nachmittag", "vormittag", "nacht", "moment", "augenblick", "minute", "stunde", "sekunde", "wochenende", "mal", "zeitpunkt",
    };

    /// <summary>Words after which a verb-first clause with Sie is a request, not a statement after a subordinate clause.</summary>
    public static readonly HashSet<string> RequestMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "bitte", "gern", "gerne", "einfach", "jederzeit", "ruhig", "doch", "unbedingt", "direkt", "umgehend",
    };

    /// <summary>
    /// Adverbs that ask about the reader's habits or experience and have no place in a request: a verb-first Sie
    /// clause with one of them is a question even when the question mark is missing ("Machen Sie sich manchmal Sorgen").
    /// </summary>
    public static readonly HashSet<string> QuestionAdverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "manchmal", "jemals", "je", "oft", "öfter", "häufig", "selten", "zufällig", "eigentlich", "überhaupt", "etwa", "normalerweise",
        "gewöhnlich", "meistens", "schon",
    };

    /// <summary>
    /// Sentence adverbs that judge what is said and have no place in a request: a verb-first Sie clause with one of them
    /// states or asks ("…, haben Sie hoffentlich Kerzen").
    /// </summary>
    public static readonly HashSet<string> StatementAdverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "hoffentlich", "wahrscheinlich", "leider", "anscheinend", "offenbar", "offensichtlich", "möglicherweise", "vermutlich", "angeblich",
        "glücklicherweise", "bekanntlich", "sicherlich",
    };

    /// <summary>
    /// Lemmas with no natural request form that take the reader's opinion or knowledge: verb-first with Sie before a
    /// comma and a clause ("Glauben Sie, dass …", "Kennen Sie …") they ask; "Glauben Sie mir, …" has its own object.
    /// </summary>
    public static readonly HashSet<string> OpinionLemmas = new(StringComparer.Ordinal)
    {
        "glauben", "denken", "finden", "meinen", "wissen", "kennen", "verstehen", "vermuten", "erwarten",
    };

    /// <summary>Lemmas of states that nobody is asked to be in: verb-first with Sie they ask ("Kennen Sie schon unsere App").</summary>
    public static readonly HashSet<string> StateLemmas = new(StringComparer.Ordinal)
    {
        "kennen", "wohnen", "heißen", "besitzen", "gehören", "kosten", "interessieren",
    };

    /// <summary>
    /// Lemmas of pastimes: verb-first with Sie and "gern" but no article or "uns" after them they ask about a liking
    /// ("Spielen Sie gern Tennis", "Reisen Sie gerne"), where "Lesen Sie gern unsere FAQ" invites.
    /// </summary>
    public static readonly HashSet<string> PastimeLemmas = new(StringComparer.Ordinal)
    {
        "spielen", "hören", "sehen", "schauen", "gucken", "lesen", "essen", "trinken", "kochen", "backen", "tanzen", "singen", "reisen",
        "schwimmen", "wandern", "fahren", "malen", "fotografieren", "laufen", "joggen", "reiten", "angeln", "gärtnern", "stricken", "feiern",
    };

    /// <summary>
    /// Lemmas of having, needing and wanting: verb-first with Sie before a verb-first clause or "dann" they state the
    /// condition of what follows ("Haben Sie Fragen, rufen Sie uns an"), where other verbs make a series of requests.
    /// </summary>
    public static readonly HashSet<string> ConditionLemmas = new(StringComparer.Ordinal)
    {
        "haben", "sein", "brauchen", "benötigen", "wünschen", "suchen", "interessieren", "planen", "bemerken", "feststellen",
    };

    /// <summary>Lemmas that, verb-first after a subordinate clause, usually state something rather than ask for it ("…, erhalten Sie eine Mail").</summary>
    public static readonly HashSet<string> StatementVerbs = new(StringComparer.Ordinal)
    {
        "sein", "haben", "werden", "können", "müssen", "dürfen", "sollen", "wollen", "mögen", "möchten", "erhalten", "bekommen", "finden",
        "sehen", "wissen", "kennen", "brauchen", "gelangen", "landen", "erreichen", "sparen", "zahlen", "bezahlen", "profitieren", "erfahren",
        "lesen", "hören", "verlieren", "behalten", "gewinnen", "sammeln", "wohnen", "liegen", "stehen", "sitzen", "bleiben", "fahren",
        "kommen", "gehen", "treffen", "zählen",
    };

    /// <summary>Prepositions and adverbs that are conjunctions when a subject pronoun follows: "während Sie warten", "da du …".</summary>
    public static readonly HashSet<string> ConjunctionBeforeSubject = new(StringComparer.Ordinal) { "während", "bis", "seit", "da", "als" };

    /// <summary>Fixed expressions whose imperative never changes: "siehe oben", "vgl.", "man beachte".</summary>
    public static readonly HashSet<string> FixedImperatives = new(StringComparer.OrdinalIgnoreCase) { "siehe", "vgl", "vergleiche" };

    /// <summary>Words that may stand between a clause-initial subject pronoun and its verb: "Sie selbst können …".</summary>
    public static readonly HashSet<string> SubjectFloaters = new(StringComparer.OrdinalIgnoreCase) { "selbst", "selber", "allein", "alle", "beide" };

    /// <summary>The informal possessives, singular and plural.</summary>
    public static readonly HashSet<string> InformalPossessives = new(StringComparer.Ordinal)
    {
        "dein", "deine", "deinen", "deinem", "deiner", "deines", "deins", "deinerseits", "deinetwegen", "deinethalben", "deinetwillen",
        "euer", "eure", "euren", "eurem", "eurer", "eures", "euers", "eurerseits", "euretwegen", "euretwillen",
    };

    /// <summary>The formal possessives (capitalised in use) and their derivatives.</summary>
    public static readonly HashSet<string> FormalPossessives = new(StringComparer.Ordinal)
    {
        "ihre", "ihren", "ihrem", "ihrer", "ihres", "ihrs", "ihrerseits", "ihretwegen", "ihrethalben", "ihretwillen",
    };

    private static readonly Dictionary<string, WordClass> Table = Build();

    private static Dictionary<string, WordClass> Build()
    {
        var table = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        Add(WordClass.NominativePronoun, "ich", "wir", "er", "es", "man", "jemand", "niemand", "wer", "jeder", "jede", "jedes", "beide");
        Add(WordClass.ObjectPronoun, "mich", "mir", "uns", "ihn", "ihm", "einander");
        Add(WordClass.Determiner,
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen", "keinem",
            "keiner", "keines", "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "mein", "meine", "meinen", "meinem", "meiner",
            "meines", "sein", "seine", "seinen", "seinem", "seiner", "seines", "dieser", "diese", "dieses", "diesen", "diesem", "jenem",
            "jenen", "jener", "jenes", "alle", "allen", "aller", "alles", "allem", "viele", "vielen", "einige", "einigen", "manche", "mehrere",
            "welcher", "welche", "welches", "welchen", "welchem", "deren", "dessen", "denen", "solche", "solchen", "etwas", "nichts",
            "dies", "diejenigen", "derjenige", "diejenige", "dasjenige", "jeden", "jedem", "beiden");
        Add(WordClass.Preposition,
            "für", "um", "durch", "gegen", "ohne", "wider", "an", "auf", "über", "in", "mit", "bei", "von", "aus", "nach", "seit",
            "gegenüber", "außer", "ab", "vor", "hinter", "neben", "unter", "zwischen", "entgegen", "samt", "nebst", "laut", "trotz",
            "wegen", "während", "statt", "anstatt", "innerhalb", "außerhalb", "bezüglich", "dank", "per", "pro", "bis", "im", "am",
            "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "fürs", "ums", "übers", "unterm", "hinterm", "vors", "durchs", "inklusive",
            "zuzüglich", "abzüglich", "mittels", "gemäß");
        Add(WordClass.Subordinator,
            "dass", "daß", "wenn", "ob", "weil", "falls", "sobald", "damit", "bevor", "nachdem", "obwohl", "obgleich", "sodass", "solange",
            "sofern", "soweit", "indem", "ehe", "seitdem", "als", "wie", "wofern", "bis", "während", "vorausgesetzt", "angenommen");
        Add(WordClass.Interrogative,
            "was", "wann", "wo", "wohin", "woher", "warum", "weshalb", "wieso", "womit", "wofür", "worauf", "worüber", "wozu", "woran",
            "wobei", "wodurch", "wovon", "worum", "wen", "wem", "wessen", "inwiefern", "welchen");
        Add(WordClass.Coordinator, "und", "oder", "aber", "sondern", "denn", "sowie", "bzw");
        Add(WordClass.Particle,
            "bitte", "gern", "gerne", "gar", "doch", "mal", "einmal", "nochmal", "noch", "schon", "bereits", "auch", "nicht", "nie", "niemals",
            "nur", "ja", "eben", "halt", "wohl", "dann", "jetzt", "nun", "sofort", "direkt", "gleich", "einfach", "kurz", "ruhig", "jederzeit",
            "selbst", "selber", "sehr", "so", "hier", "dort", "da", "heute", "morgen", "gestern", "bald", "immer", "oft", "manchmal",
            "leider", "gerade", "natürlich", "sicher", "vielleicht", "eigentlich", "wirklich", "ganz", "etwa", "ebenfalls", "trotzdem",
            "deshalb", "daher", "darum", "dafür", "dazu", "damit", "davon", "darauf", "daran", "darüber", "dabei", "dadurch", "danach",
            "davor", "dagegen", "hierzu", "hierfür", "hierbei", "zuerst", "erst", "zunächst", "anschließend", "außerdem", "zudem",
            "also", "sonst", "allerdings", "jedoch", "fast", "kaum", "mehr", "weniger", "viel", "wenig", "lange", "längst", "schnell",
            "rechtzeitig", "vorher", "nachher", "später", "zurzeit", "derzeit", "momentan", "aktuell", "übrigens", "nämlich", "zwar",
            "ebenso", "genauso", "irgendwann", "irgendwie", "vorab", "weiterhin", "wieder", "erneut", "zusätzlich", "bestimmt",
            "gemeinsam", "persönlich", "telefonisch", "schriftlich", "online", "kostenlos", "unbedingt", "umgehend", "zeitnah",
            "baldmöglichst", "schnellstmöglich", "möglichst", "gegebenenfalls", "ggf", "bzw", "usw", "etc", "z", "b", "ca", "inzwischen",
            "mittlerweile", "gut", "besser", "am", "weiter", "zurück", "vorbei", "los", "fest", "frei", "offen", "hin", "her", "herein",
            "heraus", "hinaus", "voraus", "nein", "nicht", "stets", "ständig", "meist", "meistens", "umsonst", "einst", "sogar");
        Add(WordClass.Interjection,
            "danke", "hallo", "hi", "hey", "moin", "servus", "huhu", "liebe", "lieber", "liebes", "viele", "beste", "besten", "herzliche",
            "herzlichen", "willkommen", "prima", "super", "toll", "klar", "okay", "ok", "wow", "oh", "ach", "na", "tja", "hm", "sorry",
            "schade", "genau", "stimmt", "richtig", "perfekt", "top", "cool", "gute", "guten", "frohe", "schöne", "schönen", "grüße",
            "gruß", "mfg", "lg", "vg", "tschüss", "ciao", "entschuldigung", "sehr", "geehrte", "geehrter", "geehrtes");
        return table;

        void Add(WordClass wordClass, params string[] words)
        {
            foreach (string word in words)
            {
                table.TryAdd(word, wordClass);
            }
        }
    }
}

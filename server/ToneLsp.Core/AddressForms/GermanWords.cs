namespace ToneLsp.Core.AddressForms;

/// <summary>Closed German word classes that the address-form code needs.</summary>
internal static class GermanWords
{
    public static readonly HashSet<string> InformalSingular = Set(
        "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines", "deins", "deinerseits", "deinetwegen", "deinethalben");

    public static readonly HashSet<string> InformalPlural = Set("euch", "euer", "eure", "euren", "eurem", "eurer", "eures", "eurerseits", "euretwegen");

    public static readonly HashSet<string> FormalPossessive = Set("ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "ihrerseits", "ihretwegen", "ihrethalben");

    public static readonly HashSet<string> SubordinatingConjunctions = Set(
        "dass", "daß", "wenn", "ob", "weil", "falls", "sobald", "damit", "wann", "wie", "was", "wo", "wohin", "woher", "bevor",
        "nachdem", "als", "sodass", "obwohl", "obgleich", "während", "bis", "seit", "seitdem", "solange", "indem", "ehe", "warum",
        "weshalb", "wieso", "womit", "wofür", "worauf", "worüber", "wozu", "sofern", "soweit", "welche", "welchen", "welcher", "welches");

    public static readonly HashSet<string> RelativePronouns = Set(
        "der", "die", "das", "den", "dem", "denen", "dessen", "deren", "welcher", "welche", "welches", "welchen", "welchem");

    public static readonly HashSet<string> Prepositions = Set(
        "für", "an", "um", "gegen", "ohne", "durch", "über", "auf", "in", "hinter", "neben", "unter", "vor", "zwischen", "bis", "wider", "betreffend");

    public static readonly HashSet<string> NominativePronouns = Set("ich", "wir", "er", "es", "man", "jemand", "niemand", "wer");

    public static readonly HashSet<string> Determiners = Set(
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "unser", "unsere", "unseren",
        "unserem", "unserer", "kein", "keine", "keinen", "jeder", "jede", "jedes", "dieser", "diese", "dieses", "alle", "mein", "meine");

    public static readonly HashSet<string> ThirdPersonSingularVerbs = Set(
        "ist", "hat", "wird", "kann", "muss", "soll", "will", "darf", "mag", "möchte", "weiß", "war", "hatte", "wurde", "würde",
        "könnte", "müsste", "sollte", "wollte", "dürfte", "hätte", "wäre", "gibt", "nimmt", "sieht", "liest");

    public static readonly HashSet<string> ModalLikeVerbs = Set(
        "können", "müssen", "dürfen", "sollen", "wollen", "möchten", "mögen", "würden", "könnten", "müssten", "sollten",
        "wollten", "dürften", "hätten", "wären", "haben", "sind", "werden", "wissen", "waren", "hatten", "wurden");

    // Words that start sentences but are not imperatives.
    public static readonly HashSet<string> NotImperative = Set(
        "danke", "bitte", "hallo", "hi", "hey", "moin", "servus", "liebe", "lieber", "liebes", "viele", "vielen", "beste", "besten",
        "gern", "gerne", "super", "toll", "schön", "klar", "natürlich", "leider", "wir", "ich", "das", "die", "der", "den", "dem",
        "es", "dann", "hier", "da", "dort", "so", "und", "oder", "aber", "doch", "ja", "nein", "ok", "okay", "sehr", "mit", "bei",
        "für", "von", "zu", "auf", "in", "im", "am", "um", "an", "nach", "vor", "gute", "guten", "alles", "nichts", "noch", "schon",
        "jetzt", "heute", "morgen", "gestern", "sorry", "entschuldige", "übrigens", "auch", "nur", "einfach", "kein", "keine",
        "dein", "deine", "unser", "unsere", "ein", "eine", "wie", "was", "wann", "wo", "warum", "wenn", "dass", "ob", "weil", "falls",
        "sobald", "damit", "als", "sondern", "denn", "also", "daher", "deshalb", "trotzdem", "immer", "oft", "manchmal", "sicher",
        "frohe", "fröhliche", "herzliche", "herzlichen", "willkommen", "prima", "perfekt", "genau", "stimmt", "richtig", "wow", "oh",
        "ach", "na", "tja", "hm", "hmm", "mhh", "top", "cool", "dank", "beim", "zum", "zur", "vom", "ins", "aufs", "fürs");

    // Words that commonly follow an informal imperative ("Schick uns", "Melde dich", "Gib bitte").
    public static readonly HashSet<string> ImperativeFollowers = Set(
        "uns", "mir", "bitte", "gern", "gerne", "doch", "mal", "einfach", "dich", "dir", "ruhig", "jederzeit", "kurz", "einmal",
        "nochmal", "noch", "gleich", "sofort", "direkt", "nicht", "es", "das", "den", "die", "dein", "deine", "deinen", "deinem",
        "deiner", "ein", "eine", "einen", "unsere", "unseren", "unser", "dazu", "hier", "dort", "dann", "zuerst", "erst", "nun",
        "jetzt", "auch", "vorher", "rechtzeitig", "schnell", "in", "im", "auf", "an", "unter", "über", "unbedingt", "am", "beim",
        "vorbei", "weiter", "zurück", "ab");

    // Reflexive verbs and phrases that take the dative: "Bist du dir sicher", "Schau dir … an".
    public static readonly HashSet<string> DativeReflexiveCues = Set(
        "sicher", "vorstellen", "merken", "ansehen", "anschauen", "überlegen", "wünschen", "aussuchen", "zeit",
        "sorgen", "holen", "notieren", "leisten", "gönnen", "erlauben", "gedanken", "bewusst", "klar", "ausdrucken", "durchlesen",
        "herunterladen", "runterladen", "speichern", "kaufen", "bestellen", "abholen", "schnappen");

    // Words that open clauses but are never verbs.
    public static readonly HashSet<string> FunctionWords = Set(
        "wer", "wen", "wem", "wessen", "was", "welche", "welcher", "welches", "welchen", "welchem", "niemand", "jemand", "jeder", "jede",
        "uns", "mir", "mich", "ihm", "ihn", "ihnen", "bis", "nachdem", "anstatt", "statt", "durch", "vorausgesetzt", "stundenlang",
        "viel", "viele", "wenig", "stärker", "mehr", "weniger", "all", "alle", "allem", "sich", "selbst", "nie", "nichts", "etwas",
        "irgendwie", "irgendwas", "also", "naja", "genau", "eben", "halt", "wohl", "gar", "lol", "haha", "okay", "ok", "yes", "no");

    public static readonly HashSet<string> PersonalPronouns = Set("du", "sie", "ich", "wir", "er", "es", "man", "ihr");

    public static readonly HashSet<string> Coordinators = Set("und", "oder", "aber", "sondern", "denn", "doch");

    // Words ending in -st that are not verbs.
    public static readonly HashSet<string> NotVerbsInSt = Set(
        "selbst", "fast", "erst", "sonst", "meist", "meistens", "längst", "zuerst", "zunächst", "jüngst", "höchst", "mindest", "einst",
        "umsonst", "August", "Herbst", "Angst", "Kunst", "Dienst", "Verlust", "Durst", "Lust", "Liste", "Post", "Rest", "Test", "Fest", "Gast");

    // Frequent verbs by their informal imperative stem (also matched with a final e: "schau", "schaue").
    public static readonly HashSet<string> ImperativeStems = Set(
        "hab", "sei", "werd", "gib", "nimm", "sieh", "lies", "iss", "vergiss", "hilf", "sprich", "triff", "wirf", "empfiehl", "fahr",
        "trag", "lass", "halt", "lauf", "tu", "geh", "steh", "komm", "hör", "schau", "wart", "pass", "grüß", "ruf", "schreib", "sag",
        "meld", "schick", "send", "check", "probier", "versuch", "nutz", "klick", "öffn", "füg", "stell", "setz", "mach", "leg",
        "bleib", "denk", "frag", "erzähl", "genieß", "spiel", "zeig", "guck", "hol", "bring", "such", "find", "kauf", "bestell",
        "prüf", "folg", "tipp", "drück", "wähl", "speicher", "lösch", "installier", "aktualisier", "start", "beacht", "acht",
        "antwort", "beschreib", "nenn", "teil", "lad", "überprüf", "kontrollier", "registrier", "wend", "vergleich", "entscheid",
        "merk", "notier", "gönn", "freu", "glaub", "trau", "zöger", "verlass", "erinner", "beeil", "schließ", "lern", "behalt",
        "bezahl", "zahl", "buch", "stornier", "reklamier", "tausch", "schalt", "zieh", "steck", "trenn", "verbind", "logg", "kopier",
        "füll", "ergänz", "änder", "wiederhol", "reservier", "bestätig", "akzeptier", "informier", "erkundig", "kümmer", "entspann",
        "entschuldig", "hinterlass", "gib", "vertrau", "bedenk", "überleg", "stell", "schlaf", "iss", "trink", "koch", "back",
        "lach", "sorg", "mel", "antwort", "besuch", "abonnier", "folg", "like", "teil", "kommentier", "beweg", "atme", "atm");

    public static bool IsPunctuation(this in Text.Token token, params ReadOnlySpan<string> marks) => !token.IsWord && marks.Contains(token.Text);

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}

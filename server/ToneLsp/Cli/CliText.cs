using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Cli;

/// <summary>
/// The command line's and the server's own texts in English and German, in the core's mechanism
/// (<see cref="Messages"/>): one <see cref="LocalText"/> field per text, the same placeholders in both languages.
/// </summary>
public static partial class CliText
{
    /// <summary>
    /// The language of the command line's own texts (summaries, errors, headings): <c>--messages de|en</c>; under auto
    /// the language all checked templates share, else <c>LC_ALL</c>, <c>LC_MESSAGES</c> or <c>LANG</c>, else English.
    /// </summary>
    public static Language SessionLanguage(MessageChoice choice, IEnumerable<Language>? templates = null) => choice switch
    {
        MessageChoice.German => Language.German,
        MessageChoice.English => Language.English,
        _ when templates?.Distinct().ToList() is [var only] => only,
        _ => EnvironmentLanguage() ?? Language.English,
    };

    /// <summary>The language the environment asks for: the first of <c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c> that is set.</summary>
    public static Language? EnvironmentLanguage()
    {
        foreach (string name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                return Messages.FromLocale(value);
            }
        }

        return null;
    }

    /// <summary>"1 file", "2 files".</summary>
    public static string Files(int count, Language language) => (count == 1 ? OneFile : ManyFiles).Format(language, count);

    /// <summary>The label of a finding's fix.</summary>
    public static readonly LocalText FixLabel = new("fix: {0}", "Korrektur: {0}");

    /// <summary>One file.</summary>
    public static readonly LocalText OneFile = new("{0} file", "{0} Datei");

    /// <summary>Several files.</summary>
    public static readonly LocalText ManyFiles = new("{0} files", "{0} Dateien");

    /// <summary>No findings ({0} is the files).</summary>
    public static readonly LocalText NoProblems = new("No tone problems in {0}.", "Keine Tonfall-Probleme in {0}.");

    /// <summary>The closing summary: findings {0} in files {1}, errors {2}, warnings {3}, information and hints {4}, checked files {5}.</summary>
    public static readonly LocalText Summary = new(
        "{0} in {1} ({2}, {3}, {4} information and hints); {5} checked.",
        "{0} in {1} ({2}, {3}, {4} Informationen und Hinweise); {5} geprüft.");

    /// <summary>One finding.</summary>
    public static readonly LocalText OneFinding = new("{0} finding", "{0} Befund");

    /// <summary>Several findings.</summary>
    public static readonly LocalText ManyFindings = new("{0} findings", "{0} Befunde");

    /// <summary>One error.</summary>
    public static readonly LocalText OneError = new("{0} error", "{0} Fehler");

    /// <summary>Several errors.</summary>
    public static readonly LocalText ManyErrors = new("{0} errors", "{0} Fehler");

    /// <summary>One warning.</summary>
    public static readonly LocalText OneWarning = new("{0} warning", "{0} Warnung");

    /// <summary>Several warnings.</summary>
    public static readonly LocalText ManyWarnings = new("{0} warnings", "{0} Warnungen");

    /// <summary>The summary table's category column.</summary>
    public static readonly LocalText ColumnCategory = new("category", "Kategorie");

    /// <summary>The summary table's channel column.</summary>
    public static readonly LocalText ColumnChannel = new("channel", "Kanal");

    /// <summary>The summary table's error column.</summary>
    public static readonly LocalText ColumnErrors = new("errors", "Fehler");

    /// <summary>The summary table's warning column.</summary>
    public static readonly LocalText ColumnWarnings = new("warnings", "Warnungen");

    /// <summary>The summary table's information column.</summary>
    public static readonly LocalText ColumnInformation = new("information", "Informationen");

    /// <summary>The summary table's hint column.</summary>
    public static readonly LocalText ColumnHints = new("hints", "Hinweise");

    /// <summary>The summary table's total column.</summary>
    public static readonly LocalText ColumnTotal = new("total", "Gesamt");

    /// <summary>A finding without a channel in the summary table.</summary>
    public static readonly LocalText NoChannel = new("(none)", "(keiner)");

    /// <summary>The progress bar.</summary>
    public static readonly LocalText Progress = new("Checking templates", "Vorlagen werden geprüft");

    /// <summary>fix --dry-run's last line ({0} the edits, {1} the files).</summary>
    public static readonly LocalText WouldApply = new("Would apply {0} in {1}.", "Würde {0} in {1} vornehmen.");

    /// <summary>fix's last line ({0} the edits, {1} the files).</summary>
    public static readonly LocalText Applied = new("Applied {0} in {1}.", "{0} in {1} vorgenommen.");

    /// <summary>The edits of fix; the English line has always said "1 edits in 1 files", and scripts may read it.</summary>
    public static string EditsIn(int edits, Language language) => language == Language.English
        ? $"{edits} edits"
        : (edits == 1 ? OneEdit : ManyEdits).Format(language, edits);

    /// <summary>The files of fix, as <see cref="EditsIn"/>.</summary>
    public static string FilesOfFix(int files, Language language) => language == Language.English ? $"{files} files" : Files(files, language);

    /// <summary>One edit.</summary>
    public static readonly LocalText OneEdit = new("{0} edit", "{0} Änderung");

    /// <summary>Several edits.</summary>
    public static readonly LocalText ManyEdits = new("{0} edits", "{0} Änderungen");

    /// <summary>The baseline written ({0} findings, {1} files, {2} path).</summary>
    public static readonly LocalText WroteBaseline = new("Wrote a baseline of {0} findings in {1} files to {2}.", "Baseline mit {0} Befunden in {1} Dateien nach {2} geschrieben.");

    /// <summary>The hint after a usage error.</summary>
    public static readonly LocalText SeeHelp = new("Run 'tonelsp --help' for usage.", "Mit 'tonelsp --help' siehst du, wie es geht.");

    /// <summary>explain with an unknown rule ({0} the rule, {1} the known ones).</summary>
    public static readonly LocalText UnknownRule = new("unknown rule '{0}'. Known rules: {1}.", "unbekannte Regel '{0}'. Bekannte Regeln: {1}.");

    /// <summary>explain's second line ({0} the category, {1} the severity).</summary>
    public static readonly LocalText ExplainCategory = new("category: {0}, default severity: {1}", "Kategorie: {0}, Standard-Schweregrad: {1}");

    /// <summary>explain's example line ({0}).</summary>
    public static readonly LocalText ExplainExample = new("For example: {0}", "Zum Beispiel: {0}");

    /// <summary>A --rule value that is not ID=SEVERITY ({0}).</summary>
    public static readonly LocalText BadRuleSetting = new(
        "--rule expects ID=SEVERITY with off, hint, information, warning or error, not '{0}'.",
        "--rule erwartet ID=SCHWEREGRAD mit off, hint, information, warning oder error, nicht '{0}'.");

    /// <summary>A --rule that names no rule ({0} the name, {1} a suggestion).</summary>
    public static readonly LocalText UnknownRuleSetting = new(
        "--rule names an unknown rule or category '{0}'{1}. Run 'tonelsp explain' for the list.",
        "--rule nennt eine unbekannte Regel oder Kategorie '{0}'{1}. 'tonelsp explain' zeigt die Liste.");

    /// <summary>A file that is no baseline ({0}).</summary>
    public static readonly LocalText NotABaseline = new("{0}: not a tonelsp baseline (version 1).", "{0}: keine Baseline von tonelsp (Version 1).");

    /// <summary>A baseline that cannot be read ({0} the path, {1} why).</summary>
    public static readonly LocalText UnreadableBaseline = new("cannot read the baseline {0}: {1}", "die Baseline {0} lässt sich nicht lesen: {1}");

    /// <summary>A file that does not exist ({0}).</summary>
    public static readonly LocalText NoSuchFile = new("no such file: {0}", "Datei nicht gefunden: {0}");

    /// <summary>A word convert left unchanged ({0} line, {1} word, {2} reason).</summary>
    public static readonly LocalText LeftUnchanged = new("line {0}: left '{1}' unchanged: {2}", "Zeile {0}: '{1}' unverändert gelassen: {2}");

    /// <summary>No team phrases for --test-rules.</summary>
    public static readonly LocalText NoTeamPhrases = new("No team phrases found (the phrases: list of .tonelsp.yaml).", "Keine eigenen Formulierungen des Teams gefunden (die Liste phrases: in .tonelsp.yaml).");

    /// <summary>The --test-rules summary ({0} the phrases, {1} the example lines, {2} the outcome).</summary>
    public static readonly LocalText TeamPhrasesTested = new("{0}, {1}: {2}.", "{0}, {1}: {2}.");

    /// <summary>One team phrase.</summary>
    public static readonly LocalText OneTeamPhrase = new("{0} team phrase", "{0} Formulierung des Teams");

    /// <summary>Several team phrases.</summary>
    public static readonly LocalText ManyTeamPhrases = new("{0} team phrases", "{0} Formulierungen des Teams");

    /// <summary>One example line.</summary>
    public static readonly LocalText OneExampleLine = new("{0} example line", "{0} Beispielzeile");

    /// <summary>Several example lines.</summary>
    public static readonly LocalText ManyExampleLines = new("{0} example lines", "{0} Beispielzeilen");

    /// <summary>All team examples behave.</summary>
    public static readonly LocalText AllBehave = new("all behave", "alle verhalten sich wie erwartet");

    /// <summary>Some team examples failed ({0}).</summary>
    public static readonly LocalText SomeFailed = new("{0} failed", "{0} fehlgeschlagen");

    /// <summary>The suppression report: a comment for all rules.</summary>
    public static readonly LocalText AllRules = new("all rules", "alle Regeln");

    /// <summary>The suppression report: for the next line.</summary>
    public static readonly LocalText NextLine = new("next line", "nächste Zeile");

    /// <summary>The suppression report: for this line.</summary>
    public static readonly LocalText ThisLine = new("this line", "diese Zeile");

    /// <summary>The suppression report: until enabled again.</summary>
    public static readonly LocalText UntilEnabled = new("until enabled", "bis zur Wiederaktivierung");

    /// <summary>The suppression report: no reason.</summary>
    public static readonly LocalText NoReason = new("no reason given", "ohne Begründung");

    /// <summary>The suppression report: an unused comment.</summary>
    public static readonly LocalText Unused = new("[unused]", "[unnötig]");

    /// <summary>The suppression report's count: one.</summary>
    public static readonly LocalText OneSuppression = new("{0} suppression.", "{0} Unterdrückung.");

    /// <summary>The suppression report's count: several.</summary>
    public static readonly LocalText ManySuppressions = new("{0} suppressions.", "{0} Unterdrückungen.");

    // --- System.CommandLine's texts that its German resources leave in English ------------------------------------

    /// <summary>The help's description heading.</summary>
    public static readonly LocalText HelpDescriptionTitle = new("Description:", "Beschreibung:");

    /// <summary>The help's usage line: where a subcommand goes.</summary>
    public static readonly LocalText HelpUsageCommand = new("[command]", "[Befehl]");

    /// <summary>The help's usage line: where options go.</summary>
    public static readonly LocalText HelpUsageOptions = new("[options]", "[Optionen]");

    /// <summary>The label before an option's default value.</summary>
    public static readonly LocalText HelpDefaultValue = new("[default: ", "[Standard: ");

    /// <summary>The label of a required option (the German is no longer, so that the columns stay aligned).</summary>
    public static readonly LocalText HelpRequired = new("(REQUIRED)", "(Pflicht)");

    /// <summary>The parse error of an option that must be given ({0} the option).</summary>
    public static readonly LocalText ParseOptionRequired = new("Option '{0}' is required.", "Die Option '{0}' ist erforderlich.");

    /// <summary>The parse error of an option given several values ({0} the option, {1} how many).</summary>
    public static readonly LocalText ParseOptionOneValue = new(
        "Option '{0}' expects a single argument but {1} were provided.",
        "Die Option '{0}' erwartet einen einzelnen Wert, angegeben wurden {1}.");

    /// <summary>The parse error of a value that is not of the option's type ({0} the value, {1} the option, {2} the type).</summary>
    public static readonly LocalText ParseOptionValue = new(
        "Cannot parse argument '{0}' for option '{1}' as expected type '{2}'.",
        "Der Wert '{0}' passt nicht zur Option '{1}' (erwartet: '{2}').");

    /// <summary>As <see cref="ParseOptionValue"/>, with suggestions ({3} the suggestions).</summary>
    public static readonly LocalText ParseOptionValueSuggestions = new(
        "Cannot parse argument '{0}' for option '{1}' as expected type '{2}'. Did you mean one of the following?{3}",
        "Der Wert '{0}' passt nicht zur Option '{1}' (erwartet: '{2}'). Meintest du einen dieser Werte?{3}");

    /// <summary>The parse error of an argument that is not of its type ({0} the value, {1} the command, {2} the type).</summary>
    public static readonly LocalText ParseCommandValue = new(
        "Cannot parse argument '{0}' for command '{1}' as expected type '{2}'.",
        "Das Argument '{0}' passt nicht zum Befehl '{1}' (erwartet: '{2}').");

    /// <summary>As <see cref="ParseCommandValue"/>, with suggestions ({3} the suggestions).</summary>
    public static readonly LocalText ParseCommandValueSuggestions = new(
        "Cannot parse argument '{0}' for command '{1}' as expected type '{2}'. Did you mean one of the following?{3}",
        "Das Argument '{0}' passt nicht zum Befehl '{1}' (erwartet: '{2}'). Meintest du einen dieser Werte?{3}");

    /// <summary>The parse error of a value that is not of its type ({0} the value, {1} the type).</summary>
    public static readonly LocalText ParseValue = new(
        "Cannot parse argument '{0}' as expected type '{1}'.",
        "Das Argument '{0}' passt nicht (erwartet: '{1}').");

    /// <summary>The suggestions after an unknown word ({0} the word).</summary>
    public static readonly LocalText ParseDidYouMean = new(
        "'{0}' was not matched. Did you mean one of the following?",
        "'{0}' ist unbekannt. Meintest du eines davon?");

    /// <summary>An option no command has, which the parser would take for a path ({0} the option).</summary>
    public static readonly LocalText ParseUnknownOption = new("Unrecognized option '{0}'.", "Unbekannte Option '{0}'.");

    /// <summary>--version with anything else ({0} the option).</summary>
    public static readonly LocalText ParseVersionAlone = new(
        "{0} option cannot be combined with other arguments.",
        "Die Option {0} lässt sich nicht mit anderen Argumenten kombinieren.");

    /// <summary>A file name with a character it may not have ({0} the character).</summary>
    public static readonly LocalText ParseFileNameCharacter = new(
        "Character not allowed in a file name: '{0}'.",
        "Zeichen im Dateinamen nicht erlaubt: '{0}'.");

    /// <summary>A path with a character it may not have ({0} the character).</summary>
    public static readonly LocalText ParsePathCharacter = new(
        "Character not allowed in a path: '{0}'.",
        "Zeichen im Pfad nicht erlaubt: '{0}'.");

    private static readonly LocalText[] HelpWords = [HelpDescriptionTitle, HelpUsageCommand, HelpUsageOptions, HelpDefaultValue, HelpRequired];

    // The longer ones first, so that a message with suggestions is not read as the one without.
    private static readonly Lazy<(System.Text.RegularExpressions.Regex English, LocalText Text)[]> ParseErrors = new(() =>
        [.. new[]
        {
            ParseOptionValueSuggestions, ParseCommandValueSuggestions, ParseOptionValue, ParseCommandValue, ParseValue,
            ParseOptionRequired, ParseOptionOneValue, ParseUnknownOption, ParseDidYouMean, ParseVersionAlone, ParseFileNameCharacter, ParsePathCharacter,
        }.Select(text => (Pattern(text.En), text))]);

    /// <summary>
    /// System.CommandLine's help in the language: its German resources translate most headings (Nutzung, Optionen)
    /// but leave a few in English, which are replaced here.
    /// </summary>
    public static string HelpOutputIn(string help, Language language)
    {
        if (language == Language.English)
        {
            return help;
        }

        foreach (LocalText word in HelpWords)
        {
            // A shorter German label is padded, so that the help's columns stay aligned.
            help = help.Replace(word.En, word == HelpRequired ? word.In(language).PadRight(word.En.Length) : word.In(language), StringComparison.Ordinal);
        }

        return help;
    }

    /// <summary>
    /// A parse error of System.CommandLine in the language: the messages its German resources leave in English get our
    /// German, with the same words filled in; every other message is passed on as it is.
    /// </summary>
    public static string ParseErrorIn(string message, Language language)
    {
        if (language == Language.English)
        {
            return message;
        }

        foreach (var (english, text) in ParseErrors.Value)
        {
            System.Text.RegularExpressions.Match match = english.Match(message);
            if (match.Success)
            {
                return text.Format(language, [.. match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => (object?)g.Value)]);
            }
        }

        return message;
    }

    // An English template ("Option '{0}' is required.") as an expression that captures what fills each placeholder.
    private static System.Text.RegularExpressions.Regex Pattern(string template)
    {
        string escaped = System.Text.RegularExpressions.Regex.Escape(template);
        string pattern = System.Text.RegularExpressions.Regex.Replace(escaped, @"\\?\{(\d)\\?}", "(.*?)");
        return new System.Text.RegularExpressions.Regex("^" + pattern + "$", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    /// <summary>An I/O error while running a command ({0} the operating system's text).</summary>
    public static readonly LocalText InputOutputFailed = new("could not read or write a file: {0}", "Eine Datei ließ sich nicht lesen oder schreiben: {0}");

    /// <summary>fix could not write a file back ({0} the operating system's text).</summary>
    public static readonly LocalText WriteFailed = new("could not write the fixes: {0}", "Die Korrekturen ließen sich nicht schreiben: {0}");

    // --- tonelsp lexicon ------------------------------------------------------------------------------------------

    /// <summary>The lexicon did not load ({0} why).</summary>
    public static readonly LocalText LexiconDidNotLoad = new("the German lexicon did not load: {0}", "Das deutsche Lexikon ließ sich nicht laden: {0}");

    /// <summary>A word the lexicon does not know ({0} the word).</summary>
    public static readonly LocalText LexiconUnknown = new("{0}: unknown", "{0}: unbekannt");

    /// <summary>The person of a verb form ({0} 1 to 3).</summary>
    public static readonly LocalText LexiconPerson = new("person {0}", "{0}. Person");

    /// <summary>The particle of a separable verb ({0} the placement, {1} the particle).</summary>
    public static readonly LocalText LexiconParticle = new("{0} (particle {1})", "{0} (Partikel {1})");

    /// <summary>An adjective's form without ending.</summary>
    public static readonly LocalText LexiconBaseForm = new("base form", "Grundform");

    /// <summary>
    /// The German of a part of speech or feature as the JSON contract names it ("noun", "nominative",
    /// "subjunctiveOne"); the name itself in English and for anything the table lacks.
    /// </summary>
    public static string LexiconTerm(string name, Language language) =>
        language == Language.English ? name : LexiconTerms.GetValueOrDefault(name)?.In(language) ?? name;

    private static readonly Dictionary<string, LocalText> LexiconTerms = new(StringComparer.Ordinal)
    {
        ["noun"] = new("noun", "Nomen"), ["verb"] = new("verb", "Verb"), ["adjective"] = new("adjective", "Adjektiv"),
        ["singular"] = new("singular", "Singular"), ["plural"] = new("plural", "Plural"),
        ["nominative"] = new("nominative", "Nominativ"), ["accusative"] = new("accusative", "Akkusativ"),
        ["dative"] = new("dative", "Dativ"), ["genitive"] = new("genitive", "Genitiv"),
        ["masculine"] = new("masculine", "maskulin"), ["feminine"] = new("feminine", "feminin"), ["neuter"] = new("neuter", "neutral"),
        ["strong"] = new("strong", "stark"), ["weak"] = new("weak", "schwach"), ["mixed"] = new("mixed", "gemischt"),
        ["finite"] = new("finite", "finit"), ["imperative"] = new("imperative", "Imperativ"), ["infinitive"] = new("infinitive", "Infinitiv"),
        ["zuInfinitive"] = new("zuInfinitive", "zu-Infinitiv"), ["presentParticiple"] = new("presentParticiple", "Partizip I"),
        ["pastParticiple"] = new("pastParticiple", "Partizip II"), ["present"] = new("present", "Präsens"), ["past"] = new("past", "Präteritum"),
        ["subjunctiveOne"] = new("subjunctiveOne", "Konjunktiv I"), ["subjunctiveTwo"] = new("subjunctiveTwo", "Konjunktiv II"),
        ["whole"] = new("whole", "ungetrennt"), ["separatedStem"] = new("separatedStem", "abgetrennter Stamm"), ["joined"] = new("joined", "zusammengeschrieben"),
    };

    // --- Files that cannot be read -----------------------------------------------------------------------------

    /// <summary>A template that could not be read ({0} the reason).</summary>
    public static readonly LocalText CannotRead = new("cannot read: {0}", "kann nicht gelesen werden: {0}");

    /// <summary>The reasons a file is not read, by their English text; the operating system's own texts stay as they are.</summary>
    public static readonly IReadOnlyList<LocalText> ReadReasons =
    [
        new("no such file", "Datei nicht gefunden"),
        new("the symbolic link points to nothing", "der symbolische Link zeigt ins Leere"),
        new("permission denied", "keine Berechtigung"),
        new("too many levels of symbolic links", "zu viele Ebenen symbolischer Links"),
        new("a directory, not a regular file", "ein Ordner, keine normale Datei"),
        new("a symbolic link, not a regular file", "ein symbolischer Link, keine normale Datei"),
        new("a named pipe (FIFO), not a regular file", "eine benannte Pipe (FIFO), keine normale Datei"),
        new("a character device, not a regular file", "ein zeichenorientiertes Gerät, keine normale Datei"),
        new("a block device, not a regular file", "ein blockorientiertes Gerät, keine normale Datei"),
        new("a socket, not a regular file", "ein Socket, keine normale Datei"),
        new("not a regular file, not a regular file", "keine normale Datei"),
        new("the text to fix is not the text that was read; the file was left as it is", "der zu korrigierende Text ist nicht der gelesene; die Datei bleibt, wie sie war"),
        new("changed on disk while it was being fixed; it was left as it is", "die Datei wurde während der Korrektur geändert; sie bleibt, wie sie war"),
    ];

    /// <summary>A read failure's reason in the language: a known reason translated, the size limit with its numbers, else as it is.</summary>
    public static string ReadReason(string english, Language language)
    {
        if (language == Language.English)
        {
            return english;
        }

        if (ReadReasons.FirstOrDefault(r => r.En == english) is { } known)
        {
            return known.De;
        }

        return SizeLimit().Match(english) is { Success: true } size
            ? $"größer als die Grenze von {size.Groups[1].Value} MB ({(size.Groups[2].Success ? "mehr als " : string.Empty)}{size.Groups[3].Value} Bytes)"
            : english;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^larger than the limit of (\d+) MB \((more than )?(\d+) bytes\)$")]
    private static partial System.Text.RegularExpressions.Regex SizeLimit();

    // --- The .tonelsp.yaml that tonelsp init writes: its comments --------------------------------------------------

    /// <summary>The file's first lines.</summary>
    public static readonly LocalText InitFileHeader = new(
        "# ToneLsp configuration, written by \"tonelsp init\". It applies to the templates in this directory and below;\n" +
        "# a .tonelsp.yaml further down overrides it. Editors validate it with schemas/tonelsp.schema.json.\n",
        "# ToneLsp-Konfiguration, geschrieben von \"tonelsp init\". Sie gilt für die Vorlagen in diesem Ordner und darunter;\n" +
        "# eine .tonelsp.yaml weiter unten geht vor. Editoren prüfen sie mit schemas/tonelsp.schema.json.\n");

    /// <summary>The comment after language:.</summary>
    public static readonly LocalText InitFileLanguage = new("de | en: the language when detection cannot decide", "de | en: die Sprache, wenn die Erkennung nicht entscheidet");

    /// <summary>The comment after address:.</summary>
    public static readonly LocalText InitFileAddress = new("du | sie | mirror (follow the customer's form)", "du | sie | mirror (der Anrede der Kundin oder des Kunden folgen)");

    /// <summary>The brand's other options with their comments.</summary>
    public static readonly LocalText InitFileBrandOptions = new(
        "  capitalizeDu: false     # true: Du, Dich, Dein in rewrites and conversions\n" +
        "  humor: false            # true: sarcasm findings become information\n" +
        "  emoji: avoid            # allowed | avoid (hints) | forbidden (warnings)\n",
        "  capitalizeDu: false     # true: Du, Dich, Dein in Umformulierungen und Umwandlungen\n" +
        "  humor: false            # true: Sarkasmus-Befunde werden zu Informationen\n" +
        "  emoji: avoid            # allowed | avoid (Hinweise) | forbidden (Warnungen)\n");

    /// <summary>The commented example of a channel, without channels.</summary>
    public static readonly LocalText InitFileNoChannels = new(
        "\n# Channels are chosen by front matter \"channel:\" or by path globs, and override the brand:\n" +
        "# channels:\n#   email:\n#     address: sie\n" +
        "#     greeting: required  # TONE018 when a reply does not open with a greeting\n" +
        "#     paths: [\"email/**\"]\n",
        "\n# Kanäle werden über \"channel:\" im Front Matter oder über Pfadmuster gewählt und gehen der Marke vor:\n" +
        "# channels:\n#   email:\n#     address: sie\n" +
        "#     greeting: required  # TONE018, wenn eine Antwort nicht mit einer Begrüßung beginnt\n" +
        "#     paths: [\"email/**\"]\n");

    /// <summary>The line before the channels.</summary>
    public static readonly LocalText InitFileChannels = new(
        "\n# Channels are chosen by front matter \"channel:\" or by the path globs, and override the brand.\n",
        "\n# Kanäle werden über \"channel:\" im Front Matter oder über die Pfadmuster gewählt und gehen der Marke vor.\n");

    /// <summary>The comment after a channel's address:.</summary>
    public static readonly LocalText InitFileChannelAddress = new("du | sie | mirror, for this channel only", "du | sie | mirror, nur für diesen Kanal");

    /// <summary>The commented examples of rules, phrases, accept, include and exclude.</summary>
    public static readonly LocalText InitFileTail = new(
        "\n# Severities: off | hint | information | warning | error; a rule ID beats its category.\n" +
        "# rules:\n#   condescension: error\n#   TONE014: off\n\n" +
        "# The team's own phrases, in the schema of the built-in lexicon (see the README):\n" +
        "# phrases:\n" +
        "#   - match: \"[der] Kunde ist [bei uns|hier] König\"\n" +
        "#     message: \"Say what we do for the customer\"\n" +
        "#     rewrite: \"Kundinnen und Kunden stehen bei uns im Mittelpunkt\"\n" +
        "#     flag: [\"Der Kunde ist König!\"]\n" +
        "#     pass: [\"Der Kunde hat angerufen.\"]\n\n" +
        "# Phrases never flagged by any rule:\n# accept:\n#   - \"wie bereits im Newsletter angekündigt\"\n\n" +
        "# Which Markdown files are templates:\n# include: [\"**/*.md\"]\n# exclude: [\"drafts/**\"]\n",
        "\n# Schweregrade: off | hint | information | warning | error; eine Regel-ID geht ihrer Kategorie vor.\n" +
        "# rules:\n#   condescension: error\n#   TONE014: off\n\n" +
        "# Die eigenen Formulierungen des Teams, im Schema des eingebauten Lexikons (siehe README):\n" +
        "# phrases:\n" +
        "#   - match: \"[der] Kunde ist [bei uns|hier] König\"\n" +
        "#     message: \"Sag, was wir für die Kundin oder den Kunden tun\"\n" +
        "#     rewrite: \"Kundinnen und Kunden stehen bei uns im Mittelpunkt\"\n" +
        "#     flag: [\"Der Kunde ist König!\"]\n" +
        "#     pass: [\"Der Kunde hat angerufen.\"]\n\n" +
        "# Formulierungen, die keine Regel je meldet:\n# accept:\n#   - \"wie bereits im Newsletter angekündigt\"\n\n" +
        "# Welche Markdown-Dateien Vorlagen sind:\n# include: [\"**/*.md\"]\n# exclude: [\"drafts/**\"]\n");

    // --- tonelsp init ---------------------------------------------------------------------------------------------

    /// <summary>init: the directory argument is not a directory.</summary>
    public static readonly LocalText InitNotADirectory = new("{0} is not a directory.", "{0} ist kein Ordner.");

    /// <summary>init: the file exists already.</summary>
    public static readonly LocalText InitExists = new(
        "{0} exists; init never overwrites a file. Edit it, or remove it and run init again.",
        "{0} gibt es schon; init überschreibt keine Datei. Bearbeite sie, oder lösche sie und starte init noch einmal.");

    /// <summary>init: a channel name with characters a path glob would trip over.</summary>
    public static readonly LocalText InitBadChannel = new(
        "--channel expects a name of letters, digits, '-' and '_', not '{0}'.",
        "--channel erwartet einen Namen aus Buchstaben, Ziffern, '-' und '_', nicht '{0}'.");

    /// <summary>init: the configuration was written.</summary>
    public static readonly LocalText InitWrote = new("Wrote {0}.", "{0} geschrieben.");

    /// <summary>init --baseline: what was recorded, and how to use it.</summary>
    public static readonly LocalText InitRecorded = new(
        "Recorded {0} findings in {1} files in {2}; from now on run: tonelsp check --baseline {2} {3}",
        "{0} Befunde in {1} Dateien in {2} festgehalten; prüfe ab jetzt mit: tonelsp check --baseline {2} {3}");

    /// <summary>init on a terminal: the language question.</summary>
    public static readonly LocalText InitAskLanguage = new(
        "Language of the replies when detection cannot decide (de/en)",
        "Sprache der Antworten, wenn die Erkennung nicht entscheidet (de/en)");

    /// <summary>init on a terminal: the address question.</summary>
    public static readonly LocalText InitAskAddress = new(
        "Default form of address (du/sie/mirror)",
        "Standardanrede (du/sie/mirror = wie die Kundin oder der Kunde)");

    /// <summary>init on a terminal: the channels question.</summary>
    public static readonly LocalText InitAskChannels = new(
        "Channels, separated by commas (for example email, instagram; empty for none)",
        "Kanäle, durch Kommas getrennt (zum Beispiel email, instagram; leer für keine)");

    /// <summary>init on a terminal: an answer that is not among the choices.</summary>
    public static readonly LocalText InitNotAChoice = new("  '{0}' is not one of the choices.", "  '{0}' ist keine der Möglichkeiten.");

    /// <summary>
    /// The descriptions of the commands, options and arguments of <c>--help</c>, keyed by their English text (which the
    /// command tree is built with). System.CommandLine's own headings ("Usage:", "Options:") stay as it ships them.
    /// </summary>
    public static readonly IReadOnlyList<LocalText> HelpTexts =
    [
        new("The language of messages, explanations and fixes: auto (the template's language, else LANG), de or en.",
            "Die Sprache der Meldungen, Erklärungen und Korrekturen: auto (die Sprache der Vorlage, sonst LANG), de oder en."),
        new("ToneLsp: a tone linter and language server for customer reply templates (German and English).",
            "ToneLsp: prüft den Tonfall von Antwortvorlagen für Kundinnen und Kunden (Deutsch und Englisch), als Kommandozeile und Language Server."),
        new("Log level for stderr and window/logMessage: trace, debug, information, warning, error.",
            "Protokollstufe für stderr und window/logMessage: trace, debug, information, warning, error."),
        new("Speak LSP over standard input and output (the default and only transport).",
            "LSP über Standardein- und -ausgabe sprechen (der Standard und einzige Transport)."),
        new("Run the language server over standard input and output.",
            "Den Language Server über Standardein- und -ausgabe starten."),
        new("Output format: text, json, sarif or github.",
            "Ausgabeformat: text, json, sarif oder github."),
        new("Exit 1 when a finding is at or above this severity.",
            "Mit 1 beenden, wenn ein Befund diesen Schweregrad erreicht."),
        new("Report only findings that are not in this baseline file.",
            "Nur Befunde melden, die nicht in dieser Baseline-Datei stehen."),
        new("Record today's findings in this file and exit 0.",
            "Die heutigen Befunde in dieser Datei festhalten und mit 0 beenden."),
        new("List every suppression comment with its reason; unused ones are marked.",
            "Jeden Unterdrückungskommentar mit Begründung auflisten; unnötige werden markiert."),
        new("Run the flag and pass lines of the team's own phrases in .tonelsp.yaml instead of checking templates.",
            "Statt Vorlagen zu prüfen, die flag- und pass-Zeilen der eigenen Formulierungen des Teams in .tonelsp.yaml ausführen."),
        new("Check reply templates for tone problems.",
            "Antwortvorlagen auf Tonfall-Probleme prüfen."),
        new("Print a unified diff of what would change; write nothing.",
            "Die Änderungen als Unified Diff ausgeben; nichts schreiben."),
        new("Apply every preferred fix whose edits do not overlap.",
            "Jede bevorzugte Korrektur anwenden, deren Änderungen sich nicht überschneiden."),
        new("The target form of address: du or sie.",
            "Die Zielanrede: du oder sie."),
        new("The template to convert, or - for standard input.",
            "Die umzuwandelnde Vorlage, oder - für die Standardeingabe."),
        new("Write Du, Dich, Dein with a capital letter.",
            "Du, Dich, Dein großschreiben."),
        new("Whom a reply converted to du addresses: singular (du) or plural (ihr). Front matter audience: overrides it.",
            "An wen sich eine in du umgewandelte Antwort richtet: singular (du) oder plural (ihr). audience: im Front Matter gilt vorrangig."),
        new("Convert every line as a document of its own (for lists of snippets).",
            "Jede Zeile als eigenes Dokument umwandeln (für Listen von Textbausteinen)."),
        new("Print the analysis of every sentence (clauses, subjects, verbs, word tags) on standard error.",
            "Die Analyse jedes Satzes (Teilsätze, Subjekte, Verben, Wortarten) auf der Standardfehlerausgabe ausgeben."),
        new("Print a German reply converted between du and Sie, verbs included. Words it cannot decide stay as they are and are listed on standard error.",
            "Eine deutsche Antwort zwischen du und Sie umwandeln, Verben eingeschlossen. Wörter, die sich nicht entscheiden lassen, bleiben stehen und werden auf der Standardfehlerausgabe aufgelistet."),
        new("A rule ID such as TONE001, or a category; all rules when omitted.",
            "Eine Regel-ID wie TONE001 oder eine Kategorie; ohne Angabe alle Regeln."),
        new("Explain a rule: what it finds, why it matters, what to write instead.",
            "Eine Regel erklären: was sie findet, warum das wichtig ist und was du stattdessen schreiben kannst."),
        new("Files or directories; directories are searched for *.md.",
            "Dateien oder Ordner; in Ordnern werden *.md-Dateien gesucht."),
        new("Language when front matter is silent and detection undecided: de or en.",
            "Sprache, wenn das Front Matter nichts sagt und die Erkennung nicht entscheidet: de oder en."),
        new("Address form a reply should use when neither front matter nor the customer decides: du or sie.",
            "Anrede, die eine Antwort verwenden soll, wenn weder das Front Matter noch die Kundin oder der Kunde sie festlegt: du oder sie."),
        new("Write Du, Dich, Dein with a capital letter in rewrites.",
            "Du, Dich, Dein in Umformulierungen großschreiben."),
        new("The brand allows humour: report sarcasm as information, not as a warning.",
            "Die Marke erlaubt Humor: Sarkasmus als Information melden, nicht als Warnung."),
        new("Set a rule's or category's severity, e.g. --rule TONE001=off --rule sarcasm=information.",
            "Den Schweregrad einer Regel oder Kategorie setzen, z. B. --rule TONE001=off --rule sarcasm=information."),
        new("Where to write .tonelsp.yaml (the repository root).",
            "Wohin die .tonelsp.yaml geschrieben wird (die Wurzel des Repositorys)."),
        new("The replies' language when detection cannot decide: de or en.",
            "Die Sprache der Antworten, wenn die Erkennung nicht entscheidet: de oder en."),
        new("The default form of address: du, sie or mirror (follow the customer).",
            "Die Standardanrede: du, sie oder mirror (wie die Kundin oder der Kunde)."),
        new("A channel (email, instagram …), with templates under NAME/; repeat for more.",
            "Ein Kanal (email, instagram …) mit Vorlagen unter NAME/; für mehrere wiederholen."),
        new("Also record today's findings in tonelsp-baseline.json, for check --baseline.",
            "Zusätzlich die heutigen Befunde in tonelsp-baseline.json festhalten, für check --baseline."),
        new("Write a commented .tonelsp.yaml for a brand (asks on a terminal; never overwrites a file).",
            "Eine kommentierte .tonelsp.yaml für eine Marke schreiben (fragt im Terminal nach; überschreibt nie eine Datei)."),
        new("Show help and usage information",
            "Hilfe und Aufrufbeispiele zeigen"),
        new("Show version information",
            "Die Version zeigen"),
        new("The words to look up.",
            "Die nachzuschlagenden Wörter."),
        new("One JSON object per word and line.",
            "Ein JSON-Objekt je Wort und Zeile."),
        new("Show the German lexicon's readings of words (lemma, part of speech, features).",
            "Die Lesarten von Wörtern im deutschen Lexikon zeigen (Grundform, Wortart, Merkmale)."),
    ];

    /// <summary>The German of a help description, by its English; null when the catalogue lacks it.</summary>
    public static string? HelpIn(string english, Language language) =>
        language == Language.English ? english : HelpByEnglish.Value.GetValueOrDefault(english)?.In(language);

    private static readonly Lazy<Dictionary<string, LocalText>> HelpByEnglish = new(() => HelpTexts.ToDictionary(t => t.En, StringComparer.Ordinal));

    // --- The language server ------------------------------------------------------------------------------------

    /// <summary>The name of an address form: du, Sie, mixed, none.</summary>
    public static string AddressName(Core.AddressForms.AddressForm form, Language language) => form switch
    {
        Core.AddressForms.AddressForm.Du => "du",
        Core.AddressForms.AddressForm.Sie => language == Language.German ? "Sie" : "sie",
        Core.AddressForms.AddressForm.Mixed => AddressMixed.In(language),
        _ => AddressNone.In(language),
    };

    /// <summary>The hover on the customer's message ({0} the customer's register, {1} its evidence, {2} the reply's register).</summary>
    public static readonly LocalText HoverCustomerRegister = new(
        "**The customer writes {0}**{1}. The reply reads {2}.",
        "**Die Kundin oder der Kunde schreibt {0}**{1}. Die Antwort klingt {2}.");

    /// <summary>The hover's advice on a hostile customer message ({0} the evidence).</summary>
    public static readonly LocalText HoverHostile = new(
        "The message is hostile ({0}): do not mirror it; answer calmly, acknowledge the problem and offer help.",
        "Die Nachricht ist feindselig ({0}): Spiegle sie nicht; antworte ruhig, nimm das Problem auf und biete Hilfe an.");

    /// <summary>The code lens with the reply's and the customer's register.</summary>
    public static readonly LocalText LensRegister = new("Register: {0} · customer: {1}", "Tonlage: {0} · Kundin/Kunde: {1}");

    /// <summary>Added to the register lens when the customer's message is hostile.</summary>
    public static readonly LocalText LensHostile = new(" (hostile: do not mirror)", " (feindselig: nicht spiegeln)");

    /// <summary>A reply that mixes du and Sie.</summary>
    public static readonly LocalText AddressMixed = new("mixed", "gemischt");

    /// <summary>A reply without an address form.</summary>
    public static readonly LocalText AddressNone = new("none", "keine");

    /// <summary>The code lens with the reply's form ({0}).</summary>
    public static readonly LocalText LensAddress = new("Address: {0}", "Anrede: {0}");

    /// <summary>The code lens part with the customer's form ({0}).</summary>
    public static readonly LocalText LensCustomer = new(" · customer: {0}", " · Kundin/Kunde: {0}");

    /// <summary>The code lens that converts ({0} du or Sie).</summary>
    public static readonly LocalText LensConvert = new("Convert to {0}", "In {0} umwandeln");

    /// <summary>The label of the workspace edit a conversion applies ({0} du or sie).</summary>
    public static readonly LocalText EditConvert = new("Convert to {0}", "In {0} umwandeln");
}

using System.Globalization;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Diagnostics;

/// <summary>Which language ToneLsp speaks: the template's own (auto), or always German or English.</summary>
public enum MessageChoice
{
    /// <summary>The template's language; where that is unknown, the host's fallback (editor locale, <c>LANG</c>), then English.</summary>
    Auto,

    /// <summary>Always German.</summary>
    German,

    /// <summary>Always English.</summary>
    English,
}

/// <summary>
/// One text in both message languages. A message with arguments uses <c>{0}</c>-style placeholders, the same ones in
/// both languages; German quotes words with „…“, English with “…”.
/// </summary>
public sealed record LocalText(string En, string De)
{
    /// <summary>The text in the language.</summary>
    public string In(Language language) => language == Language.German ? De : En;

    /// <summary>
    /// The text in the language with the arguments filled in (an argument that is itself a <see cref="LocalText"/> is
    /// taken in the same language); a broken format gives the text as it is.
    /// </summary>
    public string Format(Language language, params object?[] arguments) =>
        Messages.SafeFormat(In(language), [.. arguments.Select(a => a is LocalText text ? text.In(language) : a)]);
}

/// <summary>What a rule says in one language: its title, message format, help text and a good example.</summary>
public sealed record RuleTexts(string Title, string MessageFormat, string HelpText, string Example);

/// <summary>
/// The message catalogue of the core: every text the core shows that is not a rule's own (rules carry their
/// <see cref="RuleTexts"/> in their descriptor, phrase rules in their YAML as <c>title: {en: …, de: …}</c>). How to add
/// a text: add a <see cref="LocalText"/> field here (or in the host's catalogue, <c>ToneLsp.Cli.CliText</c>) with the
/// English and the German, the same placeholders in both, and use <c>Messages.X.Format(language, …)</c>. German texts
/// address the user with "du" and use the project's terms (Antwort, Kundin oder Kunde, Direktnachricht, Anrede).
/// A test checks that every field has both languages with matching placeholders.
/// </summary>
public static class Messages
{
    /// <summary>Quotes a text in the language's quotation marks: „…“ in German, “…” in English.</summary>
    public static string Quote(Language language, string text) => language == Language.German ? $"„{text}“" : $"“{text}”";

    /// <summary>Parses <c>auto</c>, <c>de</c> or <c>en</c> (also <c>german</c>, <c>english</c>); null for anything else.</summary>
    public static MessageChoice? ParseChoice(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "auto" => MessageChoice.Auto,
        "de" or "german" or "deutsch" => MessageChoice.German,
        "en" or "english" or "englisch" => MessageChoice.English,
        _ => null,
    };

    /// <summary>The language of a locale such as <c>de</c>, <c>de-AT</c>, <c>de_DE.UTF-8</c> or <c>en-US</c>; null when it is neither.</summary>
    public static Language? FromLocale(string? locale)
    {
        string code = (locale ?? string.Empty).Trim();
        if (code.Length < 2 || (code.Length > 2 && code[2] is not ('-' or '_' or '.' or '@')))
        {
            return null;
        }

        return code[..2].ToLowerInvariant() switch
        {
            "de" => Language.German,
            "en" => Language.English,
            _ => null,
        };
    }

    /// <summary>The two-letter code of a language: de or en.</summary>
    public static string Code(Language language) => language == Language.German ? "de" : "en";

    internal static string SafeFormat(string format, object?[] arguments)
    {
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, arguments);
        }
        catch (FormatException)
        {
            return format;
        }
    }

    // --- Address forms (TONE002, TONE003, TONE023, conversions) --------------------------------------------------

    /// <summary>The form a word is in (TONE002's {1}).</summary>
    public static readonly LocalText FormInformal = new("informal (du)", "der Du-Form");

    /// <summary>The form a word is in (TONE002's {1}).</summary>
    public static readonly LocalText FormFormal = new("formal (Sie)", "der Sie-Form");

    /// <summary>The form a reply uses (TONE002's {2}, TONE003's {0}).</summary>
    public static readonly LocalText UsesInformal = new("informal (du)", "die Du-Form");

    /// <summary>The form a reply uses (TONE002's {2}, TONE003's {0}).</summary>
    public static readonly LocalText UsesFormal = new("formal (Sie)", "die Sie-Form");

    /// <summary>Why the reply should use its form: the front matter.</summary>
    public static readonly LocalText BecauseFrontMatter = new(" as its front matter asks", ", wie es das Front Matter verlangt");

    /// <summary>Why the reply should use its form: the customer.</summary>
    public static readonly LocalText BecauseCustomer = new(" as the customer does", ", wie die Kundin oder der Kunde");

    /// <summary>Why the reply should use its form: the configuration.</summary>
    public static readonly LocalText BecauseConfiguration = new(" as configured", ", wie konfiguriert");

    /// <summary>Why the reply should use its form: most of the reply.</summary>
    public static readonly LocalText BecauseMajority = new(" in most places", ", wie an den meisten Stellen");

    /// <summary>TONE003: the customer writes formally ({0} is their first words).</summary>
    public static readonly LocalText CustomerWritesFormally = new("the customer writes formally (“{0} …”)", "die Kundin oder der Kunde schreibt förmlich („{0} …“)");

    /// <summary>TONE003: the customer writes casually ({0} is their first words).</summary>
    public static readonly LocalText CustomerWritesCasually = new("the customer writes casually (“{0} …”)", "die Kundin oder der Kunde schreibt locker („{0} …“)");

    /// <summary>TONE003: the customer uses du.</summary>
    public static readonly LocalText CustomerWritesDu = new("the customer writes du", "die Kundin oder der Kunde duzt");

    /// <summary>TONE003: the customer uses Sie.</summary>
    public static readonly LocalText CustomerWritesSie = new("the customer writes sie", "die Kundin oder der Kunde siezt");

    /// <summary>TONE003: the front matter sets the form ({0} is du or sie).</summary>
    public static readonly LocalText FrontMatterAsksFor = new("the front matter asks for {0}", "das Front Matter verlangt {0}");

    /// <summary>TONE003: the configuration sets the form ({0} is du or sie).</summary>
    public static readonly LocalText ConfigurationAsksFor = new("the configuration asks for {0}", "die Konfiguration verlangt {0}");

    /// <summary>The conversion target as a label: du.</summary>
    public static readonly LocalText LabelDu = new("du", "du");

    /// <summary>The conversion target as a label: Sie.</summary>
    public static readonly LocalText LabelSie = new("Sie", "Sie");

    /// <summary>A word the conversion cannot decide: a "sie" that may be a pronoun of the third person.</summary>
    public static readonly LocalText UndecidedTheyOrShe = new("could mean “they” or “she”", "kann auch „sie“ (dritte Person) bedeuten");

    /// <summary>A word the conversion cannot decide: an unknown verb.</summary>
    public static readonly LocalText UndecidedUnknownVerb = new("not a known verb", "kein bekanntes Verb");

    /// <summary>A word the conversion cannot decide: its verb is unknown.</summary>
    public static readonly LocalText UndecidedVerbNotInLexicon = new("its verb is not in the lexicon", "das Verb dazu steht nicht im Lexikon");

    /// <summary>A word the conversion cannot decide: no imperative.</summary>
    public static readonly LocalText UndecidedNoImperative = new("no imperative of this verb in the lexicon", "das Lexikon kennt keinen Imperativ dieses Verbs");

    /// <summary>A word the conversion cannot decide: no form for the new person.</summary>
    public static readonly LocalText UndecidedNoForm = new("no form of this verb for the new person in the lexicon", "das Lexikon kennt die Form dieses Verbs für die neue Anrede nicht");

    // --- Fix titles ----------------------------------------------------------------------------------------------

    /// <summary>A phrase rewrite ({0} is the new text).</summary>
    public static readonly LocalText FixRewriteAs = new("Rewrite as “{0}”", "Umformulieren zu „{0}“");

    /// <summary>A phrase removal ({0} is the phrase).</summary>
    public static readonly LocalText FixRemove = new("Remove “{0}”", "„{0}“ entfernen");

    /// <summary>A conversion of one sentence ({0} is du or Sie).</summary>
    public static readonly LocalText FixConvertSentence = new("Convert this sentence to {0}", "Diesen Satz in {0} umwandeln");

    /// <summary>A conversion of one paragraph ({0} is du or Sie).</summary>
    public static readonly LocalText FixConvertParagraph = new("Convert this paragraph to {0}", "Diesen Absatz in {0} umwandeln");

    /// <summary>A conversion of the whole reply ({0} is du or Sie).</summary>
    public static readonly LocalText FixConvertDocument = new("Convert the whole reply to {0}", "Ganze Antwort in {0} umwandeln");

    /// <summary>A replacement of piled-up marks ({0} is the single mark).</summary>
    public static readonly LocalText FixKeepSingle = new("Keep a single “{0}”", "Nur ein „{0}“ behalten");

    /// <summary>A replacement ({0} is the new text).</summary>
    public static readonly LocalText FixWrite = new("Write “{0}”", "„{0}“ schreiben");

    /// <summary>An inserted opening ({0}).</summary>
    public static readonly LocalText FixOpenWith = new("Open with “{0}”", "Mit „{0}“ beginnen");

    /// <summary>An inserted ending ({0}).</summary>
    public static readonly LocalText FixEndWith = new("End with “{0}”", "Mit „{0}“ abschließen");

    /// <summary>An inserted greeting or closing ({0}).</summary>
    public static readonly LocalText FixAdd = new("Add “{0}”", "„{0}“ ergänzen");

    /// <summary>The emoji removal.</summary>
    public static readonly LocalText FixRemoveEmoji = new("Remove the emoji", "Emoji entfernen");

    /// <summary>The removal of an unused suppression.</summary>
    public static readonly LocalText FixRemoveSuppression = new("Remove the unused suppression", "Unnötige Unterdrückung entfernen");

    /// <summary>The suppression of a rule on a line ({0} is the rule ID).</summary>
    public static readonly LocalText FixDisableLine = new("Disable {0} for this line", "{0} für diese Zeile deaktivieren");

    /// <summary>Accepting a phrase for good ({0} is the phrase).</summary>
    public static readonly LocalText FixAlwaysAccept = new("Always accept “{0}” (.tonelsp.yaml)", "Diese Formulierung immer akzeptieren: „{0}“ (.tonelsp.yaml)");

    /// <summary>Fix-all.</summary>
    public static readonly LocalText FixAll = new("Fix all tone issues", "Alle Tonfall-Probleme beheben");

    // --- Arguments of other rules --------------------------------------------------------------------------------

    /// <summary>TONE017: the policy forbids emoji.</summary>
    public static readonly LocalText EmojiForbids = new("does not allow", "erlaubt keine");

    /// <summary>TONE017: the policy avoids emoji.</summary>
    public static readonly LocalText EmojiAvoids = new("avoids", "vermeidet");

    /// <summary>TONE018: a greeting is missing.</summary>
    public static readonly LocalText NeedsGreeting = new("open with a greeting", "beginnen mit einer Begrüßung");

    /// <summary>TONE018: a closing is missing.</summary>
    public static readonly LocalText NeedsClosing = new("end with a closing", "enden mit einer Grußformel");

    /// <summary>TONE019: a placeholder left empty ({0}).</summary>
    public static readonly LocalText PlaceholderEmpty = new("“{0}” looks like an empty placeholder", "„{0}“ sieht nach einem leeren Platzhalter aus");

    /// <summary>TONE019: a placeholder not closed ({0}).</summary>
    public static readonly LocalText PlaceholderIncomplete = new("“{0}” is not a complete placeholder", "„{0}“ ist kein vollständiger Platzhalter");

    /// <summary>TONE019: a placeholder only this template uses ({0}) and the one others use ({1}).</summary>
    public static readonly LocalText PlaceholderUnknown = new("“{0}” is not used elsewhere; other templates use “{1}”", "„{0}“ kommt sonst nirgends vor; andere Vorlagen verwenden „{1}“");

    /// <summary>TONE020: the rules a suppression names ({0}).</summary>
    public static readonly LocalText SuppressionRules = new(" ({0})", " ({0})");

    // --- Configuration errors (.tonelsp.yaml) --------------------------------------------------------------------

    /// <summary>A suggestion after an unknown key ({0} the known one).</summary>
    public static readonly LocalText DidYouMean = new(" (did you mean '{0}'?)", " (meintest du '{0}'?)");

    /// <summary>A configuration that is no mapping.</summary>
    public static readonly LocalText ConfigNotMapping = new("The configuration must be a mapping, such as `brand: { address: du }`.", "Die Konfiguration muss eine Zuordnung sein, etwa `brand: { address: du }`.");

    /// <summary>An unknown top-level key ({0} the key, {1} a suggestion, {2} the known keys).</summary>
    public static readonly LocalText ConfigUnknownKey = new("Unknown key '{0}'{1}. Known keys: {2}.", "Unbekannter Schlüssel '{0}'{1}. Bekannte Schlüssel: {2}.");

    /// <summary>Nesting beyond the limit ({0}).</summary>
    public static readonly LocalText ConfigTooDeep = new("The configuration nests deeper than {0} levels; this part is not read.", "Die Konfiguration ist tiefer als {0} Ebenen verschachtelt; dieser Teil wird nicht gelesen.");

    /// <summary>Invalid YAML ({0} the parser's message).</summary>
    public static readonly LocalText ConfigNotYaml = new("Not valid YAML: {0}", "Kein gültiges YAML: {0}");

    /// <summary>Invalid YAML, probably unclosed ({0} the parser's message).</summary>
    public static readonly LocalText ConfigNotYamlUnclosed = new("Not valid YAML; check for unclosed brackets and quotes ({0}).", "Kein gültiges YAML; prüfe, ob Klammern oder Anführungszeichen offen sind ({0}).");

    /// <summary>A key given twice ({0}).</summary>
    public static readonly LocalText ConfigDuplicateKey = new("The key '{0}' appears twice.", "Der Schlüssel '{0}' steht zweimal da.");

    /// <summary>A tonality that is no mapping ({0} where, {1} the keys).</summary>
    public static readonly LocalText ConfigTonalityNotMapping = new("'{0}' must be a mapping of {1}.", "'{0}' muss eine Zuordnung von {1} sein.");

    /// <summary>An unknown key in a section ({0} the key, {1} the section, {2} a suggestion, {3} the known keys).</summary>
    public static readonly LocalText ConfigUnknownKeyIn = new("Unknown key '{0}' in {1}{2}. Known keys: {3}.", "Unbekannter Schlüssel '{0}' in {1}{2}. Bekannte Schlüssel: {3}.");

    /// <summary>channels: that is no mapping.</summary>
    public static readonly LocalText ConfigChannelsNotMapping = new("'channels' must map channel names to profiles, such as `instagram: { address: du }`.", "'channels' muss Kanalnamen auf Profile abbilden, etwa `instagram: { address: du }`.");

    /// <summary>rules: that is no mapping.</summary>
    public static readonly LocalText ConfigRulesNotMapping = new("'rules' must map rule IDs or categories to off, hint, information, warning or error.", "'rules' muss Regel-IDs oder Kategorien auf off, hint, information, warning oder error abbilden.");

    /// <summary>A rule setting that is no severity ({0} the rule, {1} the value).</summary>
    public static readonly LocalText ConfigNotASeverity = new("rules.{0}: '{1}' is not a severity; use off, hint, information, warning or error.", "rules.{0}: '{1}' ist kein Schweregrad; erlaubt sind off, hint, information, warning und error.");

    /// <summary>A rule setting for no rule ({0} the name, {1} a suggestion).</summary>
    public static readonly LocalText ConfigUnknownRule = new("rules.{0}: no rule or category has this name{1}; the setting changes nothing.", "rules.{0}: keine Regel und keine Kategorie heißt so{1}; die Einstellung bewirkt nichts.");

    /// <summary>phrases: that is no list.</summary>
    public static readonly LocalText ConfigPhrasesNotList = new("'phrases' must be a list of { match, message, rewrite, severity, lang, … }.", "'phrases' muss eine Liste von { match, message, rewrite, severity, lang, … } sein.");

    /// <summary>A list entry that is no text ({0} the list).</summary>
    public static readonly LocalText ConfigEntryNotText = new("Each entry of '{0}' must be a text.", "Jeder Eintrag von '{0}' muss ein Text sein.");

    /// <summary>A value that is no list ({0}).</summary>
    public static readonly LocalText ConfigNotList = new("'{0}' must be a list.", "'{0}' muss eine Liste sein.");

    /// <summary>A value outside its choices ({0} where, {1} the value, {2} the choices).</summary>
    public static readonly LocalText ConfigNotAllowed = new("{0}: '{1}' is not allowed; use {2}.", "{0}: '{1}' ist nicht erlaubt; erlaubt sind {2}.");

    /// <summary>The name of a register in the language: formal/förmlich, neutral, casual/locker.</summary>
    public static string RegisterName(Text.Register register, Language language) => register switch
    {
        Text.Register.Formal => RegisterFormal.In(language),
        Text.Register.Casual => RegisterCasual.In(language),
        _ => RegisterNeutral.In(language),
    };

    /// <summary>The formal register.</summary>
    public static readonly LocalText RegisterFormal = new("formal", "förmlich");

    /// <summary>The neutral register.</summary>
    public static readonly LocalText RegisterNeutral = new("neutral", "neutral");

    /// <summary>The casual register.</summary>
    public static readonly LocalText RegisterCasual = new("casual", "locker");

    /// <summary>TONE024: what the customer's register is ({0} the register, {1} its evidence in parentheses or nothing).</summary>
    public static readonly LocalText TonalityCustomerWrites = new("the customer writes {0}{1}", "die Kundin oder der Kunde schreibt {0}{1}");

    /// <summary>TONE024: a channel by name.</summary>
    public static readonly LocalText TonalityTheChannel = new("the channel {0}", "der Kanal {0}");

    /// <summary>TONE024: the brand, when no channel applies.</summary>
    public static readonly LocalText TonalityTheBrand = new("the brand", "die Marke");

    /// <summary>TONE024: what a channel or brand allows ({0} who, {1} the registers).</summary>
    public static readonly LocalText TonalityAllows = new("{0} allows {1}", "{0} erlaubt {1}");

    /// <summary>TONE024: between two reasons.</summary>
    public static readonly LocalText TonalityAnd = new(" and ", " und ");

    /// <summary>TONE024: between registers.</summary>
    public static readonly LocalText TonalityOr = new(" or ", " oder ");

    /// <summary>TONE024 when it also stands for TONE013's finding on the same greeting ({0} the quoted greeting, {1} du or Sie).</summary>
    /// <summary>Appended to a finding whose rule is milder where the reply also helps itself (<c>alongsideHelp:</c>).</summary>
    public static readonly LocalText AlongsideHelp = new("; the reply also helps itself, so it reads as an offer", "; die Antwort hilft auch selbst, daher wirkt es als Angebot");

    public static readonly LocalText TonalityAlsoAddress = new("; {0} does not fit a reply that says {1} either", "; {0} passt auch nicht zu einer Antwort mit {1}");

    /// <summary>TONE024: a reply without any register evidence.</summary>
    public static readonly LocalText TonalityNoMarkers = new("no formal or casual markers", "keine förmlichen oder lockeren Merkmale");

    /// <summary>Register evidence: emoji.</summary>
    public static readonly LocalText TonalityEmoji = new("emoji", "Emoji");

    /// <summary>Register evidence: a message in lower case only.</summary>
    public static readonly LocalText TonalityLowerCase = new("all lower case", "alles kleingeschrieben");

    /// <summary>TONE024's fix ({0} the register).</summary>
    public static readonly LocalText TonalityFixTitle = new("Make greeting, closing and punctuation {0}", "Begrüßung, Grußformel und Satzzeichen {0} machen");

    /// <summary>A phrase's flag line that its rule does not report.</summary>
    public static readonly LocalText ExampleNotFlagged = new("a flag line that is not flagged", "eine flag-Zeile, die nicht gemeldet wird");

    /// <summary>A flag line whose rewrite is reported again ({0} the rewrite).</summary>
    public static readonly LocalText ExampleStillFlagged = new("the rewrite “{0}” is still flagged", "die Umformulierung „{0}“ wird noch immer gemeldet");

    /// <summary>A rewrite that drops a fact ({0} the rewrite, {1} the fact).</summary>
    public static readonly LocalText ExampleLosesFact = new("the rewrite “{0}” loses “{1}”", "die Umformulierung „{0}“ verliert „{1}“");

    /// <summary>A rewrite with untidy punctuation ({0} the rewrite, {1} where, or nothing).</summary>
    public static readonly LocalText ExampleUntidy = new(
        "the rewrite “{0}” has untidy punctuation, spacing or case{1}",
        "die Umformulierung „{0}“ hat unsaubere Satzzeichen, Leerzeichen oder Groß- und Kleinschreibung{1}");

    /// <summary>A rewrite that raises another rule ({0} the rewrite, {1} the rule, {2} the words).</summary>
    public static readonly LocalText ExampleRaises = new("the rewrite “{0}” raises {1} (“{2}”)", "die Umformulierung „{0}“ löst {1} aus („{2}“)");

    /// <summary>A pass line that the rule reports ({0} the words).</summary>
    public static readonly LocalText ExamplePassFlagged = new("a pass line that is flagged at “{0}”", "eine pass-Zeile, die bei „{0}“ gemeldet wird");

    /// <summary>salutations: that maps no languages ({0} where).</summary>
    public static readonly LocalText ConfigSalutationsNotMapping = new(
        "{0} must map de or en to registers, such as `de: {{ formal: {{ greeting: Guten Tag }} }}`.",
        "{0} muss de oder en auf Tonlagen abbilden, etwa `de: {{ formal: {{ greeting: Guten Tag }} }}`.");

    /// <summary>A salutations key that is no language ({0} where, {1} the key).</summary>
    public static readonly LocalText ConfigNotALanguage = new("{0}: '{1}' is not a language; use de or en.", "{0}: '{1}' ist keine Sprache; erlaubt sind de und en.");

    /// <summary>A language of salutations that maps no registers ({0} where).</summary>
    public static readonly LocalText ConfigRegistersNotMapping = new(
        "{0} must map formal, neutral or casual to a greeting and a closing.",
        "{0} muss formal, neutral oder casual auf eine Begrüßung und eine Grußformel abbilden.");

    /// <summary>A value that is no register ({0} where, {1} the value, {2} a suggestion).</summary>
    public static readonly LocalText ConfigNotARegister = new(
        "{0}: '{1}' is not a register{2}; use formal, neutral or casual.",
        "{0}: '{1}' ist keine Tonlage{2}; erlaubt sind formal, neutral und casual.");

    /// <summary>A register of salutations that is no greeting-and-closing mapping ({0} where).</summary>
    public static readonly LocalText ConfigSalutationPair = new(
        "{0} must be a mapping of greeting and closing, such as `{{ greeting: Hallo, closing: Viele Grüße }}`.",
        "{0} muss greeting und closing angeben, etwa `{{ greeting: Hallo, closing: Viele Grüße }}`.");

    /// <summary>A value that is no whole number of at least the minimum ({0} where, {1} the value, {2} the minimum).</summary>
    public static readonly LocalText ConfigNotACount = new("{0}: '{1}' is not a whole number of at least {2}.", "{0}: '{1}' ist keine ganze Zahl ab {2}.");

    /// <summary>A value that is no boolean ({0} where, {1} the value).</summary>
    public static readonly LocalText ConfigNotBoolean = new("{0}: '{1}' is not true or false.", "{0}: '{1}' ist weder true noch false.");

    /// <summary>A value that is neither required nor optional ({0} where, {1} the value).</summary>
    public static readonly LocalText ConfigNotRequired = new("{0}: '{1}' is not allowed; use required or optional.", "{0}: '{1}' ist nicht erlaubt; erlaubt sind required und optional.");

    // --- Template problems (TONE100) -----------------------------------------------------------------------------

    /// <summary>Markdown that could not be parsed ({0} is the parser's message).</summary>
    public static readonly LocalText ProblemMarkdown = new("The Markdown could not be parsed ({0}); the text is checked as plain prose.", "Das Markdown lässt sich nicht lesen ({0}); der Text wird als reiner Fließtext geprüft.");

    /// <summary>Nesting beyond the column limit ({0}).</summary>
    public static readonly LocalText ProblemDeepColumns = new("Lists or quotes are nested more than {0} columns deep; those lines are not checked.", "Listen oder Zitate sind mehr als {0} Spalten tief verschachtelt; diese Zeilen werden nicht geprüft.");

    /// <summary>Nesting beyond the block limit.</summary>
    public static readonly LocalText ProblemDeepBlocks = new("The Markdown is nested too deeply; the innermost blocks are not checked.", "Das Markdown ist zu tief verschachtelt; die innersten Blöcke werden nicht geprüft.");

    /// <summary>Front matter nested too deeply ({0} is the limit).</summary>
    public static readonly LocalText ProblemFrontMatterDepth = new("The front matter nests deeper than {0} levels and is not read.", "Das Front Matter ist tiefer als {0} Ebenen verschachtelt und wird nicht gelesen.");

    /// <summary>Front matter that is no mapping.</summary>
    public static readonly LocalText ProblemFrontMatterMapping = new("The front matter must be a YAML mapping such as `language: de`.", "Das Front Matter muss eine YAML-Zuordnung sein, etwa `language: de`.");

    /// <summary>Front matter that is not YAML ({0} is the parser's message).</summary>
    public static readonly LocalText ProblemFrontMatterYaml = new("The front matter is not valid YAML: {0}", "Das Front Matter ist kein gültiges YAML: {0}");

    /// <summary>Front matter that is not YAML, probably unclosed ({0} is the parser's message).</summary>
    public static readonly LocalText ProblemFrontMatterUnclosed = new("The front matter is not valid YAML; check for unclosed brackets and quotes ({0}).", "Das Front Matter ist kein gültiges YAML; prüfe, ob Klammern oder Anführungszeichen offen sind ({0}).");

    /// <summary>An unknown language in the front matter ({0}).</summary>
    public static readonly LocalText ProblemUnknownLanguage = new("Unknown language '{0}'; use 'de' or 'en'. The language is detected from the text instead.", "Unbekannte Sprache '{0}'; erlaubt sind 'de' und 'en'. Die Sprache wird stattdessen am Text erkannt.");

    /// <summary>An unknown address form in the front matter ({0}).</summary>
    public static readonly LocalText ProblemUnknownAddress = new("Unknown address form '{0}'; use 'du' or 'sie'.", "Unbekannte Anrede '{0}'; erlaubt sind 'du' und 'sie'.");

    // --- Built-in snippets (completion details) ------------------------------------------------------------------

    /// <summary>The opener snippet.</summary>
    public static readonly LocalText SnippetOpener = new("Opener: thanks and acknowledgement", "Einstieg: Dank und Verständnis");

    /// <summary>The direct-message snippet.</summary>
    public static readonly LocalText SnippetDirectMessage = new("Move to a direct message", "In die Direktnachricht wechseln");

    /// <summary>The closing snippet.</summary>
    public static readonly LocalText SnippetClosing = new("Closing with an offer of help", "Abschluss mit Hilfsangebot");

    // --- Explanations --------------------------------------------------------------------------------------------

    /// <summary>The label before the preferred fix in an explanation.</summary>
    public static readonly LocalText Suggested = new("Suggested:", "Vorschlag:");

    /// <summary>The label before a rule's good example in an explanation.</summary>
    public static readonly LocalText Better = new("For example:", "Zum Beispiel:");
}

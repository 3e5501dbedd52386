using System.Collections.Immutable;
using System.Text;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>TONE010: words in capitals; TONE011: piled-up exclamation and question marks.</summary>
public sealed class ShoutingAnalyzer : ToneAnalyzer
{
    /// <summary>Words in capitals.</summary>
    public static readonly DiagnosticDescriptor Capitals = new(
        "TONE010",
        Categories.Shouting,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Words in capitals",
            "“{0}” is in capitals, which reads as shouting",
            "Text in capitals reads as shouting, in German as in English. In a public reply it makes the brand look angry " +
            "or impatient, exactly when the customer needs calm. Emphasise with words instead (\"wichtig ist\", \"please " +
            "note\"), or with bold text for a single key term. Runs of capitalised words and single emphasised words such as " +
            "NICHT or NEVER are flagged; acronyms (DHL, IBAN, FAQ, DSGVO), names, placeholders and headings are not, nor are " +
            "titles run into a paragraph, lists of terms and table rows, nor a word or two in a paragraph labelled by such a title " +
            "or by an option. The fix writes the words in normal case.",
            "Please note: the offer ends on Friday."),
        new RuleTexts(
            "Wörter in Großbuchstaben",
            "„{0}“ steht in Großbuchstaben und wirkt wie Schreien",
            "Text in Großbuchstaben wirkt wie Schreien, im Deutschen wie im Englischen. In einer öffentlichen " +
            "Antwort lässt er die Marke wütend oder ungeduldig aussehen, gerade dann, wenn die Kundin oder der " +
            "Kunde Ruhe braucht. Betone mit Worten („wichtig ist“, „please note“) oder mit Fettdruck für einen " +
            "einzelnen Schlüsselbegriff. Gemeldet werden Folgen großgeschriebener Wörter und einzelne betonte " +
            "Wörter wie NICHT oder NEVER; nicht gemeldet werden Abkürzungen (DHL, IBAN, FAQ, DSGVO), Namen, " +
            "Platzhalter und Überschriften, ebenso wenig Titel am Absatzanfang, Begriffslisten und Tabellenzeilen " +
            "oder ein, zwei Wörter in einem Absatz, der mit so einem Titel oder einer Option beginnt. Die " +
            "Korrektur schreibt die Wörter normal.",
            "Wichtig ist: Das Angebot endet am Freitag."));

    /// <summary>Piled-up punctuation.</summary>
    public static readonly DiagnosticDescriptor Punctuation = new(
        "TONE011",
        Categories.Shouting,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Piled-up exclamation or question marks",
            "“{0}” reads as shouting or exasperation",
            "Several exclamation or question marks in a row (\"!!!\", \"???\", \"?!?\") read as raised voice or exasperation. " +
            "One mark is enough; warmth comes from the words. The fix keeps a single mark.",
            "Thanks for your patience!"),
        new RuleTexts(
            "Gehäufte Ausrufe- oder Fragezeichen",
            "„{0}“ wirkt wie Schreien oder Genervtsein",
            "Mehrere Ausrufe- oder Fragezeichen hintereinander („!!!“, „???“, „?!?“) wirken wie eine erhobene " +
            "Stimme oder wie Genervtsein. Ein Zeichen reicht; Herzlichkeit entsteht durch die Worte. Die " +
            "Korrektur lässt ein einzelnes Zeichen stehen.",
            "Danke für deine Geduld!"));

    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "DHL", "DPD", "GLS", "UPS", "IBAN", "BIC", "SEPA", "FAQ", "FAQS", "DSGVO", "GDPR", "AGB", "AGBS", "PIN", "TAN", "PDF",
        "USB", "HDMI", "WLAN", "LAN", "DSL", "LTE", "SIM", "PUK", "EU", "USA", "UK", "EUR", "USD", "CHF", "MWST", "UST", "GMBH",
        "AG", "KG", "OHG", "CEO", "CTO", "HR", "IT", "PC", "TV", "OK", "ID", "URL", "HTML", "HTTP", "HTTPS", "API", "APP", "IOS",
        "SMS", "MMS", "DM", "PN", "PM", "FYI", "ASAP", "CET", "CEST", "UTC", "GMT", "NFC", "QR", "PS", "PPS", "NB", "ZB", "BZW",
        "ADAC", "ARD", "ZDF", "ICE", "IC", "DB", "BVG", "ÖPNV", "KFZ", "PKW", "LKW", "TÜV", "ABS", "GPS", "VPN", "SSL", "TLS",
        "DNS", "IP", "CPU", "GPU", "RAM", "SSD", "HDD", "LED", "LCD", "OLED", "DVD", "CD", "MP3", "AI", "KI", "B2B", "B2C", "VIP",
        "NEU", "NEW", "SALE", "TIPP", "TIP", "PRO", "PLUS", "MAX", "MINI", "XL", "XXL", "XS", "S", "M", "L", "ASCII", "UTF",
        "POSIX", "UNIX", "GNU", "LINUX", "SIGTERM", "SIGKILL", "SIGHUP", "SIGINT", "PATH", "HOME", "USER", "TERM", "LANG", "NAME",
        "EOF", "STDIN", "STDOUT", "STDERR", "NULL", "TRUE", "FALSE", "README", "TODO", "NOTE", "FIXME", "XML", "JSON", "YAML",
        "CSV", "SQL", "GUI", "CLI", "RFC", "ISO", "DIN", "IEEE", "ANSI", "MIME", "SMTP", "IMAP", "POP", "FTP", "SSH", "TCP", "UDP",
    };

    // Single words people shout for emphasis; other lone words in capitals are usually names or identifiers.
    private static readonly HashSet<string> EmphasisWords = new(StringComparer.Ordinal)
    {
        "NICHT", "KEIN", "KEINE", "KEINEN", "NIE", "NIEMALS", "IMMER", "SOFORT", "BITTE", "GENAU", "JETZT", "ALLES", "NICHTS", "WIRKLICH",
        "SCHON", "BEREITS", "MEHRMALS", "NOCHMAL", "NOCHMALS", "ENDLICH", "SELBST", "SELBER", "LESEN", "ACHTUNG", "WICHTIG", "DRINGEND",
        "AUSDRÜCKLICH", "EINDEUTIG", "KLAR", "DEFINITIV", "NUR", "ALLE", "JEDER", "MUSS", "MÜSSEN", "KANN", "KÖNNEN", "UNSER", "IHR", "DEIN",
        "NOT", "NEVER", "ALWAYS", "PLEASE", "NOW", "ALREADY", "EVERY", "ALL", "ANY", "READ", "STOP", "DON'T", "CANNOT", "CAN'T", "WON'T",
        "MUST", "ONLY", "AGAIN", "NOTHING", "NOBODY", "ASAP", "REALLY", "SERIOUSLY", "YOUR", "YOU", "OUR", "NO", "NEED", "HAVE", "DO",
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Capitals, Punctuation];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        TemplateDocument document = context.Input.Document;
        ProseBlock? block = null;
        bool labelled = false;
        foreach (BlockSentence entry in document.ReplySentences)
        {
            if (entry.Block.Kind == ProseBlockKind.Heading)
            {
                continue;
            }

            IReadOnlyList<Token> tokens = entry.Sentence.Tokens;
            bool opensBlock = !ReferenceEquals(entry.Block, block);
            if (opensBlock)
            {
                block = entry.Block;
                labelled = IsLabelledBlock(document, entry.Sentence);
            }

            ReportCapitals(context, document, tokens, opensBlock, labelled);
            ReportSpacedCapitals(context, document, tokens);
            ReportPunctuation(context, document, tokens);
        }
    }

    /// <summary>The normal-case form of shouted words: lower case, with a capital at a sentence start and, in German, after an article.</summary>
    internal static string Normalize(string text, bool sentenceStart, Language language)
    {
        var builder = new StringBuilder(text.Length);
        bool capitalizeNext = sentenceStart;
        string previousWord = string.Empty;
        foreach (string part in System.Text.RegularExpressions.Regex.Split(text, @"(\s+)"))
        {
            if (part.Length == 0 || char.IsWhiteSpace(part[0]))
            {
                builder.Append(part);
                continue;
            }

            string lower = part.ToLowerInvariant();
            bool capital = capitalizeNext || (language == Language.German &&
                (AddressForms.GermanWords.Determiners.Contains(previousWord) || lower is "sie" or "ihnen" or "ihr" or "ihre" or "ihren" or "ihrem" or "ihrer"));
            builder.Append(capital ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower);
            capitalizeNext = false;
            previousWord = lower;
        }

        return builder.ToString();
    }

    private static void ReportCapitals(AnalysisContext context, TemplateDocument document, IReadOnlyList<Token> tokens, bool opensBlock, bool labelled)
    {
        bool? table = null;
        // Where most words of a sentence are in capitals it shouts: titles and terms are read in prose, lists in a
        // sentence with at least one word in normal case. Counted only for a sentence with a shouted run, as most have none.
        bool? prose = null, normalCase = null;
        int i = 0;
        while (i < tokens.Count)
        {
            if (!IsShoutedWord(tokens[i]))
            {
                i++;
                continue;
            }

            int end = RunEnd(tokens, i);
            var run = Enumerable.Range(i, end - i + 1).Select(k => tokens[k]).Where(t => t.IsWord).ToList();
            // A run of three words, two words with an emphasis word among them, or one emphasised word; in German a
            // single word is emphasis when the lexicon knows it and never as a noun ("UNBEDINGT", "GRÜNDLICH", "GESPERRT").
            var plain = run.Where(t => !Acronyms.Contains(t.Text)).ToList();
            bool german = document.Language == Language.German;
            bool shouting = plain.Count >= 3 ||
                            (plain.Count == 2 && plain.Any(t => EmphasisWords.Contains(t.Text))) ||
                            (plain.Count == 1 && IsEmphasis(plain[0].Text, german) && (run.Count == 1 || EmphasisWords.Contains(plain[0].Text)));
            // In a block labelled by a title or an option, a word or two in capitals are the text's terms; a whole
            // clause in capitals is still shouting.
            if (shouting && prose is null)
            {
                int shoutedWords = tokens.Count(IsShoutedWord);
                prose = tokens.Count(t => t.IsWord && Characters.HasLetter(t.Text)) >= 2 * shoutedWords;
                normalCase = tokens.Any(IsNormalCase);
            }

            bool term = shouting && ((prose == true && ((labelled && plain.Count < 3) || (opensBlock && i == 0 && IsBlockTitle(tokens, end)))) ||
                                     (normalCase == true && IsTermList(document, tokens, i, end)) || (table ??= IsTableOrCode(tokens)));
            if (shouting && !term && !IsAdjacentToCode(document, tokens[i].Span.Start, tokens[end].Span.End) && !IsTitleOrList(tokens, i, end))
            {
                // Acronyms at either end stay as they are: "Ihre TAN NIEMALS" is about "NIEMALS".
                int from = i, to = end;
                while (from < to && (!tokens[from].IsWord || Acronyms.Contains(tokens[from].Text)))
                {
                    from++;
                }

                while (to > from && (!tokens[to].IsWord || Acronyms.Contains(tokens[to].Text)))
                {
                    to--;
                }

                TextSpan span = TextSpan.FromBounds(tokens[from].Span.Start, tokens[to].Span.End);
                string text = document.Source.Slice(span);
                bool start = AddressForms.AddressFormDetector.IsSentenceInitial(tokens, from);
                context.Report(ToneDiagnostic.Create(Capitals, span, Capitals.FormatMessage(context.Input.MessageLanguage, text),
                    ImmutableDictionary<string, string>.Empty.Add(ReplacementCodeFixProvider.ReplacementProperty, Normalize(text, start, document.Language))));
            }

            i = end + 1;
        }
    }

    private static void ReportPunctuation(AnalysisContext context, TemplateDocument document, IReadOnlyList<Token> tokens)
    {
        int i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Text is not ("!" or "?"))
            {
                i++;
                continue;
            }

            int end = i;
            while (end + 1 < tokens.Count && tokens[end + 1].Text is "!" or "?" or "1" && tokens[end + 1].Span.Start == tokens[end].Span.End)
            {
                end++;
            }

            if (end - i + 1 >= 3 && !IsInsideWord(document, tokens[i].Span.Start, tokens[end].Span.End))
            {
                TextSpan span = TextSpan.FromBounds(tokens[i].Span.Start, tokens[end].Span.End);
                string text = document.Source.Slice(span);
                context.Report(ToneDiagnostic.Create(Punctuation, span, Punctuation.FormatMessage(context.Input.MessageLanguage, text),
                    ImmutableDictionary<string, string>.Empty.Add(ReplacementCodeFixProvider.ReplacementProperty, text.Contains('?') ? "?" : "!")));
            }

            i = end + 1;
        }
    }

    // "N U R noch heute", "N I C H T": capitals spelt out letter by letter shout louder still.
    private static void ReportSpacedCapitals(AnalysisContext context, TemplateDocument document, IReadOnlyList<Token> tokens)
    {
        int i = 0;
        while (i < tokens.Count)
        {
            int end = i;
            while (end < tokens.Count && IsSpacedLetter(tokens[end]) && (end == i || tokens[end].Span.Start == tokens[end - 1].Span.End + 1))
            {
                end++;
            }

            if (end - i >= 3)
            {
                string word = string.Concat(Enumerable.Range(i, end - i).Select(k => tokens[k].Text));
                if (IsEmphasis(word, document.Language == Language.German))
                {
                    TextSpan span = TextSpan.FromBounds(tokens[i].Span.Start, tokens[end - 1].Span.End);
                    bool start = AddressForms.AddressFormDetector.IsSentenceInitial(tokens, i);
                    context.Report(ToneDiagnostic.Create(Capitals, span, Capitals.FormatMessage(context.Input.MessageLanguage, document.Source.Slice(span)),
                        ImmutableDictionary<string, string>.Empty.Add(ReplacementCodeFixProvider.ReplacementProperty, Normalize(word, start, document.Language))));
                }

                i = end;
                continue;
            }

            i = Math.Max(end, i + 1);
        }

        static bool IsSpacedLetter(Token token) => token.IsWord && token.Text.Length == 1 && char.IsUpper(token.Text[0]);
    }

    private static bool IsEmphasis(string word, bool german) => EmphasisWords.Contains(word) || (german && IsCommonGermanWord(word));

    // The lexicon knows the word in lower case as a verb or adjective form, or the conversion's closed classes know it
    // (particles, adverbs, pronouns); nouns, names and acronyms ("DPD", "ALDI") are not emphasis.
    private static bool IsCommonGermanWord(string word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        string lower = word.ToLowerInvariant();
        if (AddressForms.Conversion.WordClasses.Classify(lower, capitalized: false, sentenceInitial: false) != AddressForms.Conversion.WordClass.Open)
        {
            return true;
        }

        // "BEFEHLE" and "ARM" are also nouns (a section title, a processor): only words that cannot be one count.
        Morphology.GermanLexicon lexicon = Morphology.GermanLexicon.Shared;
        return !lexicon.Has(char.ToUpperInvariant(lower[0]) + lower[1..], Morphology.PartOfSpeech.Noun) &&
               (lexicon.Has(lower, Morphology.PartOfSpeech.Verb) || lexicon.Has(lower, Morphology.PartOfSpeech.Adjective));
    }

    private static bool IsShoutedWord(Token token)
    {
        if (!token.IsWord || token.Text.Length < 2)
        {
            return false;
        }

        int letters = 0;
        foreach (char c in token.Text)
        {
            if (char.IsDigit(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
                // "ß" has no capital in common use: "AUSSCHLIEßLICH" is in capitals.
                if (!char.IsUpper(c) && c != 'ß')
                {
                    return false;
                }
            }
        }

        return letters >= 2;
    }

    // A title run straight into a sentence ("KEINE HAFTUNG Dieses Programm …") or a list of single capitalised
    // identifiers ("FAIL, SUCCESS, SKIPPED") is not shouting.
    private static bool IsTitleOrList(IReadOnlyList<Token> tokens, int start, int end)
    {
        bool title = start == 0 && end + 1 < tokens.Count && IsSentenceWord(tokens[end + 1]);
        bool commaList = tokens.Skip(start).Take(end - start + 1).Any(t => t.Text == ",") &&
                         Enumerable.Range(start, end - start).All(k => !(tokens[k].IsWord && tokens[k + 1].IsWord));
        return title || commaList;
    }

    // Items of at most two words, none an emphasis word, with a space after each comma: "KONFORM ZU, SIEHE AUCH" and
    // "CFLAGS, CR LF" name things, "THE SERVERS ARE FINE, IT'S YOUR CONNECTION" does not.
    private static bool IsTermList(TemplateDocument document, IReadOnlyList<Token> tokens, int start, int end)
    {
        string source = document.Source.Text;
        var items = new List<int> { 0 };
        bool emphasis = false;
        for (int k = start; k <= end; k++)
        {
            if (tokens[k].Text == ",")
            {
                if (tokens[k].Span.End >= source.Length || !char.IsWhiteSpace(source[tokens[k].Span.End]))
                {
                    return false;
                }

                items.Add(0);
            }
            else if (tokens[k].IsWord)
            {
                items[^1]++;
                emphasis |= EmphasisWords.Contains(tokens[k].Text);
            }
        }

        return items.Count >= 2 && items.All(n => n <= 2) && !emphasis;
    }

    // The end of the run of capitalised words from start, joined by commas and hyphens ("FEHLER, BEISPIEL", "LLVM-READELF").
    private static int RunEnd(IReadOnlyList<Token> tokens, int start)
    {
        int end = start;
        while (end + 1 < tokens.Count && (IsShoutedWord(tokens[end + 1]) || (tokens[end + 1].Text is "," or "-" && end + 2 < tokens.Count && IsShoutedWord(tokens[end + 2]))))
        {
            end++;
        }

        return end;
    }

    // A word with a lower-case letter: "jeder", "Die", "dpkg".
    private static bool IsNormalCase(Token token) => token.IsWord && token.Text.Any(c => char.IsLower(c) && c != 'ß');

    // A capitalised word in normal case such as "Die" or "Copyright": the start of a sentence.
    private static bool IsSentenceWord(Token token) => token.IsWord && token.IsCapitalized && token.Text.Skip(1).Any(c => char.IsLower(c) && c != 'ß');

    // A title that opens a block and runs into its text: "ÜBERSETZUNG Die deutsche …", and, of two words or more,
    // followed by anything but punctuation or a common lower-case word that would continue the sentence
    // ("INFORMATIONEN ÜBER PAKETE dpkg verwaltet …", "COMMANDS FOR GENERATING A CERTIFICATE REQUEST -certreq …",
    // but not "VIELEN DANK für …"). A title names a subject; one with an emphasis word in it is shouting.
    private static bool IsBlockTitle(IReadOnlyList<Token> tokens, int end)
    {
        if (end + 1 >= tokens.Count || Enumerable.Range(0, end + 1).Any(k => EmphasisWords.Contains(tokens[k].Text)))
        {
            return false;
        }

        Token next = tokens[end + 1];
        if (IsSentenceWord(next))
        {
            return true;
        }

        int words = Enumerable.Range(0, end + 1).Count(k => tokens[k].IsWord);
        bool continues = next.Text is "," or ";" or ":" or "." or "!" or "?" or "…" ||
                         (next.IsWord && Characters.HasLetter(next.Text) && next.Text == next.Lower && CommonWords.TryGet(next.Text, out _, out _));
        return words >= 2 && !continues;
    }

    // A block whose first sentence opens with a title in capitals or with an option or path ("-v, --verbose …",
    // "/var/lib/dpkg/status …") is a labelled entry, as in a glossary, a form or a reference.
    private static bool IsLabelledBlock(TemplateDocument document, Sentence first)
    {
        IReadOnlyList<Token> tokens = first.Tokens;
        if (tokens.Count > 0 && IsShoutedWord(tokens[0]) && IsBlockTitle(tokens, RunEnd(tokens, 0)))
        {
            return true;
        }

        string source = document.Source.Text;
        int start = first.Span.Start;
        return start + 1 < source.Length && source[start] is '-' or '/' && (char.IsLetter(source[start + 1]) || source[start + 1] == '-');
    }

    // A table row or a line of code: numbers, brackets, quotes and symbols make up a third of the tokens
    // ("UID PID PPID 3 S 64055 …", "-e=\"GROUPS = GROUP WORDS BY word\""); capitals there are column names and keywords.
    private static bool IsTableOrCode(IReadOnlyList<Token> tokens)
    {
        int technical = tokens.Count(t => Characters.HasDigit(t.Text) || (!t.IsWord && t.Text is "$" or "|" or "=" or "\\" or "%" or "#" or
            "<" or ">" or "/" or "{" or "}" or "[" or "]" or "(" or ")" or "\"" or "'" or "*" or "_" or "&" or "+" or "-"));
        return technical >= 4 && technical * 3 >= tokens.Count;
    }

    // "signer???s": question marks inside a word, before a lower-case letter, stand for characters lost in conversion,
    // not for a raised voice ("Mist???Wer" is typed without a space).
    private static bool IsInsideWord(TemplateDocument document, int start, int end)
    {
        string source = document.Source.Text;
        return start > 0 && char.IsLetter(source[start - 1]) && end < source.Length && char.IsLower(source[end]) &&
               source.AsSpan(start, end - start).IndexOfAnyExcept('?') < 0;
    }

    // Identifiers such as LC_ALL or $HOME sit next to characters that are not prose.
    private static bool IsAdjacentToCode(TemplateDocument document, int start, int end)
    {
        string source = document.Source.Text;
        char before = start > 0 ? source[start - 1] : ' ';
        char after = end < source.Length ? source[end] : ' ';
        return before is '_' or '$' or '-' or '/' or '.' or '=' or '<' || after is '_' or '=' or '/' or '(' or '>';
    }
}

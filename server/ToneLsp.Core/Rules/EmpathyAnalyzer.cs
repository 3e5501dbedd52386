using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>
/// Hints for replies to a complaint: TONE015 when the reply neither thanks nor acknowledges the problem,
/// TONE016 when it offers no help or next step. Only templates that quote the customer's message are checked.
/// </summary>
public sealed partial class EmpathyAnalyzer : ToneAnalyzer
{
    /// <summary>No thanks or acknowledgement.</summary>
    public static readonly DiagnosticDescriptor MissingAcknowledgement = new(
        "TONE015",
        "missing-empathy",
        DiagnosticSeverity.Hint,
        new RuleTexts(
            "No acknowledgement of the complaint",
            "The customer complains, but the reply neither thanks them nor acknowledges the problem",
            "An upset customer first wants to be heard. Before explaining or solving, acknowledge what happened and thank them " +
            "for telling you (\"Danke, dass du dich meldest – das ist wirklich ärgerlich\", \"Thanks for letting us know, and sorry " +
            "for the trouble\"). The fix adds such an opening in the reply's language and form of address.",
            "Thanks for letting us know, and sorry for the trouble."),
        new RuleTexts(
            "Die Beschwerde wird nicht anerkannt",
            "Die Kundin oder der Kunde beschwert sich, aber die Antwort bedankt sich nicht und erkennt das Problem nicht an",
            "Wer sich ärgert, will zuerst gehört werden. Bevor du erklärst oder löst, erkenne an, was passiert " +
            "ist, und bedanke dich für die Nachricht („Danke, dass du dich meldest – das ist wirklich ärgerlich“, " +
            "„Thanks for letting us know, and sorry for the trouble“). Die Korrektur ergänzt so einen Einstieg in " +
            "der Sprache und Anrede der Antwort.",
            "Danke, dass du dich meldest – das ist wirklich ärgerlich."));

    /// <summary>No offer of help.</summary>
    public static readonly DiagnosticDescriptor MissingOffer = new(
        "TONE016",
        "missing-empathy",
        DiagnosticSeverity.Hint,
        new RuleTexts(
            "No offer of help",
            "The reply offers no help or next step",
            "A reply to a complaint should end with a way forward: what you will do, or an invitation to get back to you. Otherwise " +
            "the customer is left alone with the problem, and onlookers see a brand that closes the conversation. The fix adds an " +
            "offer of help at the end of the reply.",
            "Let us know if there's anything else we can help with."),
        new RuleTexts(
            "Kein Hilfsangebot",
            "Die Antwort bietet weder Hilfe noch einen nächsten Schritt an",
            "Eine Antwort auf eine Beschwerde sollte mit einem Weg nach vorn enden: was ihr tut, oder eine " +
            "Einladung, sich wieder zu melden. Sonst bleibt die Kundin oder der Kunde mit dem Problem allein, und " +
            "Mitlesende sehen eine Marke, die das Gespräch beendet. Die Korrektur ergänzt am Ende der Antwort ein " +
            "Hilfsangebot.",
            "Melde dich gern, wenn wir dir noch weiterhelfen können."));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [MissingAcknowledgement, MissingOffer];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        TemplateDocument document = context.Input.Document;
        var customer = document.CustomerBlocks.ToList();
        var reply = document.ReplyBlocks.ToList();
        if (customer.Count == 0 || reply.Count == 0)
        {
            return;
        }

        bool german = document.Language == Language.German;
        if (context.Input.CustomerHostility is not { IsHostile: true } && !AnyBlockMatches(german ? GermanComplaint() : EnglishComplaint(), document, customer))
        {
            return;
        }

        TextSpan first = document.LeadingWords(reply[0]);
        AddressForm form = context.Input.RewriteAddress;
        if (!AnyBlockMatches(german ? GermanAcknowledgement() : EnglishAcknowledgement(), document, reply))
        {
            string opening = german
                ? form == AddressForm.Du ? "Danke, dass du dich meldest – das ist wirklich ärgerlich. " : "Danke, dass Sie sich melden – das ist wirklich ärgerlich. "
                : "Thanks for letting us know, and sorry for the trouble. ";
            context.Report(ToneDiagnostic.Create(MissingAcknowledgement, first, MissingAcknowledgement.Texts(context.Input.MessageLanguage).MessageFormat,
                ImmutableDictionary<string, string>.Empty.Add("insert", opening).Add("at", InsertionPoint(document, reply).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (!AnyBlockMatches(german ? GermanOffer() : EnglishOffer(), document, reply))
        {
            ProseBlock last = reply[^1];
            string offer = german
                ? form == AddressForm.Du ? " Melde dich gern, wenn wir noch etwas für dich tun können." : " Melden Sie sich gern, wenn wir noch etwas für Sie tun können."
                : " Let us know if there's anything else we can do.";
            context.Report(ToneDiagnostic.Create(MissingOffer, first, MissingOffer.Texts(context.Input.MessageLanguage).MessageFormat,
                ImmutableDictionary<string, string>.Empty.Add("insert", offer).Add("at", document.LastProseEnd(last).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    // Blocks are matched one by one, which needs no copy of their text; no pattern spans a paragraph.
    private static bool AnyBlockMatches(Regex regex, TemplateDocument document, List<ProseBlock> blocks)
    {
        foreach (ProseBlock block in blocks)
        {
            if (regex.IsMatch(document.ProseSpan(block.Span)))
            {
                return true;
            }
        }

        return false;
    }

    // After a greeting paragraph such as "Hallo Anna,", the opening goes into the next paragraph.
    private static int InsertionPoint(TemplateDocument document, List<ProseBlock> reply)
    {
        ProseBlock first = reply[0];
        string text = document.Source.Slice(first.Span).Trim();
        return reply.Count > 1 && text.EndsWith(',') && text.Length < 60 ? document.FirstProseOffset(reply[1]) : document.FirstProseOffset(first);
    }

    [GeneratedRegex(@"\b(ärger\w*|enttäusch\w*|immer noch|noch immer|seit (Tagen|Wochen|Monaten)|schon wieder|kaputt|defekt|nervt?\w*|Frechheit|unmöglich|Skandal|katastroph\w*|schlecht\w*|keine Antwort|nicht angekommen|nie angekommen|Reklamation|Beschwerde|warte\w* (seit|immer|schon)|funktioniert (nicht|nie)|geht nicht|Abzocke|unverschämt|Sauerei|Witz|!!|\?\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanComplaint();

    [GeneratedRegex(@"\b(still|waiting|broken|terrible|awful|disappointed|disappointing|frustrat\w*|unacceptable|worst|never again|ridiculous|useless|angry|annoyed|complain\w*|doesn't work|does not work|not working|hasn't arrived|never arrived|refund|scam|joke|!!|\?\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishComplaint();

    [GeneratedRegex(@"\b(dank\w*|leid|entschuldig\w*|verstehe?n?|verständlich|nachvollziehbar|ärgerlich|bedauer\w*|sorry|schade|unangenehm|blöd gelaufen|Ärger)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanAcknowledgement();

    [GeneratedRegex(@"\b(thank\w*|sorry|apolog\w*|understand\w*|frustrating|annoying|appreciate|hear you|that's not ok|not okay|our bad)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishAcknowledgement();

    [GeneratedRegex(@"\b(helf\w*|hilf\w*|kümmer\w*|melde\w*|schau\w*|prüf\w*|kläre?n?|Lösung|lösen|Direktnachricht|DM|PN|schreib\w*|sende\w*|schick\w*|ersetz\w*|erstatt\w*|Gutschrift|Ersatz|nachsehen|nachschauen|gern)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanOffer();

    [GeneratedRegex(@"\b(help\w*|sort\w*|look into|looking into|check\w*|fix\w*|let us know|reach out|DM|message us|happy to|replace\w*|refund\w*|resolve\w*|on it|we'll|we will|get back)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishOffer();
}

/// <summary>Inserts the missing acknowledgement or offer of help.</summary>
public sealed class EmpathyCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [EmpathyAnalyzer.MissingAcknowledgement.Id, EmpathyAnalyzer.MissingOffer.Id];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        var properties = context.Diagnostic.Properties;
        if (properties.TryGetValue("insert", out string? text) && properties.TryGetValue("at", out string? at) &&
            int.TryParse(at, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int offset))
        {
            string title = (context.Diagnostic.Id == EmpathyAnalyzer.MissingAcknowledgement.Id ? Messages.FixOpenWith : Messages.FixEndWith).Format(context.Input.MessageLanguage, text.Trim());
            string source = context.Input.Document.Source.Text;
            TextEdit edit = new(new TextSpan(offset, 0), text);

            // In a letter whose paragraph starts in lower case after "Hallo Jana,", the opening takes the
            // lower case and the old first word becomes a sentence start.
            if (context.Diagnostic.Id == EmpathyAnalyzer.MissingAcknowledgement.Id && offset < source.Length && char.IsLower(source[offset]))
            {
                edit = new TextEdit(new TextSpan(offset, 1), char.ToLowerInvariant(text[0]) + text[1..] + char.ToUpperInvariant(source[offset]));
            }

            context.Register(new CodeFix(title, [edit], true, context.Diagnostic.Id));
        }
    }
}

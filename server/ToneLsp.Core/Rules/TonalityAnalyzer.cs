using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;
using ToneLsp.Core.Tonality;

namespace ToneLsp.Core.Rules;

/// <summary>
/// TONE024: the reply's register (formal, neutral, casual) is one or two steps from the customer's, or outside the
/// registers the channel allows; TONE025: the customer's message is pure abuse; TONE026: the reply is longer than
/// the channel allows.
/// </summary>
public sealed partial class TonalityAnalyzer : ToneAnalyzer
{
    /// <summary>The property that holds the register the reply should move to.</summary>
    public const string TargetProperty = "register";

    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Mismatch = new(
        "TONE024",
        Categories.Tonality,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Tonality does not mirror the customer",
            "This reply reads {0} ({1}), but {2}: answer {3}",
            "A good reply mirrors the way the customer writes: a formal letter does not get a breezy \"Hey\" and \"LG\", and a " +
            "cheerful \"Hey ihr Lieben 😍\" does not get a stiff \"Sehr geehrte Kundin … Mit freundlichen Grüßen\". Two steps apart " +
            "(formal against casual) is a warning, one step a hint. A channel may name the registers it allows " +
            "(register: [neutral, casual]); the reply is then held to the nearest allowed one. The fix changes greeting and " +
            "closing, removes emoji and tones down runs of exclamation marks. A hostile customer is never mirrored.",
            "Dear Ms Roth, thank you for your letter. We will call you back tomorrow. Kind regards"),
        new RuleTexts(
            "Die Tonlage spiegelt die Kundin oder den Kunden nicht",
            "Diese Antwort klingt {0} ({1}), aber {2}: antworte {3}",
            "Eine gute Antwort spiegelt, wie die Kundin oder der Kunde schreibt: Auf einen förmlichen Brief passt kein lockeres " +
            "„Hey“ mit „LG“, auf ein fröhliches „Hey ihr Lieben 😍“ kein steifes „Sehr geehrte Kundin … Mit freundlichen Grüßen“. " +
            "Zwei Stufen Abstand (förmlich gegen locker) sind eine Warnung, eine Stufe ein Hinweis. Ein Kanal kann die erlaubten " +
            "Tonlagen festlegen (register: [neutral, casual]); dann zählt die nächste erlaubte. Die Korrektur passt Begrüßung und " +
            "Grußformel an, entfernt Emoji und mildert Ausrufezeichen. Wer feindselig schreibt, bekommt nie denselben Ton zurück.",
            "Sehr geehrte Frau Roth, vielen Dank für Ihr Schreiben. Wir rufen Sie morgen zurück. Mit freundlichen Grüßen"));

    /// <summary>The rule's descriptor for a customer message that is pure abuse.</summary>
    public static readonly DiagnosticDescriptor PureAbuse = new(
        "TONE025",
        Categories.Tonality,
        DiagnosticSeverity.Information,
        new RuleTexts(
            "The customer's message is pure abuse",
            "The customer's message is abuse ({0}) without a concern: answer briefly with one offer of help, or not at all, and let a colleague read the reply first",
            "A message that only insults has nothing to answer point by point. Do not mirror it and do not argue: answer briefly and " +
            "calmly with one offer of help, or do not answer at all. Let a colleague read the reply before it goes out; replies " +
            "to abuse are the ones that end up in screenshots.",
            "If there's anything we can help you with, just write to us."),
        new RuleTexts(
            "Die Nachricht der Kundin oder des Kunden ist reine Beschimpfung",
            "Die Nachricht ist reine Beschimpfung ({0}) ohne Anliegen: antworte kurz mit einem Hilfsangebot oder gar nicht, und lass die Antwort vorher gegenlesen",
            "Eine Nachricht, die nur beschimpft, lässt sich nicht Punkt für Punkt beantworten. Spiegle sie nicht und diskutiere " +
            "nicht: Antworte kurz und ruhig mit einem Hilfsangebot, oder antworte gar nicht. Lass die Antwort von einer Kollegin " +
            "oder einem Kollegen lesen, bevor sie rausgeht; Antworten auf Beschimpfungen landen als Screenshot im Netz.",
            "Wenn wir dir bei etwas helfen können, schreib uns gern."));

    /// <summary>The rule's descriptor for a reply over the channel's length limit.</summary>
    public static readonly DiagnosticDescriptor TooLong = new(
        "TONE026",
        Categories.Tonality,
        DiagnosticSeverity.Error,
        new RuleTexts(
            "Reply too long for the channel",
            "This reply has {0} characters (placeholders estimated), but the channel {1} allows {2}",
            "Some platforms cut off or refuse a post over their limit (X/Twitter: 280 characters). Shorten the reply. Placeholders " +
            "count with a typical length, or with the channel's placeholderLength.",
            "Sorry about the delay! Your parcel arrives tomorrow – DM us if it doesn't."),
        new RuleTexts(
            "Antwort zu lang für den Kanal",
            "Diese Antwort hat {0} Zeichen (Platzhalter geschätzt), der Kanal {1} erlaubt {2}",
            "Manche Plattformen schneiden zu lange Beiträge ab oder lehnen sie ab (X/Twitter: 280 Zeichen). Kürze die Antwort. " +
            "Platzhalter zählen mit einer typischen Länge oder mit placeholderLength des Kanals.",
            "Sorry für die Verspätung! Dein Paket kommt morgen – schreib uns per Direktnachricht, falls nicht."));

    /// <summary>The rule's descriptor for a reply that argues or justifies at length toward a hostile customer.</summary>
    public static readonly DiagnosticDescriptor Justifying = new(
        "TONE027",
        Categories.Defensive,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Justifying toward a hostile customer",
            "The customer is upset, and this reply argues about principles or justifies at length ({0}): answer the core problem briefly and offer help",
            "An angry customer wants to be heard, not lectured. Principles, terms and conditions and long justifications read as " +
            "defence and keep the argument going, in public. Acknowledge the problem, say what you will do, and offer help; leave the " +
            "argument about principles out.",
            "That's really annoying, sorry. We're sending you a replacement today."),
        new RuleTexts(
            "Rechtfertigung gegenüber einer aufgebrachten Kundin oder einem aufgebrachten Kunden",
            "Die Kundin oder der Kunde ist aufgebracht, und diese Antwort rechtfertigt sich oder führt eine Grundsatzdiskussion ({0}): beantworte kurz das eigentliche Problem und biete Hilfe an",
            "Wer wütend schreibt, will gehört werden, nicht belehrt. Prinzipien, AGB und lange Begründungen klingen nach Abwehr " +
            "und halten den Streit öffentlich am Laufen. Nimm das Problem auf, sag, was du tust, und biete Hilfe an; die " +
            "Grundsatzdiskussion lässt du weg.",
            "Das ist wirklich ärgerlich, entschuldige. Wir schicken dir heute Ersatz."));

    /// <summary>The length limit of channels whose platform has a hard limit, when the profile sets none.</summary>
    public static readonly IReadOnlyDictionary<string, int> KnownChannelLimits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["twitter"] = 280, ["x"] = 280, ["tweet"] = 280, ["bluesky"] = 300, ["threads"] = 500,
    };

    /// <summary>The characters a placeholder counts when the channel sets no estimate.</summary>
    public const int DefaultPlaceholderLength = 10;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Mismatch, PureAbuse, TooLong, Justifying];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        CheckLength(context);
        IReadOnlyList<Register>? allowed = input.Tonality.Registers;
        RegisterResult? customer = input.CustomerRegister;
        if (customer is null && allowed is null)
        {
            // Without a customer message or a channel register there is nothing to mirror; no work on the reply.
            return;
        }

        TemplateDocument document = input.Document;
        CustomerHostility? hostility = input.CustomerHostility;
        if (hostility is { IsPureAbuse: true } && document.CustomerBlocks.FirstOrDefault() is { } first)
        {
            string shown = string.Join(", ", hostility.Evidence.Select(e => Messages.Quote(input.MessageLanguage, Shorten(e.Text))).Distinct().Take(2));
            context.Report(ToneDiagnostic.Create(PureAbuse, document.LeadingWords(first), PureAbuse.FormatMessage(input.MessageLanguage, shown)));
        }

        var replyBlocks = document.ReplyBlocks.ToList();
        if (replyBlocks.Count == 0)
        {
            return;
        }

        if (hostility is { IsHostile: true })
        {
            CheckJustification(context);
        }

        RegisterResult reply = input.ReplyRegister;
        bool mirror = customer is not null && hostility is not { IsHostile: true };
        Register wanted = mirror ? customer!.Register : reply.Register;
        Register target = RegisterDetector.Nearest(wanted, allowed);
        int distance = RegisterDetector.Distance(reply.Register, target);
        if (distance == 0)
        {
            return;
        }

        Language language = input.MessageLanguage;
        string why = mirror
            ? Messages.TonalityCustomerWrites.Format(language, Messages.RegisterName(customer!.Register, language),
                customer.Deciding.Any() ? $" ({customer.Describe(language)})" : string.Empty)
            : string.Empty;
        if (target != wanted || !mirror)
        {
            string channel = input.Channel is { } profile ? Messages.TonalityTheChannel.Format(language, profile.Name) : Messages.TonalityTheBrand.In(language);
            string registers = string.Join(Messages.TonalityOr.In(language), allowed!.Select(r => Messages.RegisterName(r, language)));
            why += (why.Length > 0 ? Messages.TonalityAnd.In(language) : string.Empty) + Messages.TonalityAllows.Format(language, channel, registers);
        }

        string evidence = reply.Deciding.Any() ? reply.Describe(language) : Messages.TonalityNoMarkers.In(language);
        TextSpan span = reply.Deciding.FirstOrDefault(e => e.Span.Length > 0) is { } strongest && strongest.Kind != RegisterEvidenceKind.LowerCase
            ? strongest.Span
            : document.LeadingWords(replyBlocks[0]);
        var diagnostic = ToneDiagnostic.Create(Mismatch, span, Mismatch.FormatMessage(language, Messages.RegisterName(reply.Register, language), evidence, why, Messages.RegisterName(target, language)),
            ImmutableDictionary<string, string>.Empty.Add(TargetProperty, target.ToName()));
        context.Report(distance == 1 ? diagnostic with { Severity = DiagnosticSeverity.Hint } : diagnostic);
    }

    /// <summary>The edits that move the reply toward the register: greeting, closing, emoji, runs of exclamation marks.</summary>
    public static IReadOnlyList<TextEdit> MoveToward(AnalysisInput input, Register target)
    {
        TemplateDocument document = input.Document;
        var blocks = document.ReplyBlocks.ToList();
        var edits = new List<TextEdit>();
        if (blocks.Count == 0)
        {
            return edits;
        }

        string source = document.Source.Text;
        AddressForm form = input.RewriteAddress;
        Language language = document.Language;
        var team = input.Options.Salutations;

        // The greeting at the start of the reply: a name after it stays ("Hey Frau Roth" becomes "Sehr geehrte Frau
        // Roth"), a generic recipient goes with it ("Sehr geehrte Kundin, sehr geehrter Kunde" becomes "Hallo").
        int start = document.FirstProseOffset(blocks[0]);
        Match greeting = GreetingLine().Match(source, start, blocks[0].Span.End - start);
        if (greeting.Success)
        {
            Register found = Salutations.RegisterOfWords(greeting.Groups["open"].Value);
            if (found != target && found != Register.None)
            {
                string? name = SalutationWriter.NameOf(greeting.Groups["rest"].Value);
                Group open = greeting.Groups["open"];
                TextSpan span = name is null ? new TextSpan(greeting.Index, greeting.Length) : new TextSpan(open.Index, open.Length);
                edits.Add(new TextEdit(span, SalutationWriter.Opening(language, target, form, name, team)));
            }
        }

        // The closing in the last two blocks.
        foreach (ProseBlock block in blocks.TakeLast(2))
        {
            for (Match match = ClosingLine().Match(document.Prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                Register found = Salutations.RegisterOfWords(match.Value);
                if (found != target && found != Register.None && !edits.Any(e => e.Span.Start < match.Index + match.Length && match.Index < e.Span.End))
                {
                    edits.Add(new TextEdit(new TextSpan(match.Index, match.Length), SalutationWriter.Closing(language, target, form, team)));
                }
            }
        }

        if (target != Register.Casual)
        {
            bool emojiAllowed = target == Register.Neutral && input.Tonality.Emoji == Configuration.EmojiPolicy.Allowed;
            foreach (ProseBlock block in blocks)
            {
                if (!emojiAllowed)
                {
                    for (Match match = RegisterDetector.EmojiPattern().Match(document.Prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
                    {
                        int from = match.Index > 0 && source[match.Index - 1] == ' ' ? match.Index - 1 : match.Index;
                        edits.Add(new TextEdit(TextSpan.FromBounds(from, match.Index + match.Length), string.Empty));
                    }
                }

                for (Match match = RegisterDetector.ExclamationRun().Match(document.Prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
                {
                    edits.Add(new TextEdit(new TextSpan(match.Index, match.Length), match.Value.Contains('?') ? "?" : "!"));
                }
            }
        }

        // Where TONE013 (and the conversion to the form of address) replaces the same greeting or closing, its edit is
        // taken: it writes the same register, so that fix-all counts it as done and still applies the rest of this fix.
        foreach (TextEdit clash in GreetingClashes(input))
        {
            int overlapping = edits.FindIndex(e => e.Span.Start < clash.Span.End && clash.Span.Start < e.Span.End);
            if (overlapping >= 0)
            {
                edits[overlapping] = clash;
            }
        }

        // Edits never overlap: the first one taken for a place wins.
        var kept = new List<TextEdit>();
        foreach (TextEdit edit in edits.OrderBy(e => e.Span.Start))
        {
            if (!kept.Any(k => k.Span.Start < edit.Span.End && edit.Span.Start < k.Span.End))
            {
                kept.Add(edit);
            }
        }

        return kept;
    }

    /// <summary>
    /// The reply's length as the platform counts it: its prose blocks' source, trimmed and joined by line breaks, with
    /// each placeholder counted as <paramref name="placeholderLength"/> characters and an HTML entity ("&amp;amp;") as one.
    /// With <paramref name="linkLength"/> a link counts that many characters and leading @mentions count nothing, as on X/Twitter.
    /// </summary>
    public static int EstimatedLength(AnalysisInput input, int placeholderLength, int? linkLength = null)
    {
        TemplateDocument document = input.Document;
        string source = document.Source.Text;
        var text = new System.Text.StringBuilder();
        foreach (ProseBlock block in document.ReplyBlocks)
        {
            int start = document.FirstProseOffset(block), end = document.LastProseEnd(block);
            if (end <= start)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('\n');
            }

            int at = start;
            foreach (Placeholder placeholder in document.Placeholders.Where(p => p.Span.Start >= start && p.Span.End <= end))
            {
                text.Append(source, at, placeholder.Span.Start - at).Append('x', placeholderLength);
                at = placeholder.Span.End;
            }

            text.Append(source, at, end - at);
        }

        string counted = HtmlEntity().Replace(text.ToString(), "&");
        if (linkLength is { } link)
        {
            counted = Link().Replace(LeadingMentions().Replace(counted, string.Empty), new string('x', link));
        }

        return counted.Length;
    }

    [GeneratedRegex(@"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlEntity();

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"^(?:@\w+[ \t]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMentions();

    /// <summary>How many characters a link counts on channels that shorten links.</summary>
    public static readonly IReadOnlyDictionary<string, int> KnownLinkLengths = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["twitter"] = 23, ["x"] = 23, ["tweet"] = 23,
    };

    // Two sentences of principle or justification, or one in a long reply, toward a hostile customer.
    private static void CheckJustification(AnalysisContext context)
    {
        TemplateDocument document = context.Input.Document;
        if (RegisterWords.BuiltIn.Justification.GetValueOrDefault(document.Language) is not { } phrases)
        {
            return;
        }

        int sentences = 0;
        var markers = new List<TextSpan>();
        foreach (BlockSentence sentence in document.ReplySentences)
        {
            sentences++;
            if (phrases.Matches(sentence.Sentence.Tokens).FirstOrDefault() is { Length: > 0 } marker)
            {
                markers.Add(marker);
            }
        }

        if (markers.Count >= 2 || (markers.Count == 1 && sentences > RegisterWords.BuiltIn.MaxCalmSentences))
        {
            context.Report(ToneDiagnostic.Create(Justifying, markers[0], Justifying.FormatMessage(context.Input.MessageLanguage, Messages.Quote(context.Input.MessageLanguage, document.Source.Slice(markers[0])))));
        }
    }

    private static void CheckLength(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        string? name = input.Channel?.Name ?? input.Document.Metadata.Channel;
        int? limit = input.Tonality.MaxLength ?? (name is not null && KnownChannelLimits.TryGetValue(name, out int known) ? known : null);
        if (limit is not { } max)
        {
            return;
        }

        int? linkLength = name is not null && KnownLinkLengths.TryGetValue(name, out int shortened) ? shortened : null;
        int length = EstimatedLength(input, input.Tonality.PlaceholderLength ?? DefaultPlaceholderLength, linkLength);
        if (length > max && input.Document.ReplyBlocks.FirstOrDefault() is { } first)
        {
            context.Report(ToneDiagnostic.Create(TooLong, input.Document.LeadingWords(first),
                TooLong.FormatMessage(input.MessageLanguage, length.ToString(CultureInfo.InvariantCulture), name ?? string.Empty, max.ToString(CultureInfo.InvariantCulture))));
        }
    }

    // The greetings and closings TONE013 flags, with the same form of address it uses.
    private static IReadOnlyList<TextEdit> GreetingClashes(AnalysisInput input)
    {
        AddressForm form = GreetingAnalyzer.FormOf(input);
        return input.Document.Language == Language.German && form is AddressForm.Du or AddressForm.Sie
            ? GreetingConverter.FindClashes(input.Document, form, input.Conversion)
            : [];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40].TrimEnd() + "…";

    // A greeting at the start of the reply, the name after it, and a second salutation after a comma ("Sehr geehrte
    // Kundin, sehr geehrter Kunde"); the punctuation after it stays.
    private static readonly Regex GreetingPattern = new(
        @"\G(?<open>" + Salutations.OpeningAlternation + @")(?![\p{L}])(?<rest>[ \t]+[^\n,!.:;]*?)?(?:,[ \t]*sehr[ \t]+geehrte[rs]?[ \t]+[^\n,!.:;]*?)?(?=[ \t]*(?:[,!.:;]|\r?\n|$))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex GreetingLine() => GreetingPattern;

    private static readonly Regex ClosingPattern = new(@"(?<![\p{L}])(?:" + Salutations.ClosingAlternation + @")(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex ClosingLine() => ClosingPattern;
}

/// <summary>Fixes TONE024: moves greeting, closing, emoji and exclamation marks toward the wanted register.</summary>
public sealed class TonalityCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [TonalityAnalyzer.Mismatch.Id];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        if (!context.Diagnostic.Properties.TryGetValue(TonalityAnalyzer.TargetProperty, out string? name) || RegisterDetector.ParseRegister(name) is not { } target)
        {
            return;
        }

        IReadOnlyList<TextEdit> edits = TonalityAnalyzer.MoveToward(context.Input, target);
        context.Register(new CodeFix(Messages.TonalityFixTitle.Format(context.Input.MessageLanguage, Messages.RegisterName(target, context.Input.MessageLanguage)), edits, true, $"tonality:{target.ToName()}"));
    }
}

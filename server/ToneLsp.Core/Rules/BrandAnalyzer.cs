using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>
/// Rules from the brand's or channel's configuration: TONE017 emoji where the policy forbids or discourages them,
/// TONE018 a missing greeting or closing where the channel requires them.
/// </summary>
public sealed partial class BrandAnalyzer : ToneAnalyzer
{
    /// <summary>Emoji against the policy.</summary>
    public static readonly DiagnosticDescriptor Emoji = new(
        "TONE017",
        "brand",
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Emoji not in the brand's tonality",
            "“{0}”: this channel's tonality {1} emoji",
            "The brand or channel configuration (emoji: forbidden or avoid in .tonelsp.yaml) keeps emoji out of replies, " +
            "for example on LinkedIn or in e-mail. Say the warmth in words. With emoji: avoid this is a hint. The fix removes the emoji.",
            "Thanks so much for your kind words – we're really pleased!"),
        new RuleTexts(
            "Emoji passt nicht zur Tonalität der Marke",
            "„{0}“: Die Tonalität dieses Kanals {1} Emoji",
            "Die Marken- oder Kanalkonfiguration („emoji: forbidden“ oder „emoji: avoid“ in .tonelsp.yaml) hält " +
            "Emoji aus den Antworten heraus, etwa auf LinkedIn oder in E-Mails. Drück die Herzlichkeit in Worten " +
            "aus. Mit „emoji: avoid“ ist das ein Hinweis. Die Korrektur entfernt das Emoji.",
            "Vielen Dank für deine lieben Worte – das freut uns sehr!"));

    /// <summary>Missing greeting or closing.</summary>
    public static readonly DiagnosticDescriptor GreetingRequired = new(
        "TONE018",
        "brand",
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Greeting or closing missing",
            "This channel's replies {0}",
            "The channel profile (greeting: required, closing: required in .tonelsp.yaml) asks every reply to open with a " +
            "greeting and end with a closing, as e-mail readers expect. The fix adds one in the reply's language and form of address.",
            "Hello Ms Weber, … Kind regards"),
        new RuleTexts(
            "Begrüßung oder Grußformel fehlt",
            "Antworten in diesem Kanal {0}",
            "Das Kanalprofil („greeting: required“, „closing: required“ in .tonelsp.yaml) verlangt, dass jede " +
            "Antwort mit einer Begrüßung beginnt und mit einer Grußformel endet, wie man es von E-Mails erwartet. " +
            "Die Korrektur ergänzt beides in der Sprache und Anrede der Antwort.",
            "Hallo Frau Weber, … Viele Grüße"));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Emoji, GreetingRequired];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        TemplateDocument document = input.Document;
        if (input.Options.EmojiPolicy is EmojiPolicy.Avoid or EmojiPolicy.Forbidden)
        {
            string verb = (input.Options.EmojiPolicy == EmojiPolicy.Forbidden ? Messages.EmojiForbids : Messages.EmojiAvoids).In(input.MessageLanguage);
            foreach (ProseBlock block in document.ReplyBlocks)
            {
                for (Match match = EmojiPattern().Match(document.Prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
                {
                    var diagnostic = ToneDiagnostic.Create(Emoji, new TextSpan(match.Index, match.Length), Emoji.FormatMessage(input.MessageLanguage, match.Value, verb));
                    context.Report(input.Options.EmojiPolicy == EmojiPolicy.Avoid ? diagnostic with { Severity = DiagnosticSeverity.Hint } : diagnostic);
                }
            }
        }

        var reply = document.ReplyBlocks.ToList();
        if (reply.Count == 0 || !(input.Options.RequireGreeting || input.Options.RequireClosing))
        {
            return;
        }

        bool german = document.Language == Language.German;
        AddressForm form = input.RewriteAddress;
        if (input.Options.RequireGreeting && !GreetingPattern().IsMatch(document.GetProse(reply[0].Span).TrimStart()))
        {
            string greeting = german ? (form == AddressForm.Du ? "Hallo,\n\n" : "Guten Tag,\n\n") : "Hi,\n\n";
            int at = document.FirstProseOffset(reply[0]);
            context.Report(ToneDiagnostic.Create(GreetingRequired, document.LeadingWords(reply[0]), GreetingRequired.FormatMessage(input.MessageLanguage, Messages.NeedsGreeting.In(input.MessageLanguage)),
                ImmutableDictionary<string, string>.Empty.Add("insert", greeting).Add("at", at.ToString(CultureInfo.InvariantCulture))));
        }

        string ending = string.Join("\n", reply.TakeLast(2).Select(b => document.GetProse(b.Span)));
        string lastBlock = document.GetProse(reply[^1].Span).Trim();
        bool closed = ClosingPattern().IsMatch(ending) || (lastBlock.Length <= 40 && ShortClosingPattern().IsMatch(lastBlock));
        if (input.Options.RequireClosing && !closed)
        {
            string closing = german ? "\n\nViele Grüße" : "\n\nBest regards";
            int at = document.LastProseEnd(reply[^1]);

            context.Report(ToneDiagnostic.Create(GreetingRequired, document.TrailingWords(reply[^1]), GreetingRequired.FormatMessage(input.MessageLanguage, Messages.NeedsClosing.In(input.MessageLanguage)),
                ImmutableDictionary<string, string>.Empty.Add("insert", closing).Add("at", at.ToString(CultureInfo.InvariantCulture))));
        }
    }

    [GeneratedRegex(@"\p{Cs}{2}(?:\uFE0F)?|[\u2600-\u27BF]\uFE0F?", RegexOptions.CultureInvariant)]
    private static partial Regex EmojiPattern();

    private static readonly Regex Greeting = new(@"^(?:" + Salutations.OpeningAlternation + @")(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex GreetingPattern() => Greeting;

    [GeneratedRegex(@"\b(grüße|gruß|grüßen|regards|sincerely|bis bald|LG|VG|(dein|euer|ihr|your)\s+[\p{L}\- ]*team)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosingPattern();

    // A short last line such as "Danke!" or "Cheers, Anna" also closes a reply.
    [GeneratedRegex(@"^(danke|vielen dank|thanks|thank you|cheers|best|alles gute|bis dann|ciao)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortClosingPattern();
}

/// <summary>Fixes brand findings: removes the emoji, or inserts the greeting or closing.</summary>
public sealed class BrandCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [BrandAnalyzer.Emoji.Id, BrandAnalyzer.GreetingRequired.Id];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        ToneDiagnostic diagnostic = context.Diagnostic;
        if (diagnostic.Id == BrandAnalyzer.Emoji.Id)
        {
            string text = context.Input.Document.Source.Text;
            int end = diagnostic.Span.End;
            int start = diagnostic.Span.Start;
            if (start > 0 && text[start - 1] == ' ')
            {
                start--;
            }

            context.Register(new CodeFix(Messages.FixRemoveEmoji.In(context.Input.MessageLanguage), [new TextEdit(TextSpan.FromBounds(start, end), string.Empty)], true, diagnostic.Id));
            return;
        }

        if (diagnostic.Properties.TryGetValue("insert", out string? insert) && diagnostic.Properties.TryGetValue("at", out string? at) &&
            int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
        {
            context.Register(new CodeFix(Messages.FixAdd.Format(context.Input.MessageLanguage, insert.Trim()), [new TextEdit(new TextSpan(offset, 0), insert)], true, diagnostic.Id));
        }
    }
}

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
        "Emoji not in the brand's tonality",
        "“{0}”: this channel's tonality {1} emoji",
        "The brand or channel configuration (emoji: forbidden or avoid in .tonelsp.yaml) keeps emoji out of replies, " +
        "for example on LinkedIn or in e-mail. Say the warmth in words. With emoji: avoid this is a hint. The fix removes the emoji.");

    /// <summary>Missing greeting or closing.</summary>
    public static readonly DiagnosticDescriptor GreetingRequired = new(
        "TONE018",
        "brand",
        DiagnosticSeverity.Warning,
        "Greeting or closing missing",
        "This channel's replies {0}",
        "The channel profile (greeting: required, closing: required in .tonelsp.yaml) asks every reply to open with a " +
        "greeting and end with a closing, as e-mail readers expect. The fix adds one in the reply's language and form of address.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Emoji, GreetingRequired];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        TemplateDocument document = input.Document;
        if (input.Options.EmojiPolicy is EmojiPolicy.Avoid or EmojiPolicy.Forbidden)
        {
            string verb = input.Options.EmojiPolicy == EmojiPolicy.Forbidden ? "does not allow" : "avoids";
            foreach (ProseBlock block in document.ReplyBlocks)
            {
                for (Match match = EmojiPattern().Match(document.Prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
                {
                    var diagnostic = ToneDiagnostic.Create(Emoji, new TextSpan(match.Index, match.Length), Emoji.FormatMessage(match.Value, verb));
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
            context.Report(ToneDiagnostic.Create(GreetingRequired, document.LeadingWords(reply[0]), GreetingRequired.FormatMessage("open with a greeting"),
                ImmutableDictionary<string, string>.Empty.Add("insert", greeting).Add("at", at.ToString(CultureInfo.InvariantCulture))));
        }

        string ending = string.Join("\n", reply.TakeLast(2).Select(b => document.GetProse(b.Span)));
        string lastBlock = document.GetProse(reply[^1].Span).Trim();
        bool closed = ClosingPattern().IsMatch(ending) || (lastBlock.Length <= 40 && ShortClosingPattern().IsMatch(lastBlock));
        if (input.Options.RequireClosing && !closed)
        {
            string closing = german ? "\n\nViele Grüße" : "\n\nBest regards";
            int at = document.LastProseEnd(reply[^1]);

            context.Report(ToneDiagnostic.Create(GreetingRequired, document.TrailingWords(reply[^1]), GreetingRequired.FormatMessage("end with a closing"),
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

            context.Register(new CodeFix("Remove the emoji", [new TextEdit(TextSpan.FromBounds(start, end), string.Empty)], true, diagnostic.Id));
            return;
        }

        if (diagnostic.Properties.TryGetValue("insert", out string? insert) && diagnostic.Properties.TryGetValue("at", out string? at) &&
            int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
        {
            context.Register(new CodeFix($"Add “{insert.Trim()}”", [new TextEdit(new TextSpan(offset, 0), insert)], true, diagnostic.Id));
        }
    }
}

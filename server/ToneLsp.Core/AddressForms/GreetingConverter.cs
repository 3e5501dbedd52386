using System.Text.RegularExpressions;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms;

/// <summary>
/// German greetings and closings that belong to one form of address, and their counterparts:
/// "Sehr geehrte Frau Weber" ↔ "Hallo Frau Weber", "Mit freundlichen Grüßen" ↔ "Viele Grüße", "Hey" → "Hallo".
/// Used by the conversion and by the rule that flags mismatches.
/// </summary>
public static partial class GreetingConverter
{
    /// <summary>Greetings and closings in the reply that clash with the target form, each with its replacement.</summary>
    public static IReadOnlyList<TextEdit> FindClashes(TemplateDocument document, AddressForm target)
    {
        var edits = new List<TextEdit>();
        if (document.Language != Language.German || target is not (AddressForm.Du or AddressForm.Sie))
        {
            return edits;
        }

        Regex pattern = target == AddressForm.Du ? FormalGreeting() : InformalGreeting();
        foreach (ProseBlock block in document.ReplyBlocks)
        {
            for (Match match = pattern.Match(document.Prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                edits.Add(new TextEdit(new TextSpan(match.Index, match.Length), Replacement(match.Value, target)));
            }
        }

        return edits;
    }

    private static string Replacement(string found, AddressForm target)
    {
        string lower = found.ToLowerInvariant();
        if (target == AddressForm.Du)
        {
            // The second half of "Sehr geehrte Kundin, sehr geehrter Kunde" stays in lower case.
            return lower.StartsWith("sehr geehrte", StringComparison.Ordinal) ? (found[0] == 's' ? "hallo" : "Hallo") : "Viele Grüße";
        }

        return lower is "hey" or "hi" or "huhu" or "yo" or "moin" or "servus" or "hallöchen" ? "Hallo" : "Viele Grüße";
    }

    // Formal openings and closings that clash with du, and the second salutation after a comma. A generic recipient
    // goes with its salutation ("Sehr geehrte Kundin, sehr geehrter Kunde" becomes "Hallo", not "Hallo Kundin, hallo Kunde").
    [GeneratedRegex(@"(?<![\p{L}])(Sehr geehrte Damen und Herren|Sehr geehrte[rs]?[ \t]+(?:Kundin|Kunde|Nutzerin|Nutzer|Community|Service-Team|Team)(?:,[ \t]*sehr geehrte[rs]?[ \t]+(?:Kundin|Kunde|Nutzerin|Nutzer))?(?![\p{L}])|Sehr geehrte[rs]?|Mit freundlichen Grüßen|Hochachtungsvoll|Mit vorzüglicher Hochachtung)(?![\p{L}])|(?<=,[ \t]*)sehr geehrte[rs]?(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex FormalGreeting();

    // Casual openings (at the start of a line) and closings (alone at the end of a line) that clash with Sie.
    [GeneratedRegex(@"(?<=(?:^|\n)[ \t]*)(Hey|Huhu|Yo|Hallöchen|Servus)(?![\p{L}])|(?<![\p{L}])(LG|VG|Ciao|Tschüss|Tschüssi|Cheers|Bussi|Bis denne)(?=[ \t]*[!,.]?[ \t]*(\r?\n|$))", RegexOptions.CultureInvariant)]
    private static partial Regex InformalGreeting();
}

using System.Text.RegularExpressions;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;
using ToneLsp.Core.Tonality;

namespace ToneLsp.Core.AddressForms;

/// <summary>
/// German greetings and closings that belong to one form of address, and their counterparts:
/// "Sehr geehrte Frau Weber" ↔ "Hallo Frau Weber", "Mit freundlichen Grüßen" ↔ "Viele Grüße", "Hey" → "Hallo";
/// the team's configured greetings and closings where they fit.
/// Used by the conversion and by the rule that flags mismatches.
/// </summary>
public static partial class GreetingConverter
{
    /// <summary>
    /// Greetings and closings in the reply that clash with the target form, each with its replacement: the greeting
    /// and closing of <see cref="ConversionOptions.SalutationRegister"/> that fit the form, the team's own
    /// (<see cref="ConversionOptions.Salutations"/>) where they do. A greeting keeps the name after it.
    /// </summary>
    public static IReadOnlyList<TextEdit> FindClashes(TemplateDocument document, AddressForm target, ConversionOptions? options = null)
    {
        var edits = new List<TextEdit>();
        if (document.Language != Language.German || target is not (AddressForm.Du or AddressForm.Sie))
        {
            return edits;
        }

        options ??= ConversionOptions.Default;
        Regex pattern = target == AddressForm.Du ? FormalGreeting() : InformalGreeting();
        foreach (ProseBlock block in document.ReplyBlocks)
        {
            for (Match match = pattern.Match(document.Prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                edits.Add(new TextEdit(new TextSpan(match.Index, match.Length), Replacement(document.Prose, match, target, options)));
            }
        }

        return edits;
    }

    /// <summary>Whether a greeting or closing clashes with the form: "Sehr geehrte" or "Mit freundlichen Grüßen" with du, "Hey" or "LG" with Sie.</summary>
    public static bool Clashes(string text, AddressForm form) => form switch
    {
        AddressForm.Du => FormalGreeting().IsMatch(text),
        AddressForm.Sie => InformalGreeting().IsMatch(text),
        _ => false,
    };

    private static string Replacement(string prose, Match match, AddressForm target, ConversionOptions options)
    {
        if (match.Groups["close"].Success)
        {
            return SalutationWriter.Closing(Language.German, options.SalutationRegister, target, options.Salutations);
        }

        // The name after the greeting decides between "Sehr geehrte Frau Roth" and "Guten Tag"; a generic recipient is part of the match and goes.
        string? name = null;
        if (!match.Groups["generic"].Success)
        {
            int end = match.Index + match.Length, stop = end;
            while (stop < prose.Length && prose[stop] is not (',' or '!' or '.' or ':' or ';' or '?' or '\n'))
            {
                stop++;
            }

            name = SalutationWriter.NameOf(prose[end..stop]);
        }

        string opening = SalutationWriter.Opening(Language.German, options.SalutationRegister, target, name, options.Salutations);

        // The second half of "Sehr geehrte Frau Roth, sehr geehrter Herr Roth" stays in lower case.
        return char.IsLower(match.Value[0]) && opening.Length > 0 ? char.ToLowerInvariant(opening[0]) + opening[1..] : opening;
    }

    // Formal openings and closings that clash with du, and the second salutation after a comma. A generic recipient
    // goes with its salutation ("Sehr geehrte Kundin, sehr geehrter Kunde" becomes "Hallo", not "Hallo Kundin, hallo Kunde").
    [GeneratedRegex(@"(?<![\p{L}])((?<generic>Sehr geehrte Damen und Herren|Sehr geehrte[rs]?[ \t]+(?:Kundin|Kunde|Nutzerin|Nutzer|Community|Service-Team|Team)(?:,[ \t]*sehr geehrte[rs]?[ \t]+(?:Kundin|Kunde|Nutzerin|Nutzer))?(?![\p{L}]))|Sehr geehrte[rs]?|(?<close>Mit freundlichen Grüßen|Hochachtungsvoll|Mit vorzüglicher Hochachtung))(?![\p{L}])|(?<=,[ \t]*)sehr geehrte[rs]?(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex FormalGreeting();

    // Casual openings (at the start of a line) and closings (alone at the end of a line) that clash with Sie; an
    // informal plural recipient goes with its opening ("Hey ihr Lieben" becomes "Hallo", not "Hallo ihr Lieben").
    [GeneratedRegex(@"(?<=(?:^|\n)[ \t]*)(Hey|Huhu|Yo|Hallöchen|Servus)(?:[ \t]+(?<generic>ihr[ \t]+Lieben|ihr|Leute))?(?![\p{L}])|(?<![\p{L}])(?<close>LG|VG|Ciao|Tschüss|Tschüssi|Cheers|Bussi|Bis denne)(?=[ \t]*[!,.]?[ \t]*(\r?\n|$))", RegexOptions.CultureInvariant)]
    private static partial Regex InformalGreeting();
}

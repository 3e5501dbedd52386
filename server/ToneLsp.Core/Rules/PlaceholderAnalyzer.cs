using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>
/// TONE019: template integrity. Text left behind by an empty placeholder ("Hallo ,"), a malformed placeholder
/// ("{{vorname}"), and a placeholder that differs by a letter or two from one the rest of the repository uses
/// ("{{VORNAM}}" where other templates use "{{VORNAME}}").
/// </summary>
public sealed partial class PlaceholderAnalyzer : ToneAnalyzer
{
    /// <summary>
    /// How many templates use each placeholder name, the repository knowledge a one-off spelling stands out against
    /// (<see cref="ToneOptions.KnownPlaceholders"/>). The command line and the editor count with this one function.
    /// </summary>
    public static Dictionary<string, int> CountAcross(IEnumerable<TemplateDocument> templates)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (TemplateDocument template in templates)
        {
            foreach (string name in template.Placeholders.Select(p => p.Name).Distinct(StringComparer.Ordinal))
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        return counts;
    }

    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TONE019",
        Categories.Template,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Placeholder problem",
            "{0}",
            "Placeholders are filled in when the reply is sent. A misspelt placeholder stays empty or shows its raw name " +
            "(\"Hallo {{VORNAM}}\"), and text such as \"Hallo ,\" is what an empty placeholder leaves behind; both tell the customer " +
            "that a machine wrote the reply. The fix uses the placeholder the other templates use, or removes the stray space.",
            "Hello {{FIRSTNAME}},"),
        new RuleTexts(
            "Problem mit einem Platzhalter",
            "{0}",
            "Platzhalter werden beim Senden ausgefüllt. Ein falsch geschriebener Platzhalter bleibt leer oder " +
            "zeigt seinen Rohnamen („Hallo {{VORNAM}}“), und Text wie „Hallo ,“ ist das, was ein leerer " +
            "Platzhalter hinterlässt; beides verrät der Kundin oder dem Kunden, dass eine Maschine die Antwort " +
            "geschrieben hat. Die Korrektur setzt den Platzhalter ein, den die anderen Vorlagen verwenden, oder " +
            "entfernt das überzählige Leerzeichen.",
            "Hallo {{VORNAME}},"));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        TemplateDocument document = context.Input.Document;
        foreach (ProseBlock block in document.ReplyBlocks)
        {
            // The source, not the prose: in the prose a filled placeholder is blanked out and would look empty.
            for (Match match = EmptyGreeting().Match(document.Source.Text, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                var span = new TextSpan(match.Index, match.Length);
                string greeting = match.Groups["greeting"].Value;
                context.Report(ToneDiagnostic.Create(Descriptor, span, Descriptor.FormatMessage(context.Input.MessageLanguage, Messages.PlaceholderEmpty.Format(context.Input.MessageLanguage, document.Source.Slice(span))),
                    ImmutableDictionary<string, string>.Empty.Add(ReplacementCodeFixProvider.ReplacementProperty, greeting + ",")));
            }

            for (Match match = Malformed().Match(document.Source.Text, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                var span = new TextSpan(match.Index, match.Length);
                string name = match.Groups["name"].Value.Trim();
                context.Report(ToneDiagnostic.Create(Descriptor, span, Descriptor.FormatMessage(context.Input.MessageLanguage, Messages.PlaceholderIncomplete.Format(context.Input.MessageLanguage, match.Value)),
                    ImmutableDictionary<string, string>.Empty.Add(ReplacementCodeFixProvider.ReplacementProperty, "{{" + name + "}}")));
            }
        }

        var known = context.Input.Options.KnownPlaceholders;
        if (known.Count == 0)
        {
            return;
        }

        foreach (Placeholder placeholder in document.Placeholders)
        {
            if (known.TryGetValue(placeholder.Name, out int uses) && uses > 1)
            {
                continue;
            }

            string? closest = known.Where(k => k.Key != placeholder.Name && k.Value >= 2 && IsNear(k.Key, placeholder.Name))
                .OrderByDescending(k => k.Value).Select(k => k.Key).FirstOrDefault();
            if (closest is not null)
            {
                context.Report(ToneDiagnostic.Create(Descriptor, placeholder.Span,
                    Descriptor.FormatMessage(context.Input.MessageLanguage, Messages.PlaceholderUnknown.Format(context.Input.MessageLanguage, placeholder.Text, placeholder.Text.Replace(placeholder.Name, closest, StringComparison.Ordinal))),
                    ImmutableDictionary<string, string>.Empty.Add(ReplacementCodeFixProvider.ReplacementProperty, placeholder.Text.Replace(placeholder.Name, closest, StringComparison.Ordinal))));
            }
        }
    }

    // Names that differ only in case, or by one edit (two for longer names), are near.
    private static bool IsNear(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }

        int limit = Math.Min(a.Length, b.Length) >= 6 ? 2 : 1;
        return EditDistance.Between(a, b, ignoreCase: true) <= limit;
    }

    // "Hallo ," or "Dear ,": a greeting whose name was an empty placeholder.
    [GeneratedRegex(@"(?<greeting>\b(?:Hallo|Hi|Hey|Liebe[rs]?|Guten Tag|Sehr geehrte[rs]?(?: Frau| Herr)?|Dear|Hello))[ \t]+,", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyGreeting();

    // "{{name}" or "{name}}": unbalanced braces around a name.
    [GeneratedRegex(@"(?<!\{)\{\{(?<name>[\p{L}_][\p{L}\p{N}_.\- ]{0,60})\}(?!\})|(?<!\{)\{(?<name>[\p{L}_][\p{L}\p{N}_.\-]{0,60})\}\}(?!\})", RegexOptions.CultureInvariant)]
    private static partial Regex Malformed();
}

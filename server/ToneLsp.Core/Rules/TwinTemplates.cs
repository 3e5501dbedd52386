using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>
/// The same template in two languages (<c>de/x.md</c> and <c>en/x.md</c>, <c>x.de.md</c> and <c>x.en.md</c>, or front
/// matter <c>translationOf:</c>): TONE021 when they use different placeholders, TONE022 as a hint when the twin has
/// tone findings. Comparing needs both files, so the host pairs them and calls <see cref="Compare"/>.
/// </summary>
public static class TwinTemplates
{
    /// <summary>Different placeholders in twins.</summary>
    public static readonly DiagnosticDescriptor PlaceholderMismatch = new(
        "TONE021",
        Categories.Template,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Twin templates use different placeholders",
            "“{0}” is not used in the twin {1}",
            "The German and the English version of a template should fill in the same data. A placeholder that only one twin " +
            "uses usually means one version was edited and the other forgotten, or a placeholder was misspelt.",
            "{{VORNAME}} in both the German and the English version"),
        new RuleTexts(
            "Zwillingsvorlagen verwenden unterschiedliche Platzhalter",
            "„{0}“ kommt in der Zwillingsvorlage {1} nicht vor",
            "Die deutsche und die englische Fassung einer Vorlage sollten dieselben Daten einsetzen. Ein " +
            "Platzhalter, den nur eine Fassung verwendet, heißt meist, dass eine Fassung bearbeitet und die " +
            "andere vergessen wurde oder dass ein Platzhalter falsch geschrieben ist.",
            "{{VORNAME}} in der deutschen und in der englischen Fassung"));

    /// <summary>Tone findings in the twin.</summary>
    public static readonly DiagnosticDescriptor TwinFindings = new(
        "TONE022",
        Categories.Template,
        DiagnosticSeverity.Hint,
        new RuleTexts(
            "The twin template has tone findings",
            "The twin {0} has {1} tone finding(s) ({2}); this version may say the same",
            "Twin templates are usually translations of each other, so a tone problem in one often exists in the other, in " +
            "words no rule catches. Worth a look while you are here.",
            "Fix the finding in the twin, then read this version for the same tone."),
        new RuleTexts(
            "Die Zwillingsvorlage hat Befunde zum Tonfall",
            "Die Zwillingsvorlage {0} hat {1} Befund(e) zum Tonfall ({2}); diese Fassung sagt vielleicht dasselbe",
            "Zwillingsvorlagen sind meist Übersetzungen voneinander: Ein Tonproblem in der einen steckt oft auch " +
            "in der anderen, nur in Worten, die keine Regel erkennt. Ein Blick lohnt sich, wenn du schon einmal " +
            "hier bist.",
            "Behebe den Befund in der Zwillingsvorlage und lies dann diese Fassung auf denselben Ton hin."));

    /// <summary>Both descriptors.</summary>
    public static IEnumerable<DiagnosticDescriptor> Descriptors => [PlaceholderMismatch, TwinFindings];

    /// <summary>
    /// The relative path of a template's language twin: the template its front matter names (<c>translationOf:</c>,
    /// relative to its folder) when that exists, else the first path with the language directory or suffix swapped that
    /// exists and looks like a translation (<see cref="LookLikeTwins"/>); null when there is none. The CLI and the
    /// editor pair templates with this one rule; <paramref name="lookup"/> gives the template at a relative path.
    /// </summary>
    public static string? FindTwin(string relativePath, TemplateDocument document, Func<string, TemplateDocument?> lookup) =>
        FindTwin(relativePath, TranslationOf(relativePath, document), Shape(document), relative => lookup(relative) is { } other ? Shape(other) : null);

    /// <summary>
    /// The same rule on what it needs of each template (<see cref="TwinShape"/>), so that a workspace can pair templates
    /// without analysing them: <paramref name="translationOf"/> is what <see cref="TranslationOf"/> gives for the template.
    /// </summary>
    public static string? FindTwin(string relativePath, string? translationOf, TwinShape shape, Func<string, TwinShape?> lookup)
    {
        if (translationOf is { } named && lookup(named) is not null)
        {
            return named;
        }

        foreach (string candidate in CandidateTwins(relativePath))
        {
            if (lookup(candidate) is { } other && LookLikeTwins(shape, other))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>What the pairing rule needs of a template.</summary>
    public static TwinShape Shape(TemplateDocument document) =>
        new([.. document.Placeholders.Select(p => p.Name).Distinct(StringComparer.Ordinal)], document.Source.Length);

    /// <summary>The relative path the front matter's <c>translationOf:</c> names, resolved against the template's folder.</summary>
    public static string? TranslationOf(string relativePath, TemplateDocument document)
    {
        if (!document.Metadata.Values.TryGetValue("translationOf", out string? target) || string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        string folder = Path.GetDirectoryName(relativePath.Replace('\\', '/')) ?? string.Empty;
        return Normalize(folder.Length == 0 ? target : folder + "/" + target);
    }

    // "a/./b/../c.md" → "a/c.md", without touching the file system; a path that climbs out of the root stays as it is.
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>The twin path for a template path, by swapping a language directory or suffix; null when there is none.</summary>
    public static IEnumerable<string> CandidateTwins(string relativePath)
    {
        string path = relativePath.Replace('\\', '/');
        foreach (var (from, to) in new[] { ("de", "en"), ("en", "de") })
        {
            if (path.StartsWith(from + "/", StringComparison.OrdinalIgnoreCase))
            {
                yield return to + path[from.Length..];
            }

            int inner = path.IndexOf("/" + from + "/", StringComparison.OrdinalIgnoreCase);
            if (inner >= 0)
            {
                yield return path[..inner] + "/" + to + "/" + path[(inner + from.Length + 2)..];
            }

            if (path.EndsWith("." + from + ".md", StringComparison.OrdinalIgnoreCase))
            {
                yield return path[..^(from.Length + 4)] + "." + to + ".md";
            }
        }
    }

    /// <summary>
    /// Whether two templates paired by their paths look like translations of each other: they share a placeholder and
    /// their lengths are comparable. Pairs linked by front matter <c>translationOf:</c> need no such evidence.
    /// </summary>
    public static bool LookLikeTwins(TemplateDocument a, TemplateDocument b) => LookLikeTwins(Shape(a), Shape(b));

    /// <summary>The same test on the templates' shapes.</summary>
    public static bool LookLikeTwins(TwinShape a, TwinShape b)
    {
        var names = a.Placeholders.ToHashSet(StringComparer.Ordinal);
        int shorter = Math.Max(1, Math.Min(a.Length, b.Length));
        int longer = Math.Max(a.Length, b.Length);
        return b.Placeholders.Any(names.Contains) && longer <= shorter * 5 / 2;
    }

    /// <summary>Diagnostics for <paramref name="self"/> from comparing it with its twin.</summary>
    public static IReadOnlyList<ToneDiagnostic> Compare(AnalysisResult self, AnalysisResult twin, string twinName)
    {
        var diagnostics = new List<ToneDiagnostic>();
        var twinNames = twin.Document.Placeholders.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (Placeholder placeholder in self.Document.Placeholders.DistinctBy(p => p.Name))
        {
            if (!twinNames.Contains(placeholder.Name))
            {
                Add(ToneDiagnostic.Create(PlaceholderMismatch, placeholder.Span, PlaceholderMismatch.FormatMessage(self.Input.MessageLanguage, placeholder.Text, twinName)));
            }
        }

        var toneFindings = twin.Diagnostics.Where(d => d.Severity <= DiagnosticSeverity.Warning && d.Category != Categories.Template).ToList();
        if (toneFindings.Count > 0 && self.Document.ReplyBlocks.FirstOrDefault() is { } first)
        {
            string categories = string.Join(", ", toneFindings.Select(d => d.Category).Distinct());
            Add(ToneDiagnostic.Create(TwinFindings, self.Document.LeadingWords(first), TwinFindings.FormatMessage(self.Input.MessageLanguage, twinName, toneFindings.Count, categories)));
        }

        return diagnostics;

        void Add(ToneDiagnostic diagnostic)
        {
            if (self.Input.Options.Resolve(diagnostic) is { } severity)
            {
                diagnostics.Add(diagnostic with { Severity = severity });
            }
        }
    }
}

/// <summary>What pairing twins needs of a template: its distinct placeholder names and its length.</summary>
public sealed record TwinShape(IReadOnlyList<string> Placeholders, int Length);

using System.Text;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Features;

/// <summary>What the editor shows when the cursor rests on findings: each one's rule, message, why, and the preferred fix.</summary>
public static class Explanation
{
    /// <summary>The findings at an offset (a finding also covers the offset just after its last character).</summary>
    public static IReadOnlyList<ToneDiagnostic> At(AnalysisResult result, int offset) =>
        [.. result.Diagnostics.Where(d => d.Span.Contains(offset) || (d.Span.End == offset && d.Span.Length > 0))];

    /// <summary>The span the findings cover together.</summary>
    public static TextSpan Covered(IReadOnlyList<ToneDiagnostic> findings) =>
        TextSpan.FromBounds(findings.Min(h => h.Span.Start), findings.Max(h => h.Span.End));

    /// <summary>The explanation of the findings as Markdown, one section each, in the analysis's message language.</summary>
    public static string Markdown(ToneEngine engine, AnalysisResult result, IReadOnlyList<ToneDiagnostic> findings, CancellationToken cancellationToken = default)
    {
        var markdown = new StringBuilder();
        foreach (ToneDiagnostic diagnostic in findings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (markdown.Length > 0)
            {
                markdown.Append("\n\n---\n\n");
            }

            Documents.Language language = result.Input.MessageLanguage;
            RuleTexts texts = diagnostic.Descriptor.Texts(language);
            markdown.Append("**").Append(diagnostic.Id).Append(" · ").Append(diagnostic.Category).Append("** — ").Append(texts.Title).Append("\n\n");
            markdown.Append(diagnostic.Message).Append("\n\n");
            markdown.Append(texts.HelpText);
            if (texts.Example.Length > 0)
            {
                markdown.Append("\n\n*").Append(Messages.Better.In(language)).Append("* ").Append(texts.Example);
            }

            if (engine.GetFixes(result, diagnostic, cancellationToken).FirstOrDefault() is { } preferred)
            {
                markdown.Append("\n\n*").Append(Messages.Suggested.In(language)).Append("* ").Append(preferred.Title);
            }
        }

        return markdown.ToString();
    }
}

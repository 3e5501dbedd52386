using System.Text;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

namespace ToneLsp.Cli;

/// <summary>The human-friendly output: file:line:col, severity, rule, message, and the line with a caret.</summary>
public static class TextReport
{
    /// <summary>Renders the reports; colours only when <paramref name="color"/> is set.</summary>
    public static string Write(IReadOnlyList<FileReport> reports, bool color)
    {
        var output = new StringBuilder();
        foreach (FileReport report in reports)
        {
            SourceText text = report.Result.Document.Source;
            foreach (var (diagnostic, fixes) in report.Findings)
            {
                LinePosition start = text.GetPosition(diagnostic.Span.Start);
                string severity = JsonReport.SeverityName(diagnostic.Severity);
                output.Append(Paint($"{report.File.DisplayPath}:{start.Line + 1}:{start.Character + 1}", "1", color))
                    .Append(": ").Append(Paint(severity, SeverityColor(diagnostic.Severity), color))
                    .Append(' ').Append(Paint(diagnostic.Id, "2", color))
                    .Append(" [").Append(diagnostic.Category).Append("] ")
                    .Append(diagnostic.Message).Append('\n');
                string line = text.GetLineText(start.Line).Replace('\t', ' ');
                int width = Math.Max(1, Math.Min(diagnostic.Span.End, text.GetLineContentEnd(start.Line)) - diagnostic.Span.Start);
                string gutter = $"{start.Line + 1} | ";
                output.Append("  ").Append(gutter).Append(line).Append('\n');
                output.Append("  ").Append(' ', gutter.Length + start.Character).Append(Paint(new string('^', width), SeverityColor(diagnostic.Severity), color)).Append('\n');
                if (fixes.FirstOrDefault() is { } fix)
                {
                    output.Append("  ").Append(Paint("fix: " + fix.Title, "36", color)).Append('\n');
                }
            }
        }

        var all = reports.SelectMany(r => r.Findings.Select(f => f.Diagnostic)).ToList();
        if (all.Count == 0)
        {
            output.Append(Paint($"No tone problems in {Files(reports.Count)}.", "32", color)).Append('\n');
        }
        else
        {
            output.Append('\n').Append($"{all.Count} finding{(all.Count == 1 ? string.Empty : "s")} in {Files(reports.Count(r => r.Findings.Count > 0))} ")
                .Append($"({all.Count(d => d.Severity == DiagnosticSeverity.Error)} errors, {all.Count(d => d.Severity == DiagnosticSeverity.Warning)} warnings, ")
                .Append($"{all.Count(d => d.Severity >= DiagnosticSeverity.Information)} information and hints); {Files(reports.Count)} checked.\n");
        }

        return output.ToString();
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";

    private static string SeverityColor(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "31",
        DiagnosticSeverity.Warning => "33",
        _ => "34",
    };

    private static string Paint(string text, string code, bool color) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}

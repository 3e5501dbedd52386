using System.Text;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

namespace ToneLsp.Cli;

/// <summary>The <c>--format github</c> output: GitHub Actions workflow commands that annotate the changed lines.</summary>
public static class GithubReport
{
    /// <summary>One annotation per finding.</summary>
    public static string Write(IReadOnlyList<FileReport> reports)
    {
        var output = new StringBuilder();
        foreach (FileReport report in reports)
        {
            SourceText text = report.Result.Document.Source;
            foreach (var (diagnostic, _) in report.Findings)
            {
                LineRange range = text.GetRange(diagnostic.Span);
                string level = diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    _ => "notice",
                };
                output.Append("::").Append(level)
                    .Append(" file=").Append(Property(report.File.DisplayPath))
                    .Append(",line=").Append(range.Start.Line + 1)
                    .Append(",col=").Append(range.Start.Character + 1)
                    .Append(",endLine=").Append(range.End.Line + 1)
                    .Append(",endColumn=").Append(range.End.Character + 1)
                    .Append(",title=").Append(Property($"{diagnostic.Id} {diagnostic.Descriptor.Title(report.Result.Input.MessageLanguage)}"))
                    .Append("::").Append(Data(diagnostic.Message)).Append('\n');
            }
        }

        return output.ToString();
    }

    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}

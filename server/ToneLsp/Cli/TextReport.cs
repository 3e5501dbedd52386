using System.Text;
using Spectre.Console;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

using ToneLsp.Core.Documents;

namespace ToneLsp.Cli;

/// <summary>The human-friendly output: file:line:col, severity, rule, message, and the line with a caret.</summary>
public static class TextReport
{
    /// <summary>Renders the reports in English; colours only when <paramref name="color"/> is set.</summary>
    public static string Write(IReadOnlyList<FileReport> reports, bool color) => Write(reports, color, Language.English);

    /// <summary>
    /// Renders the reports; colours only when <paramref name="color"/> is set. Each finding's message is in its
    /// template's message language; the severities, fix labels and the summary are in <paramref name="language"/>.
    /// </summary>
    public static string Write(IReadOnlyList<FileReport> reports, bool color, Language language)
    {
        var output = new StringBuilder();
        foreach (FileReport report in reports)
        {
            SourceText text = report.Result.Document.Source;
            foreach (var (diagnostic, fixes) in report.Findings)
            {
                LinePosition start = text.GetPosition(diagnostic.Span.Start);
                // The "file:line:col: severity ID" prefix stays English in every language: problem matchers parse it.
                string severity = JsonReport.SeverityName(diagnostic.Severity);
                output.Append(Paint($"{report.File.DisplayPath}:{start.Line + 1}:{start.Character + 1}", "1", color))
                    .Append(": ").Append(Paint(severity, SeverityColor(diagnostic.Severity), color))
                    .Append(' ').Append(Paint(diagnostic.Id, "2", color))
                    .Append(" [").Append(diagnostic.Category).Append("] ")
                    .Append(diagnostic.Message).Append('\n');
                int width = Math.Max(1, Math.Min(diagnostic.Span.End, text.GetLineContentEnd(start.Line)) - diagnostic.Span.Start);
                var (frame, caret) = CodeFrame(text, start, width);
                width = Math.Min(width, Math.Max(1, frame.Length - caret));
                string gutter = $"{start.Line + 1} | ";
                output.Append("  ").Append(gutter).Append(frame).Append('\n');
                output.Append("  ").Append(' ', gutter.Length + caret).Append(Paint(new string('^', width), SeverityColor(diagnostic.Severity), color)).Append('\n');
                if (fixes.FirstOrDefault() is { } fix)
                {
                    output.Append("  ").Append(Paint(CliText.FixLabel.Format(language, fix.Title), "36", color)).Append('\n');
                }
            }
        }

        var all = reports.SelectMany(r => r.Findings.Select(f => f.Diagnostic)).ToList();
        if (all.Count == 0)
        {
            output.Append(Paint(CliText.NoProblems.Format(language, CliText.Files(reports.Count, language)), "32", color)).Append('\n');
            return output.ToString();
        }

        output.Append('\n').Append(SummaryTable(reports, color, language));
        int errors = all.Count(d => d.Severity == DiagnosticSeverity.Error);
        int warnings = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
        output.Append(CliText.Summary.Format(
            language,
            Count(all.Count, CliText.OneFinding, CliText.ManyFindings, language),
            CliText.Files(reports.Count(r => r.Findings.Count > 0), language),
            Count(errors, CliText.OneError, CliText.ManyErrors, language),
            Count(warnings, CliText.OneWarning, CliText.ManyWarnings, language),
            all.Count(d => d.Severity >= DiagnosticSeverity.Information),
            CliText.Files(reports.Count, language))).Append('\n');
        return output.ToString();
    }

    private static string Count(int count, LocalText one, LocalText many, Language language) => (count == 1 ? one : many).Format(language, count);

    /// <summary>The longest line a code frame shows whole; longer lines are cut to a window around the finding.</summary>
    public const int FrameWidth = 160;

    // The finding's line, or a window of it marked with "…" on a long line, and the column of the caret in it.
    private static (string Frame, int Caret) CodeFrame(SourceText text, LinePosition start, int width)
    {
        int lineStart = text.GetLineStart(start.Line);
        int length = text.GetLineContentEnd(start.Line) - lineStart;
        if (length <= FrameWidth)
        {
            return (text.GetLineText(start.Line).Replace('\t', ' '), start.Character);
        }

        int context = Math.Max(20, (FrameWidth - Math.Min(width, FrameWidth / 2)) / 2);
        int from = Math.Max(0, start.Character - context);
        int to = Math.Min(length, start.Character + Math.Min(width, FrameWidth / 2) + context);
        string window = text.Slice(new TextSpan(lineStart + from, to - from)).Replace('\t', ' ');
        string prefix = from > 0 ? "…" : string.Empty;
        return (prefix + window + (to < length ? "…" : string.Empty), prefix.Length + start.Character - from);
    }

    /// <summary>Every suppression comment with its reason; unused ones are marked.</summary>
    public static string Suppressions(IReadOnlyList<FileReport> reports) => Suppressions(reports, Language.English);

    /// <summary>Every suppression comment with its reason, in the language; unused ones are marked.</summary>
    public static string Suppressions(IReadOnlyList<FileReport> reports, Language language)
    {
        var output = new StringBuilder();
        int count = 0;
        foreach (FileReport report in reports)
        {
            var unused = report.Findings.Where(f => f.Diagnostic.Id == "TONE020").Select(f => f.Diagnostic.Span).ToHashSet();
            SourceText text = report.Result.Document.Source;
            foreach (var comment in report.Result.Document.Suppressions.Where(c => c.Kind != Core.Documents.SuppressionKind.Enable))
            {
                count++;
                LinePosition at = text.GetPosition(comment.Span.Start);
                string rules = comment.RuleIds.Count == 0 ? CliText.AllRules.In(language) : string.Join(", ", comment.RuleIds);
                string kind = (comment.Kind switch
                {
                    Core.Documents.SuppressionKind.DisableNextLine => CliText.NextLine,
                    Core.Documents.SuppressionKind.DisableLine => CliText.ThisLine,
                    _ => CliText.UntilEnabled,
                }).In(language);
                output.Append($"{report.File.DisplayPath}:{at.Line + 1}:{at.Character + 1}: {rules} ({kind})")
                    .Append(" -- ").Append(comment.Reason ?? CliText.NoReason.In(language))
                    .Append(unused.Contains(comment.Span) ? " " + CliText.Unused.In(language) : string.Empty)
                    .Append('\n');
            }
        }

        output.Append((count == 1 ? CliText.OneSuppression : CliText.ManySuppressions).Format(language, count)).Append('\n');
        return output.ToString();
    }

    // Findings per category and per channel, by severity.
    private static string SummaryTable(IReadOnlyList<FileReport> reports, bool color, Language language)
    {
        var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(writer),
            Ansi = color ? Spectre.Console.AnsiSupport.Yes : Spectre.Console.AnsiSupport.No,
            ColorSystem = color ? Spectre.Console.ColorSystemSupport.Standard : Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No,
        });
        console.Profile.Width = 100;
        var rows = reports.SelectMany(r => r.Findings.Select(f => (f.Diagnostic, Channel: r.Channel ?? CliText.NoChannel.In(language)))).ToList();
        foreach (var (title, key) in new (LocalText, Func<(ToneDiagnostic Diagnostic, string Channel), string>)[] { (CliText.ColumnCategory, x => x.Diagnostic.Category), (CliText.ColumnChannel, x => x.Channel) })
        {
            var table = new Spectre.Console.Table().Border(Spectre.Console.TableBorder.Rounded)
                .AddColumn(title.In(language)).AddColumn(CliText.ColumnErrors.In(language)).AddColumn(CliText.ColumnWarnings.In(language))
                .AddColumn(CliText.ColumnInformation.In(language)).AddColumn(CliText.ColumnHints.In(language)).AddColumn(CliText.ColumnTotal.In(language));
            foreach (var group in rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                table.AddRow(
                    Spectre.Console.Markup.Escape(group.Key),
                    group.Count(x => x.Diagnostic.Severity == DiagnosticSeverity.Error).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    group.Count(x => x.Diagnostic.Severity == DiagnosticSeverity.Warning).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    group.Count(x => x.Diagnostic.Severity == DiagnosticSeverity.Information).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    group.Count(x => x.Diagnostic.Severity == DiagnosticSeverity.Hint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }

        return writer.ToString();
    }

    private static string SeverityColor(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "31",
        DiagnosticSeverity.Warning => "33",
        _ => "34",
    };

    private static string Paint(string text, string code, bool color) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}

using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;

namespace ToneLsp.Cli;

/// <summary>One checked file: its text, the analysis, and each diagnostic's fixes.</summary>
public sealed record FileReport(TemplateFile File, AnalysisResult Result, IReadOnlyList<(ToneDiagnostic Diagnostic, IReadOnlyList<CodeFix> Fixes)> Findings);

/// <summary>Reads and analyses files in parallel; results come back in path order.</summary>
public static class CheckRunner
{
    /// <summary>Checks every file; an unreadable file throws <see cref="IOException"/> naming it.</summary>
    public static IReadOnlyList<FileReport> Run(IReadOnlyList<(string Path, string Display)> files, ToneEngine engine, ToneOptions options)
    {
        var reports = new FileReport[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (path, display) = files[i];
            TemplateFile file;
            try
            {
                file = TemplateFiles.Read(path, display);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot read {display}: {exception.Message}", exception);
            }

            AnalysisResult result = engine.Analyze(file.Text, options);
            var findings = result.Diagnostics.Select(d => (d, engine.GetFixes(result, d))).ToList();
            reports[i] = new FileReport(file, result, findings);
        });
        return reports;
    }

    /// <summary>Whether any finding is at or above the severity that fails the run.</summary>
    public static bool Fails(IEnumerable<FileReport> reports, DiagnosticSeverity failLevel) =>
        reports.Any(r => r.Findings.Any(f => f.Diagnostic.Severity <= failLevel));
}

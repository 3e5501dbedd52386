using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Workspaces;
using ToneLsp.Repository;

namespace ToneLsp.Cli;

/// <summary>One checked file: its text, the analysis, each finding with its fixes and fingerprint, and its channel.</summary>
public sealed record FileReport(
    TemplateFile File,
    AnalysisResult Result,
    IReadOnlyList<(ToneDiagnostic Diagnostic, IReadOnlyList<CodeFix> Fixes)> Findings,
    IReadOnlyList<string> Fingerprints,
    string? Channel);

/// <summary>A file that could not be read, with the reason to show.</summary>
public sealed record FileError(string DisplayPath, string Reason)
{
    /// <summary>The line that reports it, in English.</summary>
    public string Message => MessageIn(Core.Documents.Language.English);

    /// <summary>The line that reports it in the language: "cannot read: no such file" / "kann nicht gelesen werden: …".</summary>
    public string MessageIn(Core.Documents.Language language) => CliText.CannotRead.Format(language, CliText.ReadReason(Reason, language));
}

/// <summary>The outcome of checking a set of templates.</summary>
public sealed record CheckRun(IReadOnlyList<FileReport> Reports, IReadOnlyList<ConfigurationError> ConfigurationErrors)
{
    /// <summary>The files that could not be read and so were not checked, in path order.</summary>
    public IReadOnlyList<FileError> FileErrors { get; init; } = [];
}

/// <summary>
/// Checks templates the way a repository is checked in CI: each file with the configuration above it, placeholder
/// names counted across all files, language twins compared, all in parallel; results come back in path order.
/// </summary>
public static class CheckRunner
{
    /// <summary>Checks the files; a file that cannot be read is left out of the reports and listed in <see cref="CheckRun.FileErrors"/>.</summary>
    public static CheckRun Run(
        IReadOnlyList<TemplatePath> files,
        ToneEngine engine,
        ToneOptions baseOptions,
        ConfigurationProvider configurations,
        Action? progress = null) =>
        Run(files, () => engine, baseOptions, configurations, progress);

    /// <summary>Checks the files with an engine that is asked for only once the files are read.</summary>
    public static CheckRun Run(
        IReadOnlyList<TemplatePath> requested,
        Func<ToneEngine> engineWhenNeeded,
        ToneOptions baseOptions,
        ConfigurationProvider configurations,
        Action? progress = null)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var read = new TemplateFile?[requested.Count];
        var readErrors = new FileError?[requested.Count];
        Parallel.For(0, requested.Count, parallel, i =>
        {
            TemplatePath path = requested[i];
            try
            {
                read[i] = TemplateFiles.Read(path.FullPath, path.DisplayPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                readErrors[i] = new FileError(path.DisplayPath, ReadFailure(exception));
                progress?.Invoke();
            }
        });

        // The workspace the editor uses too, fed from the disk: the templates that were read and the configuration
        // files above them. Only the files that were read are checked; the others are reported.
        var files = read.OfType<TemplateFile>().ToList();
        var workspace = new TemplateWorkspace(engineWhenNeeded, baseOptions);
        foreach (string file in requested.SelectMany(f => configurations.ForFile(f.FullPath).Files).Distinct(StringComparer.Ordinal))
        {
            workspace.SetConfiguration(file, configurations.TextOf(file));
        }

        workspace.SetFiles(files.Select(f => (f.Path, f.Text, f.DisplayPath)));
        WorkspaceSnapshot snapshot = workspace.SetRoots(files.Select(f => configurations.ForFile(f.Path).BaseDirectory).OfType<string>());

        // Each template on its own first, in parallel; then the comparisons with twins, which reuse those analyses.
        Parallel.For(0, files.Count, parallel, i =>
        {
            snapshot.Analyze(files[i].Path);
            progress?.Invoke();
        });

        var reports = new FileReport[files.Count];
        Parallel.For(0, files.Count, parallel, i =>
        {
            AnalysisResult result = snapshot.AnalyzeWithCrossDocument(files[i].Path)!;
            var findings = result.Diagnostics.Select(d => (d, snapshot.Engine.GetFixes(result, d))).ToList();
            string? channel = result.Input.Channel?.Name ?? result.Document.Metadata.Channel;
            reports[i] = new FileReport(files[i], result, findings, Fingerprints.Compute(result), channel);
        });

        var errors = requested.Select(f => configurations.ForFile(f.FullPath)).SelectMany(r => r.Errors).Distinct().ToList();
        return new CheckRun(reports, errors) { FileErrors = [.. readErrors.OfType<FileError>()] };
    }

    /// <summary>Whether any finding is at or above the severity that fails the run.</summary>
    public static bool Fails(IEnumerable<FileReport> reports, DiagnosticSeverity failLevel) =>
        reports.Any(r => r.Findings.Any(f => f.Diagnostic.Severity <= failLevel));

    // The reason a read failed, without the path (the message names the file already) and without a stack trace.
    private static string ReadFailure(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException when exception.Message.StartsWith("Could not find", StringComparison.Ordinal) => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message,
    };
}

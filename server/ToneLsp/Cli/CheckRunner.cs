using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
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
public sealed record FileError(string DisplayPath, string Message);

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

    /// <summary>Checks the files with an engine that is asked for only once the files are read and parsed.</summary>
    public static CheckRun Run(
        IReadOnlyList<TemplatePath> requested,
        Func<ToneEngine> engineWhenNeeded,
        ToneOptions baseOptions,
        ConfigurationProvider configurations,
        Action? progress = null)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var read = new (TemplateFile File, TemplateDocument Document, ToneOptions Options, string RelativePath)?[requested.Count];
        var readErrors = new FileError?[requested.Count];
        Parallel.For(0, requested.Count, parallel, i =>
        {
            TemplatePath path = requested[i];
            TemplateFile file;
            try
            {
                file = TemplateFiles.Read(path.FullPath, path.DisplayPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                readErrors[i] = new FileError(path.DisplayPath, $"cannot read: {ReadFailure(exception)}");
                progress?.Invoke();
                return;
            }

            ResolvedConfiguration resolved = configurations.ForFile(path.FullPath);
            string relative = resolved.RelativePath(path.FullPath) ?? path.DisplayPath;
            ToneOptions options = resolved.Configuration.Apply(baseOptions, relative);
            read[i] = (file, TemplateDocument.Parse(file.Text, options.DefaultLanguage), options, relative);
        });

        // Only the files that were read are checked; the others are reported, and every other file still is.
        var files = requested.Where((_, i) => read[i] is not null).ToList();
        var inputs = read.Where(x => x is not null).Select(x => x!.Value).ToArray();

        // How many templates use each placeholder, so a one-off spelling stands out.
        var known = PlaceholderAnalyzer.CountAcross(inputs.Select(x => x.Document));
        ToneEngine engine = engineWhenNeeded();
        var results = new AnalysisResult[files.Count];
        Parallel.For(0, files.Count, parallel, i =>
        {
            results[i] = engine.Analyze(inputs[i].Document, inputs[i].Options with { KnownPlaceholders = known });
            progress?.Invoke();
        });

        var twins = Twins(inputs.Select(x => (x.RelativePath, x.Document)).ToList());
        var reports = new FileReport[files.Count];
        Parallel.For(0, files.Count, parallel, i =>
        {
            var diagnostics = results[i].Diagnostics.ToList();
            if (twins.TryGetValue(i, out int twin))
            {
                diagnostics.AddRange(TwinTemplates.Compare(results[i], results[twin], inputs[twin].File.DisplayPath));
            }

            var findings = diagnostics.Select(d => (d, engine.GetFixes(results[i], d))).ToList();
            string? channel = results[i].Input.Channel?.Name ?? results[i].Document.Metadata.Channel;
            reports[i] = new FileReport(inputs[i].File, results[i], findings, Fingerprints.Compute(results[i].WithDiagnostics(diagnostics)), channel);
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

    // Pairs templates by the rule the editor uses too (TwinTemplates.FindTwin); a template that another names in its
    // translationOf: is that one's twin as well.
    private static Dictionary<int, int> Twins(List<(string RelativePath, TemplateDocument Document)> templates)
    {
        var byPath = templates.Select((t, i) => (t.RelativePath, i)).ToDictionary(x => x.RelativePath, x => x.i, StringComparer.OrdinalIgnoreCase);
        var pairs = new Dictionary<int, int>();
        for (int i = 0; i < templates.Count; i++)
        {
            var (relative, document) = templates[i];
            string? twin = TwinTemplates.FindTwin(relative, document, p => byPath.TryGetValue(p, out int j) && j != i ? templates[j].Document : null);
            if (twin is null || !byPath.TryGetValue(twin, out int other))
            {
                continue;
            }

            if (TwinTemplates.TranslationOf(relative, document) is { } named && string.Equals(named, twin, StringComparison.OrdinalIgnoreCase))
            {
                pairs[i] = other;
                pairs.TryAdd(other, i);
            }
            else
            {
                pairs.TryAdd(i, other);
            }
        }

        return pairs;
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
using ToneLsp.Repository;

namespace ToneLsp.Server;

/// <summary>
/// Language twins in the editor: finds an open template's twin (its open buffer, else its file), analyses the twin on
/// its own and compares the two with <see cref="TwinTemplates"/>, the rule <c>tonelsp check</c> uses, so the editor
/// shows TONE021 and TONE022 as the command line does. It remembers which open document depends on which twin, so
/// that a change to the twin (typed or on disk) checks the other again.
/// </summary>
public sealed class LanguageTwins(RepositoryContext repository, ToneEngine engine, Func<Workspace> workspace, ILogger logger)
{
    private readonly ConcurrentDictionary<string, string> _twinOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ((long Ticks, long Length) Stamp, AnalysisResult Analysis)> _files = new(StringComparer.Ordinal);

    /// <summary>The cross-document findings of an open template; empty when it has no twin or the twin cannot be read.</summary>
    public async Task<IReadOnlyList<ToneDiagnostic>> FindingsAsync(DocumentSnapshot snapshot, AnalysisResult own, CancellationToken cancellationToken)
    {
        if (RepositoryContext.LocalPath(snapshot.Uri) is not { } path || !TemplateDiscovery.IsMarkdown(snapshot.Uri))
        {
            return [];
        }

        try
        {
            string? root = repository.Roots.Where(r => path.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal)).MaxBy(r => r.Length);
            string Relative(string full) => root is null ? full.TrimStart('/') : Path.GetRelativePath(root, full).Replace('\\', '/');
            string Full(string relative) => root is null ? "/" + relative : Path.GetFullPath(Path.Combine(root, relative));

            // The candidates are read first (awaiting an open twin's analysis holds no thread), then paired by the core's rule.
            string self = Relative(path);
            var candidates = new Dictionary<string, AnalysisResult>(StringComparer.Ordinal);
            foreach (string? candidate in new[] { TwinTemplates.TranslationOf(self, own.Document) }.Concat(TwinTemplates.CandidateTwins(self)))
            {
                if (candidate is not null && candidate != self && !candidates.ContainsKey(candidate) &&
                    await AnalysisOfAsync(Full(candidate), cancellationToken).ConfigureAwait(false) is { } analysis)
                {
                    candidates[candidate] = analysis;
                }
            }

            string? twin = TwinTemplates.FindTwin(self, own.Document, relative => candidates.GetValueOrDefault(relative)?.Document);

            // A template that another names in its translationOf: is that one's twin as well, as in the command line.
            if (twin is null && repository.TranslationSourceOf(path) is { } source && source != path &&
                await AnalysisOfAsync(source, cancellationToken).ConfigureAwait(false) is { } sourceAnalysis)
            {
                twin = Relative(source);
                candidates[twin] = sourceAnalysis;
            }

            if (twin is null)
            {
                _twinOf.TryRemove(snapshot.Uri, out _);
                return [];
            }

            _twinOf[snapshot.Uri] = RepositoryContext.ToUri(Full(twin));
            return TwinTemplates.Compare(own, candidates[twin], twin);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogDebug("No twin comparison for {Uri}: {Error}", snapshot.Uri, exception.Message);
            return [];
        }
    }

    /// <summary>The open documents whose twin is the given one, which must be checked again when it changes.</summary>
    public IReadOnlyList<string> DependentsOf(string uri) => [.. _twinOf.Where(p => p.Value == uri && p.Key != uri).Select(p => p.Key)];

    /// <summary>Forgets a closed document's twin.</summary>
    public void Forget(string uri) => _twinOf.TryRemove(uri, out _);

    // A template's own analysis: of its open buffer when it is open, else of its file (cached while size and time stay).
    private async Task<AnalysisResult?> AnalysisOfAsync(string fullPath, CancellationToken cancellationToken)
    {
        string uri = RepositoryContext.ToUri(fullPath);
        if (workspace().Get(uri) is { } open)
        {
            return await open.GetOwnAnalysisAsync(cancellationToken).ConfigureAwait(false);
        }

        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return null;
        }

        var stamp = (info.LastWriteTimeUtc.Ticks, info.Length);
        if (_files.TryGetValue(fullPath, out var cached) && cached.Stamp == stamp)
        {
            return cached.Analysis;
        }

        string text = Cli.TemplateFiles.Read(fullPath, fullPath).Text;
        AnalysisResult analysis = engine.Analyze(text, repository.OptionsFor(uri, workspace().Settings.Options), cancellationToken);
        _files[fullPath] = (stamp, analysis);
        return analysis;
    }
}

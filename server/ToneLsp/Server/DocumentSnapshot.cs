using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

namespace ToneLsp.Server;

/// <summary>
/// An immutable view of one open document at one version, with its analysis computed at most once.
/// Read requests work on a snapshot while later edits create new ones.
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<Task<AnalysisResult>> _ownAnalysis;
    private readonly Lazy<Task<AnalysisResult>> _analysis;

    /// <summary>Creates a snapshot; the analysis starts on the thread pool on first use.</summary>
    /// <param name="crossDocument">Findings that need other documents (language twins), added to the snapshot's own.</param>
    public DocumentSnapshot(string uri, int version, SourceText text, ServerSettings settings, long generation, ToneEngine engine, ToneOptions? options = null,
                            Func<DocumentSnapshot, AnalysisResult, CancellationToken, Task<IReadOnlyList<ToneDiagnostic>>>? crossDocument = null,
                            DocumentSnapshot? unchangedFrom = null)
    {
        Uri = uri;
        Version = version;
        Text = text;
        Settings = settings;
        Options = options ?? settings.Options;
        Generation = generation;
        Superseded = new CancellationTokenSource();
        // Re-snapshotted because another document changed: the finished analysis of the same text is kept.
        _ownAnalysis = unchangedFrom is { _ownAnalysis: { IsValueCreated: true, Value.IsCompletedSuccessfully: true } finished } &&
                       ReferenceEquals(unchangedFrom.Text, text) && unchangedFrom.Options == Options
            ? finished
            : new Lazy<Task<AnalysisResult>>(
                () => Task.Run(() => engine.Analyze(text.Text, Options, Superseded.Token), Superseded.Token),
                LazyThreadSafetyMode.ExecutionAndPublication);
        _analysis = crossDocument is null ? _ownAnalysis : new Lazy<Task<AnalysisResult>>(
            async () =>
            {
                AnalysisResult own = await _ownAnalysis.Value.ConfigureAwait(false);
                IReadOnlyList<ToneDiagnostic> more = await crossDocument(this, own, Superseded.Token).ConfigureAwait(false);
                return more.Count == 0 ? own : own.WithDiagnostics([.. own.Diagnostics, .. more]);
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The document's URI as the client sent it.</summary>
    public string Uri { get; }

    /// <summary>The client's version number.</summary>
    public int Version { get; }

    /// <summary>The text.</summary>
    public SourceText Text { get; }

    /// <summary>The options the analysis uses: the client's settings with the repository configuration applied.</summary>
    public ToneOptions Options { get; }

    /// <summary>The settings the analysis uses.</summary>
    public ServerSettings Settings { get; }

    /// <summary>A number that grows with every change to any document or the settings; used as the pull-diagnostics result ID.</summary>
    public long Generation { get; }

    /// <summary>Cancelled when a newer snapshot of the same document replaces this one.</summary>
    public CancellationTokenSource Superseded { get; }

    /// <summary>
    /// The analysis of this snapshot, computed once. Waiting does not hold a thread, so requests that
    /// wait for a long analysis neither starve the thread pool nor ignore their cancellation.
    /// </summary>
    public Task<AnalysisResult> GetAnalysisAsync(CancellationToken cancellationToken = default) => _analysis.Value.WaitAsync(cancellationToken);

    /// <summary>The analysis of this document alone, without the findings that compare it with others.</summary>
    public Task<AnalysisResult> GetOwnAnalysisAsync(CancellationToken cancellationToken = default) => _ownAnalysis.Value.WaitAsync(cancellationToken);

    /// <summary>Whether the analysis has been computed.</summary>
    public bool IsAnalyzed => _analysis.IsValueCreated && _analysis.Value.IsCompletedSuccessfully;
}

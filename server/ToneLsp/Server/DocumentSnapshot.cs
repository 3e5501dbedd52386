using ToneLsp.Core.Analysis;
using ToneLsp.Core.Text;

namespace ToneLsp.Server;

/// <summary>
/// An immutable view of one open document at one version, with its analysis computed at most once.
/// Read requests work on a snapshot while later edits create new ones.
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<Task<AnalysisResult>> _analysis;

    /// <summary>Creates a snapshot; the analysis starts on the thread pool on first use.</summary>
    public DocumentSnapshot(string uri, int version, SourceText text, ServerSettings settings, long generation, ToneEngine engine, ToneOptions? options = null)
    {
        Uri = uri;
        Version = version;
        Text = text;
        Settings = settings;
        Options = options ?? settings.Options;
        Generation = generation;
        Superseded = new CancellationTokenSource();
        _analysis = new Lazy<Task<AnalysisResult>>(
            () => Task.Run(() => engine.Analyze(text.Text, Options, Superseded.Token), Superseded.Token),
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

    /// <summary>Whether the analysis has been computed.</summary>
    public bool IsAnalyzed => _analysis.IsValueCreated && _analysis.Value.IsCompletedSuccessfully;
}

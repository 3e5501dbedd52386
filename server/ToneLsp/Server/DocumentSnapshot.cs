using ToneLsp.Core.Analysis;
using ToneLsp.Core.Text;
using ToneLsp.Core.Workspaces;

namespace ToneLsp.Server;

/// <summary>
/// An immutable view of one open document at one version, over the core workspace's snapshot of that moment, with
/// its analysis computed at most once. Read requests work on a snapshot while later edits create new ones.
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<Task<AnalysisResult>> _analysis;
    private readonly Lazy<ToneOptions> _options;
    private readonly Lazy<string> _resultId;

    /// <summary>Creates a snapshot; the analysis starts on the thread pool on first use.</summary>
    /// <param name="isConfiguration">Whether the document is a <c>.tonelsp.yaml</c>, an input of the workspace but not a template.</param>
    public DocumentSnapshot(string uri, string path, int version, SourceText text, ServerSettings settings, WorkspaceSnapshot inputs, bool isConfiguration = false)
    {
        Uri = uri;
        Path = path;
        Version = version;
        Text = text;
        Settings = settings;
        Inputs = inputs;
        _options = new(() => isConfiguration ? settings.Options : inputs.OptionsFor(path), LazyThreadSafetyMode.ExecutionAndPublication);
        Superseded = new CancellationTokenSource();
        CancellationToken token = Superseded.Token;

        // Nothing is computed on the notification thread. The core caches analyses by the versions of their inputs: a
        // document re-snapshotted because another input changed gets the finished analysis back when nothing it depends on did.
        _analysis = new Lazy<Task<AnalysisResult>>(
            () => Task.Run(() => isConfiguration ? inputs.Engine.Analyze(text.Text, Options, token) : inputs.AnalyzeWithCrossDocument(path, token)!, token),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _resultId = new(() => settings.ResultIdFor(isConfiguration ? "config-" + inputs.Configurations.GetValueOrDefault(path)?.Stamp : inputs.ResultId(path)),
                        LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The document's URI as the client sent it.</summary>
    public string Uri { get; }

    /// <summary>The document's key in the core workspace: its local path, or its URI when it has none.</summary>
    public string Path { get; }

    /// <summary>The client's version number.</summary>
    public int Version { get; }

    /// <summary>The text.</summary>
    public SourceText Text { get; }

    /// <summary>The core workspace's inputs this snapshot was made with.</summary>
    public WorkspaceSnapshot Inputs { get; }

    /// <summary>The options the analysis uses: the client's settings with the repository configuration applied.</summary>
    public ToneOptions Options => _options.Value;

    /// <summary>The settings the analysis uses.</summary>
    public ServerSettings Settings { get; }

    /// <summary>The pull-diagnostics result ID: it derives from the inputs that produced the findings, configuration included.</summary>
    public string ResultId => _resultId.Value;

    /// <summary>Whether the configuration above the document leaves it out, as the command line would.</summary>
    public bool IsExcluded => Inputs.IsExcluded(Path);

    /// <summary>Cancelled when a newer snapshot of the same document replaces this one.</summary>
    public CancellationTokenSource Superseded { get; }

    /// <summary>
    /// The analysis of this snapshot with the findings that compare it with its twin, computed once. Waiting does not
    /// hold a thread, so requests that wait for a long analysis neither starve the thread pool nor ignore their cancellation.
    /// </summary>
    public Task<AnalysisResult> GetAnalysisAsync(CancellationToken cancellationToken = default) => _analysis.Value.WaitAsync(cancellationToken);

    /// <summary>Whether the analysis has been computed.</summary>
    public bool IsAnalyzed => _analysis.IsValueCreated && _analysis.Value.IsCompletedSuccessfully;
}

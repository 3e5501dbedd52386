using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server;

/// <summary>
/// What the handlers share: the open documents, the repositories around them, what initialize negotiated, and the
/// connection back to the client. Mutating notifications reach it one at a time in arrival order; read requests
/// take their snapshot in that order and then run concurrently (<see cref="ReadAsync"/>).
/// </summary>
internal sealed partial class ServerState
{
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Workspace _workspace;

    /// <summary>Creates the state over the given engine.</summary>
    public ServerState(ToneEngine engine, ILogger logger)
    {
        Engine = engine;
        Logger = logger;
        Repository = new RepositoryContext(logger);
        _workspace = new Workspace(engine, Repository);
    }

    /// <summary>The engine that analyses the templates.</summary>
    public ToneEngine Engine { get; }

    /// <summary>The server's log, which the client shows.</summary>
    public ILogger Logger { get; }

    /// <summary>The open documents.</summary>
    public Workspace Workspace => _workspace;

    /// <summary>The repositories around the open documents.</summary>
    public RepositoryContext Repository { get; }

    /// <summary>The connection to the client, once the server runs.</summary>
    public JsonRpc? Connection { get; set; }

    /// <summary>The negotiated position encoding.</summary>
    public PositionEncoding Encoding { get; set; } = PositionEncoding.Utf16;

    /// <summary>Whether the client pulls diagnostics instead of receiving them.</summary>
    public bool PullDiagnostics { get; set; }

    /// <summary>Whether the client answers workspace/configuration.</summary>
    public bool ConfigurationRequests { get; set; }

    /// <summary>The language of the editor's locale (<c>initialize</c>'s <c>locale</c>), or null when it is neither German nor English.</summary>
    public Core.Documents.Language? EditorLanguage { get; set; }

    /// <summary>Whether the client asked for tonelsp/documentStatus notifications.</summary>
    public bool StatusNotifications { get; set; }

    /// <summary>Whether the client accepts workspace/diagnostic/refresh.</summary>
    public bool DiagnosticRefresh { get; set; }

    /// <summary>Whether the client lets the server register file watchers.</summary>
    public bool WatchedFilesRegistration { get; set; }

    /// <summary>Whether the client's workspace edits can create files.</summary>
    public bool CreateFiles { get; set; }

    /// <summary>Whether the client sent shutdown.</summary>
    public bool IsShutDown { get; set; }

    /// <summary>Completes with the exit code when the client sends exit.</summary>
    public Task<int> Exited => _exit.Task;

    /// <summary>Ends the session with the exit code.</summary>
    public void Exit(int code) => _exit.TrySetResult(code);

    /// <summary>The open templates that compare themselves with this one (language twins) are checked again.</summary>
    public void RecheckTwinsOf(string uri)
    {
        bool any = false;
        foreach (string dependent in Workspace.Core.Current.DependentsOf(Workspace.PathOf(uri)))
        {
            if (Workspace.Refresh(RepositoryContext.ToUri(dependent)) is { } refreshed)
            {
                ScheduleAnalysis(refreshed);
                any = true;
            }
        }

        if (any)
        {
            RequestDiagnosticRefresh();
        }
    }

    /// <summary>
    /// The preamble the read requests share: the named document's current snapshot (null when it is not open or the
    /// request does not apply to it), off the ordered notification context, and its analysis, honouring cancellation.
    /// </summary>
    public async Task<(DocumentSnapshot Snapshot, AnalysisResult Result)?> ReadAsync(string? uri, ReadScope scope, CancellationToken cancellationToken)
    {
        DocumentSnapshot? snapshot = await TakeSnapshotAsync(uri).ConfigureAwait(false);
        if (snapshot is null || (scope == ReadScope.EnabledDocuments ? !snapshot.Settings.Enable : IsConfigurationFile(snapshot.Uri)))
        {
            return null;
        }

        return (snapshot, await AnalyzeAsync(snapshot, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The named document's current snapshot (null when it is not open), taken in order with the notifications; the
    /// request continues off the ordered context, so reads run concurrently. Await it with ConfigureAwait(false).
    /// </summary>
    public async Task<DocumentSnapshot?> TakeSnapshotAsync(string? uri)
    {
        DocumentSnapshot? snapshot = RequireSnapshot(uri);
        await TaskScheduler.Default;
        return snapshot;
    }

    /// <summary>The named document's current snapshot, or null when it is not open; a request that names no document is refused.</summary>
    public DocumentSnapshot? RequireSnapshot(string? uri)
    {
        if (uri is null)
        {
            throw new LocalRpcException("The request names no text document.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        DocumentSnapshot? snapshot = Workspace.Get(uri);
        if (snapshot is null)
        {
            Logger.LogWarning("A request named {Uri}, which is not open.", uri);
        }

        return snapshot;
    }

    /// <summary>The snapshot's analysis; an edit that supersedes the snapshot meanwhile fails the request with ContentModified.</summary>
    public async Task<AnalysisResult> AnalyzeAsync(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            AnalysisResult result = await snapshot.GetAnalysisAsync(cancellationToken).ConfigureAwait(false);
            foreach (string failure in result.Failures)
            {
                Logger.LogError("Analysis of {Uri} partly failed: {Failure}", snapshot.Uri, failure);
            }

            return result;
        }
        catch (OperationCanceledException) when (snapshot.Superseded.IsCancellationRequested)
        {
            throw new LocalRpcException("The document changed while the request ran.") { ErrorCode = LspErrorCodes.ContentModified };
        }
    }

    /// <summary>A template the configuration excludes ("exclude: drafts/**") is not checked in the editor either.</summary>
    public Lsp.Diagnostic[] ToDiagnostics(DocumentSnapshot snapshot, AnalysisResult result) =>
        IsConfigurationFile(snapshot.Uri) ? ConfigurationDiagnostics(snapshot.Text.Text, snapshot.Uri)
        : snapshot.Settings.Enable && !snapshot.IsExcluded ? [.. result.Diagnostics.Select(d => ProtocolConversion.ToDiagnostic(snapshot.Text, d, Encoding))]
        : [];

    /// <summary>Analyses the snapshot in the background and publishes its findings, unless a newer version replaced it.</summary>
    public void ScheduleAnalysis(DocumentSnapshot snapshot)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                if (snapshot.Superseded.IsCancellationRequested)
                {
                    return;
                }

                AnalysisResult result = await snapshot.GetAnalysisAsync().ConfigureAwait(false);
                foreach (string failure in result.Failures)
                {
                    Logger.LogError("Analysis of {Uri} partly failed: {Failure}", snapshot.Uri, failure);
                }

                await _publishGate.WaitAsync(snapshot.Superseded.Token).ConfigureAwait(false);
                try
                {
                    if (Workspace.Get(snapshot.Uri) != snapshot)
                    {
                        return;
                    }

                    if (!PullDiagnostics)
                    {
                        await NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(snapshot.Uri, snapshot.Version, ToDiagnostics(snapshot, result))).ConfigureAwait(false);
                    }

                    if (StatusNotifications && !IsConfigurationFile(snapshot.Uri))
                    {
                        await NotifyAsync("tonelsp/documentStatus", Status(snapshot, result)).ConfigureAwait(false);
                    }

                    await PublishConfigurationErrorsAsync(snapshot.Uri).ConfigureAwait(false);
                }
                finally
                {
                    _publishGate.Release();
                }
            }
            catch (OperationCanceledException)
            {
                // A newer version of the document replaced this one.
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Logger.LogError(exception, "Analysis of {Uri} failed.", snapshot.Uri);
            }
        });
    }

    /// <summary>Sends diagnostics in turn with the background publications.</summary>
    public async Task PublishAsync(PublishDiagnosticsParams parameters)
    {
        await _publishGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await NotifyAsync("textDocument/publishDiagnostics", parameters).ConfigureAwait(false);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    /// <summary>Sends a notification to the client; a lost connection is only logged.</summary>
    public async Task NotifyAsync(string method, object parameters)
    {
        if (Connection is not { IsDisposed: false } rpc)
        {
            return;
        }

        try
        {
            await rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConnectionLostException or ObjectDisposedException or IOException)
        {
            Logger.LogDebug("Could not send {Method}: {Error}", method, exception.Message);
        }
    }

    /// <summary>Asks the client for its "tonelsp" settings and applies them.</summary>
    public async Task PullConfigurationAsync()
    {
        if (Connection is not { IsDisposed: false } rpc)
        {
            return;
        }

        try
        {
            JsonElement[] sections = await rpc.InvokeWithParameterObjectAsync<JsonElement[]>(
                "workspace/configuration", new ConfigurationParams([new ConfigurationItem(null, "tonelsp")])).ConfigureAwait(false);
            if (sections is [{ ValueKind: JsonValueKind.Object } section, ..])
            {
                ApplySettings(section);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Logger.LogWarning("Could not read the client's settings: {Error}", exception.Message);
        }
    }

    /// <summary>Applies new editor settings and checks the open documents again.</summary>
    public void ApplySettings(JsonElement settings)
    {
        var warnings = new List<string>();
        ServerSettings parsed = ServerSettings.Parse(settings, warnings, EditorLanguage);
        foreach (string warning in warnings)
        {
            Logger.LogWarning("{Warning}", warning);
        }

        foreach (DocumentSnapshot snapshot in Workspace.UpdateSettings(parsed))
        {
            ScheduleAnalysis(snapshot);
        }

        RequestDiagnosticRefresh();
    }

    /// <summary>Pulling clients keep their last results until asked: after settings or configuration change, ask them to pull again.</summary>
    public void RequestDiagnosticRefresh()
    {
        if (!PullDiagnostics || !DiagnosticRefresh || Connection is not { IsDisposed: false } rpc)
        {
            return;
        }

        _ = rpc.InvokeWithParameterObjectAsync<JsonElement>("workspace/diagnostic/refresh", null).ContinueWith(
            task => Logger.LogDebug("The client did not refresh its diagnostics: {Error}", task.Exception?.GetBaseException().Message),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private static DocumentStatusParams Status(DocumentSnapshot snapshot, AnalysisResult result) => new(
        snapshot.Uri,
        snapshot.Version,
        result.Document.Language == Core.Documents.Language.German ? "de" : "en",
        result.Input.ReplyAddress.Form.ToName(),
        result.Input.CustomerAddress?.Form.ToName(),
        result.Input.TargetAddress is AddressForm.None ? null : result.Input.TargetAddress.ToName(),
        snapshot.Settings.Enable ? result.Diagnostics.Count(d => d.Severity != DiagnosticSeverity.Hint) : 0,
        Core.Diagnostics.Messages.Code(result.Input.MessageLanguage),
        StatusText(result, snapshot.Settings.Enable ? result.Diagnostics.Count(d => d.Severity != DiagnosticSeverity.Hint) : 0),
        Core.Tonality.RegisterDetector.ToName(result.Input.ReplyRegister.Register),
        result.Input.CustomerRegister is { } customer ? Core.Tonality.RegisterDetector.ToName(customer.Register) : null);

    // "Anrede: Sie · 2 Befunde" / "Address: sie · 2 findings", in the document's message language.
    private static string StatusText(AnalysisResult result, int findings)
    {
        Core.Documents.Language language = result.Input.MessageLanguage;
        string count = (findings == 1 ? Cli.CliText.OneFinding : Cli.CliText.ManyFindings).Format(language, findings);
        return result.Document.Language == Core.Documents.Language.German
            ? Cli.CliText.LensAddress.Format(language, Cli.CliText.AddressName(result.Input.ReplyAddress.Form, language)) + " · " + count
            : count;
    }
}

/// <summary>Which open documents a read request applies to.</summary>
internal enum ReadScope
{
    /// <summary>Every open document while checking is enabled.</summary>
    EnabledDocuments,

    /// <summary>Open templates, not configuration files.</summary>
    Templates,
}

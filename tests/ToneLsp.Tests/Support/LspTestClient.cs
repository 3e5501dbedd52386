using System.Text.Json;
using System.Text.Json.Nodes;
using StreamJsonRpc;
using ToneLsp.Protocol;
using ToneLsp.Server;

namespace ToneLsp.Tests.Support;

/// <summary>
/// A language client for tests, built like a real one on StreamJsonRpc with LSP's header framing.
/// It records what the server pushes (diagnostics, status, log messages), answers
/// <c>workspace/configuration</c> and offers one method per LSP message the tests need.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    private readonly InProcessServer _host;
    private readonly JsonRpc _rpc;

    private LspTestClient()
    {
        _host = InProcessServer.Start();
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(_host.ClientStream, formatter));
        _rpc.AddLocalRpcTarget(new ClientTarget(this));
        _rpc.Disconnected += (_, e) => CloseInboxes($"the connection ended ({e.Reason}: {e.Description})");
        _rpc.StartListening();
    }

    /// <summary>Every <c>textDocument/publishDiagnostics</c> received.</summary>
    public Inbox<PublishDiagnosticsParams> PublishedDiagnostics { get; } = new();

    /// <summary>Every <c>tonelsp/documentStatus</c> received.</summary>
    public Inbox<DocumentStatusParams> Statuses { get; } = new();

    /// <summary>Every <c>window/logMessage</c> received.</summary>
    public Inbox<LogMessageParams> LogMessages { get; } = new();

    /// <summary>Every <c>workspace/configuration</c> request received.</summary>
    public Inbox<ConfigurationParams> ConfigurationRequests { get; } = new();

    /// <summary>Requests to pull diagnostics again (<c>workspace/diagnostic/refresh</c>).</summary>
    public Inbox<bool> DiagnosticRefreshes { get; } = new();

    /// <summary>Edits the server asked the client to apply (<c>workspace/applyEdit</c>).</summary>
    public Inbox<ApplyWorkspaceEditParams> AppliedEdits { get; } = new();

    /// <summary>When set, <c>workspace/applyEdit</c> is answered with an error carrying this message.</summary>
    public string? RefuseEdits { get; set; }

    /// <summary>The settings returned for a <c>workspace/configuration</c> section; none by default.</summary>
    public Func<string?, JsonNode?> Settings { get; set; } = _ => null;

    /// <summary>The server under test.</summary>
    public ToneLanguageServer Server => _host.Server;

    /// <summary>Starts a server and a client that has not sent <c>initialize</c> yet.</summary>
    public static LspTestClient StartUninitialized() => new();

    /// <summary>Starts a server and completes the initialize handshake.</summary>
    public static async Task<LspTestClient> StartAsync(ClientSetup? setup = null)
    {
        var client = new LspTestClient();
        try
        {
            await client.InitializeAsync(setup ?? ClientSetup.Minimal);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <c>initialize</c> and <c>initialized</c>; returns the raw initialize result.</summary>
    public async Task<JsonElement> InitializeAsync(ClientSetup setup)
    {
        JsonElement result = await RequestAsync<JsonElement>("initialize", setup.ToInitializeParams());
        await NotifyAsync("initialized", new JsonObject());
        return result;
    }

    /// <summary>
    /// Sends a request and returns its result. A JSON-RPC error throws a <see cref="RemoteRpcException"/>:
    /// <see cref="RemoteMethodNotFoundException"/> for MethodNotFound and InvalidParams, else <see cref="RemoteInvocationException"/>.
    /// </summary>
    public Task<T> RequestAsync<T>(string method, object parameters, CancellationToken cancellationToken = default) =>
        _rpc.InvokeWithParameterObjectAsync<T>(method, parameters, cancellationToken).WaitAsync(TestTimeouts.Default, CancellationToken.None);

    /// <summary>Sends a notification.</summary>
    public Task NotifyAsync(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary>Opens a document.</summary>
    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", version, text)));

    /// <summary>Opens a document and waits for its diagnostics.</summary>
    public async Task<Diagnostic[]> OpenAndWaitAsync(string uri, string text, int version = 1)
    {
        await OpenAsync(uri, text, version);
        return (await WaitForDiagnosticsAsync(uri, version)).Diagnostics;
    }

    /// <summary>Sends incremental (or, without a range, full) changes.</summary>
    public Task ChangeAsync(string uri, int version, params TextDocumentContentChangeEvent[] changes) =>
        NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), changes));

    /// <summary>Replaces the whole text.</summary>
    public Task ReplaceAsync(string uri, int version, string text) => ChangeAsync(uri, version, new TextDocumentContentChangeEvent(null, null, text));

    /// <summary>Closes a document.</summary>
    public Task CloseAsync(string uri) => NotifyAsync("textDocument/didClose", new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));

    /// <summary>Waits for diagnostics of a document at a version (null: after close) that satisfy an optional condition.</summary>
    public Task<PublishDiagnosticsParams> WaitForDiagnosticsAsync(string uri, int? version, Func<Diagnostic[], bool>? condition = null, int since = 0) =>
        PublishedDiagnostics.WaitForAsync(
            p => p.Uri == uri && p.Version == version && (condition is null || condition(p.Diagnostics)),
            $"diagnostics for {uri} at version {version?.ToString() ?? "null"}{(condition is null ? string.Empty : " meeting the condition")}",
            since);

    /// <summary>Asks for code actions in a range, optionally limited to some kinds.</summary>
    public Task<CodeAction[]> CodeActionsAsync(string uri, Protocol.Range range, Diagnostic[]? diagnostics = null, string[]? only = null) =>
        RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(diagnostics ?? [], only, null)));

    /// <summary>Asks for the hover at a position.</summary>
    public Task<Hover?> HoverAsync(string uri, Position position, CancellationToken cancellationToken = default) =>
        RequestAsync<Hover?>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), position), cancellationToken);

    /// <summary>Pulls a document's diagnostics.</summary>
    public Task<DocumentDiagnosticReport> PullDiagnosticsAsync(string uri, string? previousResultId = null) =>
        RequestAsync<DocumentDiagnosticReport>("textDocument/diagnostic", new DocumentDiagnosticParams(new TextDocumentIdentifier(uri), null, previousResultId));

    /// <summary>
    /// Sends a cheap request and waits for its answer. The server handles messages in order, so
    /// afterwards every notification sent before has been applied.
    /// </summary>
    public Task SyncAsync() => HoverAsync(Samples.Uri("sync"), new Position(0, 0));

    /// <summary>The text the server holds for a document, or null when it is not open.</summary>
    public string? ServerText(string uri) => Server.Workspace.Get(uri)?.Text.Text;

    /// <summary>Sends <c>shutdown</c> and <c>exit</c> and returns the server's exit code.</summary>
    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestAsync<JsonElement>("shutdown", new JsonObject());
        await NotifyAsync("exit", new JsonObject());
        return await _host.WaitForExitAsync();
    }

    /// <summary>Sends <c>exit</c> alone and returns the server's exit code.</summary>
    public async Task<int> ExitAsync()
    {
        await NotifyAsync("exit", new JsonObject());
        return await _host.WaitForExitAsync();
    }

    /// <summary>Disconnects and waits for the server to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        await _host.DisposeAsync();
    }

    // Waits that can no longer succeed fail at once instead of at their timeout.
    private void CloseInboxes(string reason)
    {
        PublishedDiagnostics.Close(reason);
        Statuses.Close(reason);
        LogMessages.Close(reason);
        ConfigurationRequests.Close(reason);
        AppliedEdits.Close(reason);
        DiagnosticRefreshes.Close(reason);
    }

    // The methods the server calls on the client.
    private sealed class ClientTarget(LspTestClient client)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(PublishDiagnosticsParams parameters) => client.PublishedDiagnostics.Add(parameters);

        [JsonRpcMethod("tonelsp/documentStatus", UseSingleObjectParameterDeserialization = true)]
        public void DocumentStatus(DocumentStatusParams parameters) => client.Statuses.Add(parameters);

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(LogMessageParams parameters) => client.LogMessages.Add(parameters);

        [JsonRpcMethod("workspace/diagnostic/refresh")]
        public object? DiagnosticRefresh()
        {
            client.DiagnosticRefreshes.Add(true);
            return null;
        }

        [JsonRpcMethod("workspace/applyEdit", UseSingleObjectParameterDeserialization = true)]
        public object ApplyEdit(ApplyWorkspaceEditParams parameters)
        {
            client.AppliedEdits.Add(parameters);
            return client.RefuseEdits is { } reason ? throw new LocalRpcException(reason) { ErrorCode = -32803 } : new { applied = true };
        }

        [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
        public JsonNode?[] Configuration(ConfigurationParams parameters)
        {
            client.ConfigurationRequests.Add(parameters);
            return [.. parameters.Items.Select(item => client.Settings(item.Section))];
        }
    }
}

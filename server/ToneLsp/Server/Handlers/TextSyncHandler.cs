using System.Text.Json;
using Microsoft.Extensions.Logging;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>The text synchronisation notifications: open, change, close and save.</summary>
internal sealed class TextSyncHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods =>
    [
        new("textDocument/didOpen", Mutates: true, DidOpen),
        new("textDocument/didChange", Mutates: true, DidChange),
        new("textDocument/didClose", Mutates: true, DidClose),
        new("textDocument/didSave", Mutates: true, DidSave),
    ];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) =>
        capabilities with { TextDocumentSync = new TextDocumentSyncOptions(true, TextDocumentSyncKind.Incremental, new SaveOptions(false)) };

    /// <summary>LSP textDocument/didOpen.</summary>
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (parameters?.TextDocument is not { Uri: { } uri } document)
        {
            return;
        }

        DocumentSnapshot snapshot = _state.Workspace.Open(uri, document.Version, document.Text ?? string.Empty);
        // The twins first: finding them parses the new text once, on this thread, and the analysis then reuses that parse.
        _state.RecheckTwinsOf(uri);
        _state.ScheduleAnalysis(snapshot);
    }

    /// <summary>LSP textDocument/didChange, full or incremental.</summary>
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (parameters?.TextDocument is not { Uri: { } uri } document)
        {
            return;
        }

        var changes = (parameters.ContentChanges ?? []).Where(c => c is not null)
            .Select(c => (c.Range is { } r ? new LineRange(ProtocolConversion.FromPosition(r.Start), ProtocolConversion.FromPosition(r.End)) : (LineRange?)null, c.Text));
        DocumentSnapshot? snapshot = _state.Workspace.Change(uri, document.Version, changes, _state.Encoding);
        if (snapshot is null)
        {
            _state.Logger.LogWarning("Ignored a change to {Uri}, which is not open.", uri);
            return;
        }

        // The twins first: finding them parses the new text once, on this thread, and the analysis then reuses that parse.
        _state.RecheckTwinsOf(uri);
        _state.ScheduleAnalysis(snapshot);
    }

    /// <summary>LSP textDocument/didClose.</summary>
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        if (parameters?.TextDocument?.Uri is not { } uri)
        {
            return;
        }

        if (_state.Workspace.Close(uri) && !_state.PullDiagnostics)
        {
            _ = _state.PublishAsync(new PublishDiagnosticsParams(uri, null, []));
        }

        // The twin now compares itself with the file on disk instead of the closed buffer.
        _state.RecheckTwinsOf(uri);
    }

    /// <summary>LSP textDocument/didSave: nothing to do, analysis follows the edits.</summary>
    public void DidSave(JsonElement? parameters) => _ = parameters;
}

using StreamJsonRpc;
using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>textDocument/diagnostic: the findings of an open document, for clients that pull diagnostics.</summary>
internal sealed class DocumentDiagnosticHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("textDocument/diagnostic", Mutates: false, DocumentDiagnosticAsync)];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) =>
        _state.PullDiagnostics ? capabilities with { DiagnosticProvider = new DiagnosticOptions("tonelsp", InterFileDependencies: true, WorkspaceDiagnostics: false) } : capabilities;

    /// <summary>LSP textDocument/diagnostic (pull diagnostics).</summary>
    public async Task<DocumentDiagnosticReport> DocumentDiagnosticAsync(DocumentDiagnosticParams parameters, CancellationToken cancellationToken)
    {
        DocumentSnapshot? snapshot = await _state.TakeSnapshotAsync(parameters?.TextDocument?.Uri).ConfigureAwait(false);

        // A pull is about the document as it is now: when an edit or a settings change supersedes the snapshot
        // during the analysis, answer for the newer one instead of failing the request.
        for (int attempt = 0; snapshot is not null; attempt++)
        {
            string resultId = snapshot.ResultId;
            if (parameters!.PreviousResultId == resultId)
            {
                return new DocumentDiagnosticReport("unchanged", resultId, null);
            }

            try
            {
                return new DocumentDiagnosticReport("full", resultId, _state.ToDiagnostics(snapshot, await _state.AnalyzeAsync(snapshot, cancellationToken).ConfigureAwait(false)));
            }
            catch (LocalRpcException) when (attempt < 5 && _state.Workspace.Get(snapshot.Uri) is { } newer && newer != snapshot && !cancellationToken.IsCancellationRequested)
            {
                snapshot = newer;
            }
        }

        return new DocumentDiagnosticReport("full", null, []);
    }
}

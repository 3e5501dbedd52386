using Microsoft.VisualStudio.Threading;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Workspaces;
using ToneLsp.Protocol;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>workspace/diagnostic: the findings of every template in the workspace folders that is not open.</summary>
internal sealed class WorkspaceDiagnosticHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("workspace/diagnostic", Mutates: false, WorkspaceDiagnosticAsync)];

    /// <inheritdoc />
    /// <remarks>Workspace diagnostics extend the pull diagnostics that <see cref="DocumentDiagnosticHandler"/> announces.</remarks>
    public ServerCapabilities Contribute(ServerCapabilities capabilities) =>
        capabilities.DiagnosticProvider is { } provider ? capabilities with { DiagnosticProvider = provider with { WorkspaceDiagnostics = true } } : capabilities;

    /// <summary>
    /// LSP workspace/diagnostic: findings for every template of the workspace that is not open, from the core
    /// workspace's snapshot. The disk is an input like the others: the pull first reads the templates whose size or
    /// time changed (a client without file watchers sees changes too), and a template whose inputs have the versions of
    /// the client's previous result is reported unchanged without analysis.
    /// </summary>
    public async Task<WorkspaceDiagnosticReport> WorkspaceDiagnosticAsync(WorkspaceDiagnosticParams? parameters, CancellationToken cancellationToken)
    {
        await TaskScheduler.Default;
        var previous = (parameters?.PreviousResultIds ?? []).ToDictionary(p => p.Uri, p => p.Value, StringComparer.Ordinal);
        var items = new List<WorkspaceDocumentDiagnosticReport>();
        WorkspaceSnapshot snapshot = _state.Workspace.SyncWithDisk(cancellationToken);
        ServerSettings settings = _state.Workspace.Settings;
        foreach (WorkspaceDocument template in snapshot.Files.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string uri = RepositoryContext.ToUri(template.Path);
            if (_state.Workspace.Get(uri) is not null || snapshot.IsExcluded(template.Path))
            {
                continue;
            }

            string resultId = settings.ResultIdFor(snapshot.ResultId(template.Path));
            if (previous.TryGetValue(uri, out string? known) && known == resultId)
            {
                items.Add(new WorkspaceDocumentDiagnosticReport("unchanged", uri, null, resultId, null));
                continue;
            }

            AnalysisResult result = snapshot.AnalyzeWithCrossDocument(template.Path, cancellationToken)!;
            Lsp.Diagnostic[] diagnostics = settings.Enable ? [.. result.Diagnostics.Select(d => ProtocolConversion.ToDiagnostic(template.Text, d, _state.Encoding))] : [];
            items.Add(new WorkspaceDocumentDiagnosticReport("full", uri, null, resultId, diagnostics));
        }

        // The configuration files themselves, so a broken .tonelsp.yaml shows before any template is opened.
        foreach (ConfigurationInput file in snapshot.Configurations.Values.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            string uri = RepositoryContext.ToUri(file.Path);
            if (_state.Workspace.Get(uri) is not null)
            {
                continue;
            }

            string resultId = "config-" + file.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
            items.Add(previous.TryGetValue(uri, out string? known) && known == resultId
                ? new WorkspaceDocumentDiagnosticReport("unchanged", uri, null, resultId, null)
                : new WorkspaceDocumentDiagnosticReport("full", uri, null, resultId, _state.ConfigurationDiagnostics(file.Text, uri)));
        }

        return new WorkspaceDiagnosticReport([.. items]);
    }
}

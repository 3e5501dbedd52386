using Microsoft.Extensions.Logging;
using ToneLsp.Protocol;
using ToneLsp.Repository;

namespace ToneLsp.Server.Handlers;

/// <summary>workspace/didChangeWatchedFiles: configuration files and templates changed on disk (registered dynamically at initialized).</summary>
internal sealed class WatchedFilesHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("workspace/didChangeWatchedFiles", Mutates: true, DidChangeWatchedFiles)];

    // The LSP file change type of a deletion.
    private const int Deleted = 3;

    /// <summary>LSP workspace/didChangeWatchedFiles: reloads changed configuration files and re-checks open templates.</summary>
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters)
    {
        if (parameters?.Changes is not { } changes)
        {
            return;
        }

        bool configurationChanged = false;
        bool templatesChanged = false;
        foreach (FileEvent change in changes.Where(c => c?.Uri is not null))
        {
            if (RepositoryContext.LocalPath(change.Uri) is not { } path)
            {
                continue;
            }

            if (ServerState.IsConfigurationFile(change.Uri))
            {
                _state.Workspace.ConfigurationFileChanged(path);
                configurationChanged = true;
            }
            else if (TemplateDiscovery.IsMarkdown(change.Uri))
            {
                // The file's new text goes into the workspace (an open buffer still overrides it), unless the workspace folders
                // or the configuration leave it out.
                bool deleted = change.Type == Deleted || !_state.Repository.IsInWorkspace(path);
                _state.Workspace.SetFile(path, deleted ? null : _state.Repository.TemplateText(path), _state.Repository.DisplayName(path));
                templatesChanged = true;
            }
        }

        // include/exclude may have changed which files the workspace holds.
        if (configurationChanged)
        {
            _state.StartWorkspaceScan();
        }

        if (templatesChanged && !configurationChanged)
        {
            // Another template's placeholder names and twins are inputs of every open template's findings.
            foreach (DocumentSnapshot snapshot in _state.Workspace.Refresh())
            {
                _state.ScheduleAnalysis(snapshot);
            }

            _state.RequestDiagnosticRefresh();
        }

        if (configurationChanged)
        {
            _state.Logger.LogInformation("Configuration changed; checking the open templates again.");
            foreach (DocumentSnapshot snapshot in _state.Workspace.Refresh())
            {
                _state.ScheduleAnalysis(snapshot);
            }

            _state.RequestDiagnosticRefresh();
        }
    }
}

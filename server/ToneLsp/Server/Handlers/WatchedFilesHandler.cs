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
            if (ServerState.IsConfigurationFile(change.Uri) && RepositoryContext.LocalPath(change.Uri) is { } path)
            {
                _state.Repository.Configurations.Invalidate(path);
                configurationChanged = true;
            }
            else if (TemplateDiscovery.IsMarkdown(change.Uri))
            {
                templatesChanged = true;
                if (_state.Workspace.Get(change.Uri) is null)
                {
                    _state.RecheckTwinsOf(change.Uri);
                }
            }
        }

        if (templatesChanged || configurationChanged)
        {
            _state.StartPlaceholderIndex();
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

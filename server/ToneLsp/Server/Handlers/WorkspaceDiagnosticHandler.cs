using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;
using ToneLsp.Repository;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>workspace/diagnostic: the findings of every template in the workspace folders that is not open.</summary>
internal sealed class WorkspaceDiagnosticHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ((long Ticks, long Length) Stamp, string Hash)> _textHashes = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("workspace/diagnostic", Mutates: false, WorkspaceDiagnosticAsync)];

    /// <inheritdoc />
    /// <remarks>Workspace diagnostics extend the pull diagnostics that <see cref="DocumentDiagnosticHandler"/> announces.</remarks>
    public ServerCapabilities Contribute(ServerCapabilities capabilities) =>
        capabilities.DiagnosticProvider is { } provider ? capabilities with { DiagnosticProvider = provider with { WorkspaceDiagnostics = true } } : capabilities;

    /// <summary>LSP workspace/diagnostic: findings for every template in the workspace folders, open or not.</summary>
    public async Task<WorkspaceDiagnosticReport> WorkspaceDiagnosticAsync(WorkspaceDiagnosticParams? parameters, CancellationToken cancellationToken)
    {
        await TaskScheduler.Default;
        var previous = (parameters?.PreviousResultIds ?? []).ToDictionary(p => p.Uri, p => p.Value, StringComparer.Ordinal);
        var items = new List<WorkspaceDocumentDiagnosticReport>();
        var configurationFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TemplatePath template in _state.Repository.Templates())
        {
            configurationFiles.UnionWith(_state.Repository.ConfigurationFor(RepositoryContext.ToUri(template.FullPath)).Files);
            cancellationToken.ThrowIfCancellationRequested();
            string uri = RepositoryContext.ToUri(template.FullPath);
            if (_state.Workspace.Get(uri) is not null)
            {
                continue;
            }

            // A file whose size and time are as at the last pull is not read again to learn that it is unchanged.
            var info = new FileInfo(template.FullPath);
            var stamp = (info.Exists ? info.LastWriteTimeUtc.Ticks : 0, info.Exists ? info.Length : -1);
            string? text = null;
            if (!_textHashes.TryGetValue(template.FullPath, out var cached) || cached.Stamp != stamp)
            {
                if ((text = TryReadTemplate(template)) is null)
                {
                    continue;
                }

                cached = (stamp, TextHash(text));
                _textHashes[template.FullPath] = cached;
            }

            string resultId = ResultId(cached.Hash, _state.Repository.ConfigurationFor(uri), _state.Workspace.Settings);
            if (previous.TryGetValue(uri, out string? known) && known == resultId)
            {
                items.Add(new WorkspaceDocumentDiagnosticReport("unchanged", uri, null, resultId, null));
                continue;
            }

            text ??= TryReadTemplate(template);
            if (text is null)
            {
                continue;
            }

            var source = new SourceText(text);
            ToneOptions options = _state.Repository.OptionsFor(uri, _state.Workspace.Settings.Options);
            AnalysisResult result = _state.Engine.Analyze(text, options, cancellationToken);
            Lsp.Diagnostic[] diagnostics = _state.Workspace.Settings.Enable ? [.. result.Diagnostics.Select(d => ProtocolConversion.ToDiagnostic(source, d, _state.Encoding))] : [];
            items.Add(new WorkspaceDocumentDiagnosticReport("full", uri, null, resultId, diagnostics));
        }

        // The configuration files themselves, so a broken .tonelsp.yaml shows before any template is opened.
        foreach (string file in configurationFiles)
        {
            string uri = RepositoryContext.ToUri(file);
            if (_state.Workspace.Get(uri) is not null)
            {
                continue;
            }

            string text;
            try
            {
                text = Cli.TemplateFiles.Read(file, file).Text;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _state.Logger.LogDebug("Cannot read {File}: {Error}", file, exception.Message);
                continue;
            }

            string resultId = TextHash(text);
            items.Add(previous.TryGetValue(uri, out string? known) && known == resultId
                ? new WorkspaceDocumentDiagnosticReport("unchanged", uri, null, resultId, null)
                : new WorkspaceDocumentDiagnosticReport("full", uri, null, resultId, _state.ConfigurationDiagnostics(text, uri)));
        }

        return new WorkspaceDiagnosticReport([.. items]);
    }

    private string? TryReadTemplate(TemplatePath template)
    {
        try
        {
            return Cli.TemplateFiles.Read(template.FullPath, template.DisplayPath).Text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _state.Logger.LogDebug("Skipped {Path}: {Error}", template.DisplayPath, exception.Message);
            return null;
        }
    }

    // A pull result ID derives from every input of the result: the text, the configuration files that apply (a change
    // to .tonelsp.yaml must not be answered with "unchanged"), and the editor settings.
    private static string ResultId(string textHash, ResolvedConfiguration configuration, ServerSettings settings)
    {
        var input = new System.Text.StringBuilder(256).Append(textHash).Append('\0').Append(settings.GetHashCode());
        foreach (string file in configuration.Files)
        {
            var info = new FileInfo(file);
            input.Append('\0').Append(file).Append('\0').Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append(':').Append(info.Exists ? info.Length : 0);
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(input.ToString())));
    }

    private static string TextHash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}

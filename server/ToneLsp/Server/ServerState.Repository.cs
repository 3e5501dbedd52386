using System.Text.Json;
using Microsoft.Extensions.Logging;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server;

/// <summary>The shared repository features: configuration files, their errors, file watchers and the placeholder index.</summary>
internal sealed partial class ServerState
{
    private readonly Dictionary<string, int> _publishedConfigurations = new(StringComparer.Ordinal);
    private CancellationTokenSource _indexing = new();

    /// <summary>Whether the URI names a .tonelsp.yaml.</summary>
    public static bool IsConfigurationFile(string uri) => uri.EndsWith("/" + ConfigurationParser.FileName, StringComparison.Ordinal) || uri == ConfigurationParser.FileName;

    /// <summary>Errors of a configuration file as diagnostics on that file.</summary>
    public Lsp.Diagnostic[] ConfigurationDiagnostics(string text, string uri)
    {
        var source = new SourceText(text);
        var (_, errors) = ConfigurationParser.Parse(text, RepositoryContext.LocalPath(uri) ?? uri);
        return [.. errors.Select(e => ConfigurationDiagnostic(source, e))];
    }

    /// <summary>Asks the client to watch the configuration files and templates, when it allows dynamic registration.</summary>
    public async Task RegisterFileWatchersAsync()
    {
        if (!WatchedFilesRegistration || Connection is not { IsDisposed: false } rpc)
        {
            return;
        }

        try
        {
            var watchers = new DidChangeWatchedFilesRegistrationOptions([new Lsp.FileSystemWatcher("**/" + ConfigurationParser.FileName), new Lsp.FileSystemWatcher("**/*.md")]);
            await rpc.InvokeWithParameterObjectAsync<JsonElement>("client/registerCapability",
                new RegistrationParams([new Registration("tonelsp-watched-files", "workspace/didChangeWatchedFiles", watchers)])).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Logger.LogWarning("Could not register file watchers: {Error}", exception.Message);
        }
    }

    /// <summary>
    /// Reads the workspace folders' templates into the core workspace in the background (placeholder names, twins and
    /// workspace diagnostics come from there) and checks the open templates again; a newer run cancels an older one.
    /// </summary>
    public void StartWorkspaceScan()
    {
        if (Repository.Roots.Count == 0)
        {
            return;
        }

        var cancellation = new CancellationTokenSource();
        Interlocked.Exchange(ref _indexing, cancellation).Cancel();
        _ = Task.Run(() =>
        {
            try
            {
                Workspace.SetScannedFiles(Repository.ScanTemplates(cancellation.Token));
                foreach (DocumentSnapshot snapshot in Workspace.Refresh())
                {
                    ScheduleAnalysis(snapshot);
                }

                PublishWorkspaceConfigurationErrorsAsync(cancellation.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // A newer index run replaced this one.
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Logger.LogWarning("Scanning the workspace's templates failed: {Error}", exception.Message);
            }
        });
    }

    private Lsp.Diagnostic ConfigurationDiagnostic(SourceText source, ConfigurationError error)
    {
        int start = source.GetOffset(new LinePosition(Math.Max(0, error.Line - 1), Math.Max(0, error.Column - 1)));
        int end = source.GetLineContentEnd(source.GetLineNumber(start));
        return new Lsp.Diagnostic
        {
            Range = ProtocolConversion.ToRange(source, TextSpan.FromBounds(start, Math.Max(start, end)), Encoding),
            Severity = (int)DiagnosticSeverity.Error,
            Code = "config",
            Source = ProtocolConversion.Source,
            Message = error.MessageIn(ConfigurationLanguage),
        };
    }

    // A configuration file has no template language: the tonelsp.messages setting, else the editor's locale, else English.
    private Core.Documents.Language ConfigurationLanguage => Workspace.Settings.Options.Messages switch
    {
        Core.Diagnostics.MessageChoice.German => Core.Documents.Language.German,
        Core.Diagnostics.MessageChoice.English => Core.Documents.Language.English,
        _ => EditorLanguage ?? Core.Documents.Language.English,
    };

    // Configuration files with errors get diagnostics even when they are not open, so a broken file is never silent.
    private async Task PublishConfigurationErrorsAsync(string templateUri)
    {
        ResolvedConfiguration resolved = Repository.ConfigurationFor(templateUri);
        foreach (string file in resolved.Files)
        {
            string uri = RepositoryContext.ToUri(file);
            if (Workspace.Get(uri) is not null)
            {
                continue;
            }

            var errors = resolved.Errors.Where(e => e.Source == file).ToList();
            int signature = string.Join("\n", errors).GetHashCode(StringComparison.Ordinal);
            lock (_publishedConfigurations)
            {
                if (_publishedConfigurations.TryGetValue(uri, out int previous) && previous == signature)
                {
                    continue;
                }

                _publishedConfigurations[uri] = signature;
            }

            string text;
            try
            {
                text = Cli.TemplateFiles.Read(file, file).Text;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                text = string.Empty;
                Logger.LogDebug("Cannot read {File}: {Error}", file, exception.Message);
            }

            var source = new SourceText(text);
            await NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, [.. errors.Select(e => ConfigurationDiagnostic(source, e))])).ConfigureAwait(false);
        }
    }

    // A broken .tonelsp.yaml shows as soon as the workspace is scanned, not only once a template below it is opened.
    private async Task PublishWorkspaceConfigurationErrorsAsync(CancellationToken cancellationToken)
    {
        var directories = Repository.TemplateDirectories.Concat(Repository.Roots).Distinct(StringComparer.Ordinal).ToList();
        foreach (string directory in directories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _publishGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await PublishConfigurationErrorsAsync(RepositoryContext.ToUri(Path.Combine(directory, "_.md"))).ConfigureAwait(false);
            }
            finally
            {
                _publishGate.Release();
            }
        }
    }
}

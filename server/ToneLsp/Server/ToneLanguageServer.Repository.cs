using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
using ToneLsp.Core.Snippets;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;
using ToneLsp.Repository;
using CoreTextEdit = ToneLsp.Core.Text.TextEdit;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server;

/// <summary>
/// The server's repository features: configuration files (diagnostics, reload, "always accept"), workspace
/// diagnostics, snippet completion and document symbols.
/// </summary>
public sealed partial class ToneLanguageServer
{
    private readonly RepositoryContext _repository;
    private readonly Dictionary<string, int> _publishedConfigurations = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ((long Ticks, long Length) Stamp, string Hash)> _textHashes = new(StringComparer.Ordinal);
    private CancellationTokenSource _indexing = new();
    private bool _watchedFilesRegistration;
    private bool _diagnosticRefresh;
    private bool _createFiles;

    /// <summary>The repositories around the open documents.</summary>
    public RepositoryContext Repository => _repository;

    /// <summary>LSP workspace/didChangeWatchedFiles: reloads changed configuration files and re-checks open templates.</summary>
    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
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
            if (IsConfigurationFile(change.Uri) && RepositoryContext.LocalPath(change.Uri) is { } path)
            {
                _repository.Configurations.Invalidate(path);
                configurationChanged = true;
            }
            else if (TemplateDiscovery.IsMarkdown(change.Uri))
            {
                templatesChanged = true;
                if (_workspace.Get(change.Uri) is null)
                {
                    RecheckTwinsOf(change.Uri);
                }
            }
        }

        if (templatesChanged || configurationChanged)
        {
            StartPlaceholderIndex();
        }

        if (configurationChanged)
        {
            _logger.LogInformation("Configuration changed; checking the open templates again.");
            foreach (DocumentSnapshot snapshot in _workspace.Refresh())
            {
                ScheduleAnalysis(snapshot);
            }

            RequestDiagnosticRefresh();
        }
    }

    // Pulling clients keep their last results until asked: after settings or configuration change, ask them to pull again.
    private void RequestDiagnosticRefresh()
    {
        if (!_pullDiagnostics || !_diagnosticRefresh || _rpc is not { IsDisposed: false } rpc)
        {
            return;
        }

        _ = rpc.InvokeWithParameterObjectAsync<JsonElement>("workspace/diagnostic/refresh", null).ContinueWith(
            task => _logger.LogDebug("The client did not refresh its diagnostics: {Error}", task.Exception?.GetBaseException().Message),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>LSP workspace/diagnostic: findings for every template in the workspace folders, open or not.</summary>
    [JsonRpcMethod("workspace/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public async Task<WorkspaceDiagnosticReport> WorkspaceDiagnosticAsync(WorkspaceDiagnosticParams? parameters, CancellationToken cancellationToken)
    {
        await TaskScheduler.Default;
        var previous = (parameters?.PreviousResultIds ?? []).ToDictionary(p => p.Uri, p => p.Value, StringComparer.Ordinal);
        var items = new List<WorkspaceDocumentDiagnosticReport>();
        var configurationFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TemplatePath template in _repository.Templates())
        {
            configurationFiles.UnionWith(_repository.ConfigurationFor(RepositoryContext.ToUri(template.FullPath)).Files);
            cancellationToken.ThrowIfCancellationRequested();
            string uri = RepositoryContext.ToUri(template.FullPath);
            if (_workspace.Get(uri) is not null)
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

            string resultId = ResultId(cached.Hash, _repository.ConfigurationFor(uri), _workspace.Settings);
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
            ToneOptions options = _repository.OptionsFor(uri, _workspace.Settings.Options);
            AnalysisResult result = _engine.Analyze(text, options, cancellationToken);
            Lsp.Diagnostic[] diagnostics = _workspace.Settings.Enable ? [.. result.Diagnostics.Select(d => ProtocolConversion.ToDiagnostic(source, d, _encoding))] : [];
            items.Add(new WorkspaceDocumentDiagnosticReport("full", uri, null, resultId, diagnostics));
        }

        // The configuration files themselves, so a broken .tonelsp.yaml shows before any template is opened.
        foreach (string file in configurationFiles)
        {
            string uri = RepositoryContext.ToUri(file);
            if (_workspace.Get(uri) is not null)
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
                _logger.LogDebug("Cannot read {File}: {Error}", file, exception.Message);
                continue;
            }

            string resultId = TextHash(text);
            items.Add(previous.TryGetValue(uri, out string? known) && known == resultId
                ? new WorkspaceDocumentDiagnosticReport("unchanged", uri, null, resultId, null)
                : new WorkspaceDocumentDiagnosticReport("full", uri, null, resultId, ConfigurationDiagnostics(text, uri)));
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
            _logger.LogDebug("Skipped {Path}: {Error}", template.DisplayPath, exception.Message);
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

    // tonelsp.acceptPhrase [path, phrase]: writes a new .tonelsp.yaml that accepts the phrase and checks the open
    // templates again. It never overwrites: a configuration that appeared meanwhile is edited through the quick fix.
    private async Task<object?> AcceptPhraseAsync(JsonElement[]? arguments)
    {
        if (arguments is not [{ ValueKind: JsonValueKind.String } pathArgument, { ValueKind: JsonValueKind.String } phraseArgument] ||
            pathArgument.GetString() is not { } path || Path.GetFileName(path) != ConfigurationParser.FileName || !Path.IsPathRooted(path) ||
            phraseArgument.GetString() is not { Length: > 0 } phrase)
        {
            throw new LocalRpcException($"{Commands.AcceptPhrase} expects [the path of a new {ConfigurationParser.FileName}, the phrase].") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        string quoted = QuotedYaml(phrase);
        try
        {
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            await writer.WriteAsync($"accept:\n  - {quoted}\n").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            string reason = File.Exists(path) ? $"{path} exists now; use the quick fix again to add the phrase to it." : $"{path} could not be written: {exception.Message}";
            await ShowMessageAsync(1, $"ToneLsp did not accept “{phrase}”: {reason}").ConfigureAwait(false);
            throw new LocalRpcException(reason) { ErrorCode = LspErrorCodes.RequestFailed };
        }

        _repository.Configurations.Invalidate(path);
        foreach (DocumentSnapshot snapshot in _workspace.Refresh())
        {
            ScheduleAnalysis(snapshot);
        }

        RequestDiagnosticRefresh();
        await ShowMessageAsync(3, $"ToneLsp accepts “{phrase}” from now on ({path}).").ConfigureAwait(false);
        return null;
    }

    // A YAML double-quoted scalar.
    private static string QuotedYaml(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private async Task ShowMessageAsync(int type, string message)
    {
        try
        {
            await NotifyAsync("window/showMessage", new JsonObjectMessage(type, message)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogDebug("Could not show a message: {Error}", exception.Message);
        }
    }

    private sealed record JsonObjectMessage(int Type, string Message);

    /// <summary>LSP textDocument/completion: the team's snippets (or built-in openers and closings) in the document's language and form of address.</summary>
    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public async Task<CompletionList> CompletionAsync(CompletionParams parameters, CancellationToken cancellationToken)
    {
        if (await ReadAsync(parameters?.TextDocument?.Uri, ReadScope.Templates, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return new CompletionList(false, []);
        }

        AddressForm form = result.Input.RewriteAddress;
        var items = new List<CompletionItem>();
        foreach (Snippet snippet in SnippetsFor(snapshot.Uri).Where(s => s.Language == result.Document.Language))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string body = snippet.Render(form, snapshot.Options.Conversion);
            items.Add(new CompletionItem
            {
                Label = snippet.Prefix,
                Detail = snippet.Description,
                Documentation = new MarkupContent("markdown", "```markdown\n" + snippet.Body + "\n```"),
                InsertText = body,
                FilterText = snippet.Prefix,
                SortText = "0" + snippet.Prefix,
            });
        }

        return new CompletionList(false, [.. items]);
    }

    /// <summary>LSP textDocument/documentSymbol: each heading of a template collection as a symbol, nested by level.</summary>
    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public async Task<DocumentSymbol[]> DocumentSymbolAsync(DocumentSymbolParams parameters, CancellationToken cancellationToken)
    {
        if (await ReadAsync(parameters?.TextDocument?.Uri, ReadScope.Templates, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return [];
        }

        TemplateDocument document = result.Document;
        var headings = document.Blocks.Where(b => b.Kind == ProseBlockKind.Heading && !b.IsQuoted).Select(b => (Block: b, Level: b.HeadingLevel)).ToList();
        var symbols = new List<SymbolNode>();
        for (int i = 0; i < headings.Count; i++)
        {
            var (block, level) = headings[i];

            // A section runs to the next heading of the same or a higher level.
            int end = document.Source.Length;
            for (int j = i + 1; j < headings.Count; j++)
            {
                if (headings[j].Level <= level)
                {
                    end = headings[j].Block.Span.Start;
                    break;
                }
            }

            while (end > block.Span.End && char.IsWhiteSpace(document.Source.Text[end - 1]))
            {
                end--;
            }

            string name = ProseTokenizer.CollapseWhitespace(document.GetProse(block.Span));
            symbols.Add(new SymbolNode(name.Length == 0 ? "(heading)" : name, level, TextSpan.FromBounds(block.Span.Start, end), block.Span));
        }

        return [.. Nest(symbols, 0, symbols.Count, snapshot.Text)];
    }

    private sealed record SymbolNode(string Name, int Level, TextSpan Range, TextSpan Selection);

    private IEnumerable<DocumentSymbol> Nest(List<SymbolNode> nodes, int from, int to, SourceText text)
    {
        int i = from;
        while (i < to)
        {
            int next = i + 1;
            while (next < to && nodes[next].Level > nodes[i].Level)
            {
                next++;
            }

            DocumentSymbol[] children = [.. Nest(nodes, i + 1, next, text)];
            yield return new DocumentSymbol(nodes[i].Name, null, SymbolKind.String,
                ProtocolConversion.ToRange(text, nodes[i].Range, _encoding), ProtocolConversion.ToRange(text, nodes[i].Selection, _encoding),
                children.Length > 0 ? children : null);
            i = next;
        }
    }

    /// <summary>"Always accept this phrase": a plain text edit that adds the phrase to the nearest .tonelsp.yaml.</summary>
    private CodeAction? AcceptPhraseAction(DocumentSnapshot snapshot, ToneDiagnostic diagnostic, Lsp.Diagnostic wire)
    {
        if (!diagnostic.Properties.ContainsKey(LexiconAnalyzer.PhraseProperty) || RepositoryContext.LocalPath(snapshot.Uri) is not { } path)
        {
            return null;
        }

        string phrase = ProseTokenizer.CollapseWhitespace(snapshot.Text.Slice(diagnostic.Span)).Trim(',', ';', ':', ' ');
        if (phrase.Length == 0)
        {
            return null;
        }

        string title = $"Always accept “{phrase}” (.tonelsp.yaml)";
        string quoted = QuotedYaml(phrase);
        ResolvedConfiguration resolved = _repository.Configurations.For(path);
        if (resolved.Files.Count > 0)
        {
            string file = resolved.Files[0];
            string configUri = RepositoryContext.ToUri(file);
            string text;
            try
            {
                text = _workspace.Get(configUri)?.Text.Text ?? Cli.TemplateFiles.Read(file, file).Text;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _logger.LogDebug("Cannot offer to accept a phrase: {Error}", exception.Message);
                return null;
            }

            var source = new SourceText(text);
            CoreTextEdit edit = AcceptListEdit(source, quoted);
            return new CodeAction
            {
                Title = title,
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = [wire],
                Edit = new WorkspaceEdit(new Dictionary<string, Lsp.TextEdit[]> { [configUri] = ProtocolConversion.ToEdits(source, [edit], _encoding) }),
            };
        }

        // No configuration yet: create one in the workspace folder (or next to the template); when the client cannot
        // create files, the server does it through a command.
        string directory = _repository.Roots.FirstOrDefault(r => path.StartsWith(r, StringComparison.Ordinal)) ?? Path.GetDirectoryName(path)!;
        string newPath = Path.Combine(directory, ConfigurationParser.FileName);
        if (!_createFiles)
        {
            return new CodeAction
            {
                Title = title,
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = [wire],
                Command = new Command(title, Commands.AcceptPhrase, [JsonSerializer.SerializeToElement(newPath), JsonSerializer.SerializeToElement(phrase)]),
            };
        }

        string newUri = RepositoryContext.ToUri(newPath);
        return new CodeAction
        {
            Title = title,
            Kind = CodeActionKinds.QuickFix,
            Diagnostics = [wire],
            Edit = new WorkspaceEdit(null,
            [
                new CreateFile(newUri, new CreateFileOptions(true)),
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(newUri, null), [new Lsp.TextEdit(new Lsp.Range(new Position(0, 0), new Position(0, 0)), $"accept:\n  - {quoted}\n")]),
            ]),
        };
    }

    // Appends to an existing block list under "accept:", into a flow list, or adds the key at the end.
    internal static CoreTextEdit AcceptListEdit(SourceText source, string quoted)
    {
        for (int line = 0; line < source.LineCount; line++)
        {
            string text = source.GetLineText(line);
            if (!text.StartsWith("accept:", StringComparison.Ordinal))
            {
                continue;
            }

            string rest = text["accept:".Length..].Trim();
            if (rest.StartsWith('['))
            {
                int close = source.GetLineStart(line) + text.LastIndexOf(']');
                return new CoreTextEdit(new TextSpan(close, 0), rest == "[]" ? quoted : ", " + quoted);
            }

            int last = line;
            string indent = "  ";
            for (int next = line + 1; next < source.LineCount; next++)
            {
                string item = source.GetLineText(next);
                if (item.TrimStart().StartsWith("- ", StringComparison.Ordinal) && item.StartsWith(' '))
                {
                    last = next;
                    indent = item[..(item.Length - item.TrimStart().Length)];
                }
                else if (item.Trim().Length > 0 && !item.TrimStart().StartsWith('#'))
                {
                    break;
                }
            }

            int end = source.GetLineContentEnd(last);
            return new CoreTextEdit(new TextSpan(end, 0), "\n" + indent + "- " + quoted);
        }

        string prefix = source.Length == 0 || source.Text.EndsWith('\n') ? string.Empty : "\n";
        return new CoreTextEdit(new TextSpan(source.Length, 0), prefix + "accept:\n  - " + quoted + "\n");
    }

    private static bool IsConfigurationFile(string uri) => uri.EndsWith("/" + ConfigurationParser.FileName, StringComparison.Ordinal) || uri == ConfigurationParser.FileName;

    // Errors of a configuration file as diagnostics on that file.
    private Lsp.Diagnostic[] ConfigurationDiagnostics(string text, string uri)
    {
        var source = new SourceText(text);
        var (_, errors) = ConfigurationParser.Parse(text, RepositoryContext.LocalPath(uri) ?? uri);
        return [.. errors.Select(e => ConfigurationDiagnostic(source, e))];
    }

    private Lsp.Diagnostic ConfigurationDiagnostic(SourceText source, ConfigurationError error)
    {
        int start = source.GetOffset(new LinePosition(Math.Max(0, error.Line - 1), Math.Max(0, error.Column - 1)));
        int end = source.GetLineContentEnd(source.GetLineNumber(start));
        return new Lsp.Diagnostic
        {
            Range = ProtocolConversion.ToRange(source, TextSpan.FromBounds(start, Math.Max(start, end)), _encoding),
            Severity = (int)DiagnosticSeverity.Error,
            Code = "config",
            Source = ProtocolConversion.Source,
            Message = error.Message,
        };
    }

    // Configuration files with errors get diagnostics even when they are not open, so a broken file is never silent.
    private async Task PublishConfigurationErrorsAsync(string templateUri)
    {
        ResolvedConfiguration resolved = _repository.ConfigurationFor(templateUri);
        foreach (string file in resolved.Files)
        {
            string uri = RepositoryContext.ToUri(file);
            if (_workspace.Get(uri) is not null)
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
                _logger.LogDebug("Cannot read {File}: {Error}", file, exception.Message);
            }

            var source = new SourceText(text);
            await NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, [.. errors.Select(e => ConfigurationDiagnostic(source, e))])).ConfigureAwait(false);
        }
    }

    private async Task RegisterFileWatchersAsync()
    {
        if (!_watchedFilesRegistration || _rpc is not { IsDisposed: false } rpc)
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
            _logger.LogWarning("Could not register file watchers: {Error}", exception.Message);
        }
    }

    // Counts placeholders across the workspace in the background; a newer run cancels an older one.
    private void StartPlaceholderIndex()
    {
        if (_repository.Roots.Count == 0)
        {
            return;
        }

        var cancellation = new CancellationTokenSource();
        Interlocked.Exchange(ref _indexing, cancellation).Cancel();
        _ = Task.Run(() =>
        {
            try
            {
                _repository.IndexPlaceholders(cancellation.Token);
                foreach (DocumentSnapshot snapshot in _workspace.Refresh())
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
                _logger.LogWarning("Indexing the workspace's placeholders failed: {Error}", exception.Message);
            }
        });
    }

    // A broken .tonelsp.yaml shows as soon as the workspace is scanned, not only once a template below it is opened.
    private async Task PublishWorkspaceConfigurationErrorsAsync(CancellationToken cancellationToken)
    {
        var directories = _repository.TemplateDirectories.Concat(_repository.Roots).Distinct(StringComparer.Ordinal).ToList();
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

    private IReadOnlyList<Snippet> SnippetsFor(string uri)
    {
        var snippets = new List<Snippet>();
        ResolvedConfiguration resolved = _repository.ConfigurationFor(uri);
        string? directory = resolved.BaseDirectory ?? _repository.Roots.FirstOrDefault();
        string? folder = directory is null ? null : Path.Combine(directory, "snippets");
        if (folder is not null && Directory.Exists(folder))
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            {
                try
                {
                    var document = TemplateDocument.Parse(Cli.TemplateFiles.Read(file, file).Text);
                    string body = (document.Metadata.Span is { } frontMatter ? document.Source.Text[frontMatter.End..] : document.Source.Text).Trim();
                    string prefix = document.Metadata.Values.GetValueOrDefault("prefix") ?? Path.GetFileNameWithoutExtension(file);
                    string description = document.Metadata.Values.GetValueOrDefault("description") ?? "Team snippet";
                    snippets.Add(new Snippet(prefix, description, document.Language, body));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    _logger.LogDebug("Skipped snippet {File}: {Error}", file, exception.Message);
                }
            }
        }

        return snippets.Count > 0 ? snippets : Snippet.Defaults;
    }

    private static IEnumerable<string?> WorkspaceFolderUris(InitializeParams? parameters)
    {
        yield return parameters?.RootUri;
        if (parameters?.WorkspaceFolders is { } folders)
        {
            foreach (WorkspaceFolder folder in folders)
            {
                yield return folder?.Uri;
            }
        }
    }
}

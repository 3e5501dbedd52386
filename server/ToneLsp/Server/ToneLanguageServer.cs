using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;
using CoreTextEdit = ToneLsp.Core.Text.TextEdit;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server;

/// <summary>
/// The language server: one method per LSP message. Mutating notifications (open, change, close,
/// configuration) run one at a time in arrival order; read requests take the current snapshot first
/// and then run concurrently on the thread pool, honouring cancellation.
/// </summary>
public sealed partial class ToneLanguageServer
{
    private readonly Workspace _workspace;
    private readonly LanguageTwins _twins;
    private readonly ToneEngine _engine;
    private readonly ILogger _logger;
    private readonly LspLoggerProvider? _clientLog;
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc? _rpc;
    private PositionEncoding _encoding = PositionEncoding.Utf16;
    private bool _shutdown;
    private bool _pullDiagnostics;
    private bool _configurationRequests;
    private bool _statusNotifications;

    /// <summary>Creates a server over the given engine.</summary>
    public ToneLanguageServer(ToneEngine engine, ILoggerFactory loggerFactory, LspLoggerProvider? clientLog = null)
    {
        _engine = engine;
        _logger = loggerFactory.CreateLogger("tonelsp");
        _repository = new RepositoryContext(_logger);
        _twins = new LanguageTwins(_repository, engine, () => Workspace, _logger);
        _workspace = new Workspace(engine, (uri, options) => _repository.OptionsFor(uri, options), (snapshot, own, token) => _twins.FindingsAsync(snapshot, own, token));
        _clientLog = clientLog;
        LoggerFactory = loggerFactory;
    }

    /// <summary>The open documents.</summary>
    public Workspace Workspace => _workspace;

    /// <summary>The negotiated position encoding.</summary>
    public PositionEncoding Encoding => _encoding;

    private ILoggerFactory LoggerFactory { get; }

    /// <summary>Serves one client over the streams until it exits or disconnects; returns the process exit code.</summary>
    public async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        var handler = new LspMessageHandler(output, input, formatter, LoggerFactory.CreateLogger("tonelsp.transport"));
        using var rpc = new LspJsonRpc(handler, _logger)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        rpc.AddLocalRpcTarget(this, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        _rpc = rpc;
        _clientLog?.Attach(rpc);
        rpc.StartListening();
        using CancellationTokenRegistration registration = cancellationToken.Register(() => _exit.TrySetResult(1));
        Task finished = await Task.WhenAny(rpc.Completion, _exit.Task).ConfigureAwait(false);
        if (finished == rpc.Completion)
        {
            try
            {
                await rpc.Completion.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _logger.LogWarning("The connection ended: {Error}", exception.Message);
            }

            return _shutdown ? 0 : 1;
        }

        return await _exit.Task.ConfigureAwait(false);
    }

    /// <summary>LSP initialize.</summary>
    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams? parameters)
    {
        JsonElement capabilities = parameters?.Capabilities ?? default;
        _encoding = ChooseEncoding(capabilities);
        _pullDiagnostics = Has(capabilities, "textDocument", "diagnostic");
        _configurationRequests = Has(capabilities, "workspace", "configuration") && Get(capabilities, "workspace", "configuration") is { ValueKind: JsonValueKind.True };
        var warnings = new List<string>();
        if (parameters?.InitializationOptions is { ValueKind: JsonValueKind.Object } options)
        {
            _statusNotifications = options.TryGetProperty("statusNotifications", out JsonElement status) && status.ValueKind == JsonValueKind.True;
            _workspace.UpdateSettings(ServerSettings.Parse(options, warnings));
        }

        foreach (string warning in warnings)
        {
            _logger.LogWarning("{Warning}", warning);
        }

        _diagnosticRefresh = Get(capabilities, "workspace", "diagnostics", "refreshSupport") is { ValueKind: JsonValueKind.True };
        _watchedFilesRegistration = Has(capabilities, "workspace", "didChangeWatchedFiles") &&
                                    Get(capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration") is { ValueKind: JsonValueKind.True };
        _createFiles = Get(capabilities, "workspace", "workspaceEdit", "resourceOperations") is { ValueKind: JsonValueKind.Array } operations &&
                       operations.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == "create");
        _repository.SetRoots(WorkspaceFolderUris(parameters));
        _logger.LogInformation("Initialized for {Client} ({Encoding}, {Mode} diagnostics).",
            parameters?.ClientInfo?.Name ?? "an unnamed client", _encoding == PositionEncoding.Utf8 ? "utf-8" : "utf-16", _pullDiagnostics ? "pull" : "push");
        return new InitializeResult(
            new ServerCapabilities
            {
                PositionEncoding = _encoding == PositionEncoding.Utf8 ? PositionEncodingKinds.Utf8 : PositionEncodingKinds.Utf16,
                DiagnosticProvider = _pullDiagnostics ? new DiagnosticOptions("tonelsp", InterFileDependencies: true, WorkspaceDiagnostics: true) : null,
            },
            new ServerInfo("tonelsp", ToolInfo.Version));
    }

    /// <summary>LSP initialized.</summary>
    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public async Task InitializedAsync(JsonElement? parameters = null)
    {
        _ = parameters;
        if (_configurationRequests)
        {
            await PullConfigurationAsync().ConfigureAwait(false);
        }

        await RegisterFileWatchersAsync().ConfigureAwait(false);
        StartPlaceholderIndex();
    }

    /// <summary>LSP shutdown.</summary>
    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdown = true;
        _logger.LogInformation("Shutting down.");
        return null;
    }

    /// <summary>LSP exit.</summary>
    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult(_shutdown ? 0 : 1);

    /// <summary>LSP textDocument/didOpen.</summary>
    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (parameters?.TextDocument is not { Uri: { } uri } document)
        {
            return;
        }

        DocumentSnapshot snapshot = _workspace.Open(uri, document.Version, document.Text ?? string.Empty);
        ScheduleAnalysis(snapshot);
        RecheckTwinsOf(uri);
    }

    /// <summary>LSP textDocument/didChange, full or incremental.</summary>
    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (parameters?.TextDocument is not { Uri: { } uri } document)
        {
            return;
        }

        var changes = (parameters.ContentChanges ?? []).Where(c => c is not null)
            .Select(c => (c.Range is { } r ? new LineRange(ProtocolConversion.FromPosition(r.Start), ProtocolConversion.FromPosition(r.End)) : (LineRange?)null, c.Text));
        DocumentSnapshot? snapshot = _workspace.Change(uri, document.Version, changes, _encoding);
        if (snapshot is null)
        {
            _logger.LogWarning("Ignored a change to {Uri}, which is not open.", uri);
            return;
        }

        ScheduleAnalysis(snapshot);
        RecheckTwinsOf(uri);
    }

    // The open templates that compare themselves with this one (language twins) are checked again.
    private void RecheckTwinsOf(string uri)
    {
        bool any = false;
        foreach (string dependent in _twins.DependentsOf(uri))
        {
            if (_workspace.Refresh(dependent) is { } refreshed)
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

    /// <summary>LSP textDocument/didClose.</summary>
    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        if (parameters?.TextDocument?.Uri is not { } uri)
        {
            return;
        }

        _twins.Forget(uri);
        if (_workspace.Close(uri) && !_pullDiagnostics)
        {
            _ = PublishAsync(new PublishDiagnosticsParams(uri, null, []));
        }

        // The twin now compares itself with the file on disk instead of the closed buffer.
        RecheckTwinsOf(uri);
    }

    /// <summary>LSP textDocument/didSave: nothing to do, analysis follows the edits.</summary>
    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(JsonElement? parameters) => _ = parameters;

    /// <summary>LSP workspace/didChangeConfiguration: settings are pushed, or pulled when the client only signals.</summary>
    [JsonRpcMethod("workspace/didChangeConfiguration", UseSingleObjectParameterDeserialization = true)]
    public async Task DidChangeConfigurationAsync(DidChangeConfigurationParams? parameters)
    {
        if (parameters?.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty("tonelsp", out _))
        {
            ApplySettings(settings);
            return;
        }

        if (_configurationRequests)
        {
            await PullConfigurationAsync().ConfigureAwait(false);
        }
    }

    /// <summary>LSP textDocument/diagnostic (pull diagnostics).</summary>
    [JsonRpcMethod("textDocument/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public async Task<DocumentDiagnosticReport> DocumentDiagnosticAsync(DocumentDiagnosticParams parameters, CancellationToken cancellationToken)
    {
        DocumentSnapshot? snapshot = RequireSnapshot(parameters?.TextDocument?.Uri);
        await TaskScheduler.Default;

        // A pull is about the document as it is now: when an edit or a settings change supersedes the snapshot
        // during the analysis, answer for the newer one instead of failing the request.
        for (int attempt = 0; snapshot is not null; attempt++)
        {
            string resultId = snapshot.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (parameters!.PreviousResultId == resultId)
            {
                return new DocumentDiagnosticReport("unchanged", resultId, null);
            }

            try
            {
                return new DocumentDiagnosticReport("full", resultId, ToDiagnostics(snapshot, await AnalyzeAsync(snapshot, cancellationToken).ConfigureAwait(false)));
            }
            catch (LocalRpcException) when (attempt < 5 && _workspace.Get(snapshot.Uri) is { } newer && newer != snapshot && !cancellationToken.IsCancellationRequested)
            {
                snapshot = newer;
            }
        }

        return new DocumentDiagnosticReport("full", null, []);
    }

    /// <summary>LSP textDocument/codeAction: quick fixes, suppressions and fix-all.</summary>
    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public async Task<CodeAction[]> CodeActionAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        DocumentSnapshot? snapshot = RequireSnapshot(parameters?.TextDocument?.Uri);
        if (parameters?.Range is null)
        {
            throw new LocalRpcException("codeAction needs a range.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        await TaskScheduler.Default;
        if (snapshot is null || !snapshot.Settings.Enable)
        {
            return [];
        }

        AnalysisResult result = await AnalyzeAsync(snapshot, cancellationToken).ConfigureAwait(false);
        SourceText text = snapshot.Text;
        TextSpan span = ProtocolConversion.FromRange(text, parameters.Range, _encoding);
        string[]? only = parameters.Context?.Only;
        var actions = new List<CodeAction>();
        if (Wanted(CodeActionKinds.QuickFix, only))
        {
            // A cursor touching a finding (at its start or end) counts, as editors send an empty range.
            foreach (ToneDiagnostic diagnostic in result.Diagnostics.Where(d => d.Span.Start <= span.End && span.Start <= d.Span.End))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Lsp.Diagnostic wire = ProtocolConversion.ToDiagnostic(text, diagnostic, _encoding);
                foreach (CodeFix fix in _engine.GetFixes(result, diagnostic, cancellationToken))
                {
                    actions.Add(Action(snapshot, fix.Title, CodeActionKinds.QuickFix, fix.Edits, fix.IsPreferred, wire));
                }

                // An HTML comment inside the front matter would break its YAML; there the finding has no suppression.
                if (!result.Document.Metadata.Contains(diagnostic.Span.Start))
                {
                    actions.Add(Action(snapshot, $"Disable {diagnostic.Id} for this line", CodeActionKinds.QuickFix, [SuppressLine(text, diagnostic)], false, wire));
                }

                if (AcceptPhraseAction(snapshot, diagnostic, wire) is { } accept)
                {
                    actions.Add(accept);
                }
            }
        }

        if (Wanted(CodeActionKinds.RefactorRewrite, only))
        {
            actions.AddRange(ConversionActions(snapshot, result, span.Start));
        }

        if (Wanted(CodeActionKinds.SourceFixAll, only))
        {
            IReadOnlyList<CoreTextEdit> all = _engine.GetFixAllEdits(result, cancellationToken: cancellationToken);
            if (all.Count > 0)
            {
                actions.Add(Action(snapshot, "Fix all tone issues", CodeActionKinds.SourceFixAll, all, false, null));
            }
        }

        return [.. actions];
    }

    /// <summary>LSP textDocument/codeLens: the address forms of a German reply, with a lens that converts it.</summary>
    [JsonRpcMethod("textDocument/codeLens", UseSingleObjectParameterDeserialization = true)]
    public async Task<CodeLens[]> CodeLensAsync(CodeLensParams parameters, CancellationToken cancellationToken)
    {
        if (await ReadAsync(parameters?.TextDocument?.Uri, ReadScope.EnabledDocuments, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return [];
        }

        if (result.Document.Language != Core.Documents.Language.German)
        {
            return [];
        }

        int line = result.Document.ReplyBlocks.FirstOrDefault() is { } first ? snapshot.Text.GetLineNumber(first.Span.Start) : 0;
        var range = new Lsp.Range(new Position(line, 0), new Position(line, 0));
        string reply = result.Input.ReplyAddress.Form.ToName();
        string summary = $"Address: {reply}" + (result.Input.CustomerAddress is { } customer ? $" · customer: {customer.Form.ToName()}" : string.Empty);
        var lenses = new List<CodeLens> { new(range, new Command(summary, string.Empty, null)) };
        foreach (AddressForm target in new[] { AddressForm.Du, AddressForm.Sie }.Where(t => t != result.Input.ReplyAddress.Form))
        {
            if (result.Input.ReplyAddress.Form == AddressForm.None)
            {
                break;
            }

            string label = target == AddressForm.Du ? "du" : "Sie";
            lenses.Add(new CodeLens(range, new Command($"Convert to {label}", Commands.ConvertDocument,
                [JsonSerializer.SerializeToElement(snapshot.Uri), JsonSerializer.SerializeToElement(target.ToName())])));
        }

        return [.. lenses];
    }

    /// <summary>LSP workspace/executeCommand: <c>tonelsp.convertDocument [uri, "du"|"sie"]</c> applies the conversion through workspace/applyEdit.</summary>
    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> ExecuteCommandAsync(ExecuteCommandParams parameters, CancellationToken cancellationToken)
    {
        if (parameters?.Command == Commands.AcceptPhrase)
        {
            return await AcceptPhraseAsync(parameters.Arguments).ConfigureAwait(false);
        }

        if (parameters?.Command != Commands.ConvertDocument || parameters.Arguments is not [{ ValueKind: JsonValueKind.String } uriArgument, { ValueKind: JsonValueKind.String } targetArgument])
        {
            throw new LocalRpcException($"Unknown command or arguments; expected {Commands.ConvertDocument} [uri, \"du\"|\"sie\"].") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        DocumentSnapshot? snapshot = RequireSnapshot(uriArgument.GetString());
        AddressForm? target = AddressFormNames.Parse(targetArgument.GetString());
        await TaskScheduler.Default;
        if (snapshot is null || target is null)
        {
            throw new LocalRpcException("The document is not open or the target is not du or sie.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        AnalysisResult result = await AnalyzeAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var edits = AddressFormConverter.ConvertDocument(result.Document, target.Value, snapshot.Settings.Options.Conversion);
        if (edits.Count == 0 || _rpc is not { IsDisposed: false } rpc)
        {
            return null;
        }

        var edit = new WorkspaceEdit(new Dictionary<string, Lsp.TextEdit[]> { [snapshot.Uri] = ProtocolConversion.ToEdits(snapshot.Text, edits, _encoding) });
        // A client that refuses the edit gets a plain answer, not the exception of the call that failed.
        JsonElement applied;
        try
        {
            applied = await rpc.InvokeWithParameterObjectAsync<JsonElement>("workspace/applyEdit", new ApplyWorkspaceEditParams($"Convert to {target.Value.ToName()}", edit), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteRpcException exception)
        {
            _logger.LogWarning("The editor refused the conversion: {Error}", exception.Message);
            throw new LocalRpcException($"The editor did not apply the conversion: {exception.Message}") { ErrorCode = LspErrorCodes.RequestFailed };
        }

        if (applied.ValueKind == JsonValueKind.Object && applied.TryGetProperty("applied", out JsonElement done) && done.ValueKind == JsonValueKind.False)
        {
            string reason = applied.TryGetProperty("failureReason", out JsonElement why) && why.ValueKind == JsonValueKind.String ? why.GetString()! : "no reason given";
            _logger.LogWarning("The editor did not apply the conversion: {Reason}", reason);
        }

        return null;
    }

    /// <summary>LSP textDocument/hover: explains the findings under the cursor.</summary>
    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public async Task<Hover?> HoverAsync(HoverParams parameters, CancellationToken cancellationToken)
    {
        if (parameters?.Position is null)
        {
            _ = RequireSnapshot(parameters?.TextDocument?.Uri);
            throw new LocalRpcException("hover needs a position.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        if (await ReadAsync(parameters.TextDocument?.Uri, ReadScope.EnabledDocuments, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return null;
        }

        int offset = snapshot.Text.GetOffset(ProtocolConversion.FromPosition(parameters.Position), _encoding);
        var hits = result.Diagnostics.Where(d => d.Span.Contains(offset) || (d.Span.End == offset && d.Span.Length > 0)).ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var markdown = new StringBuilder();
        foreach (ToneDiagnostic diagnostic in hits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (markdown.Length > 0)
            {
                markdown.Append("\n\n---\n\n");
            }

            markdown.Append(Explain(result, diagnostic, cancellationToken));
        }

        TextSpan covered = TextSpan.FromBounds(hits.Min(h => h.Span.Start), hits.Max(h => h.Span.End));
        return new Hover(new MarkupContent("markdown", markdown.ToString()), ProtocolConversion.ToRange(snapshot.Text, covered, _encoding));
    }

    // Conversion of the sentence, the paragraph or the whole reply at the cursor, toward the other form.
    private IEnumerable<CodeAction> ConversionActions(DocumentSnapshot snapshot, AnalysisResult result, int offset)
    {
        TemplateDocument document = result.Document;
        if (document.Language != Core.Documents.Language.German)
        {
            yield break;
        }

        ConversionOptions options = snapshot.Settings.Options.Conversion;
        BlockSentence? sentence = document.SentenceIndexAt(offset) is int index and >= 0 && !document.Sentences[index].Block.IsQuoted ? document.Sentences[index]
            : document.ReplySentences.LastOrDefault(s => s.Sentence.Span.End == offset);
        var scopes = new List<(string Name, IReadOnlyList<Core.Documents.BlockSentence> Sentences)>();
        if (sentence is not null)
        {
            scopes.Add(("sentence", [sentence]));
            scopes.Add(("paragraph", [.. document.ReplySentences.Where(s => s.Block == sentence.Block)]));
        }

        foreach (var (name, sentences) in scopes)
        {
            AddressForm form = AddressFormDetector.Detect(sentences.Select(s => s.Sentence)).Form;
            foreach (AddressForm target in Targets(form))
            {
                var edits = AddressFormConverter.Convert(document, sentences.Select(s => s.Sentence), target, options);
                if (edits.Count > 0)
                {
                    yield return Action(snapshot, $"Convert this {name} to {Label(target)}", CodeActionKinds.RefactorRewrite, edits, false, null);
                }
            }
        }

        foreach (AddressForm target in Targets(result.Input.ReplyAddress.Form))
        {
            var edits = AddressFormConverter.ConvertDocument(document, target, options);
            if (edits.Count > 0)
            {
                yield return Action(snapshot, $"Convert the whole reply to {Label(target)}", CodeActionKinds.RefactorRewrite, edits, false, null);
            }
        }

        static IEnumerable<AddressForm> Targets(AddressForm form) => form switch
        {
            AddressForm.Du => [AddressForm.Sie],
            AddressForm.Sie => [AddressForm.Du],
            AddressForm.Mixed => [AddressForm.Du, AddressForm.Sie],
            _ => [],
        };

        static string Label(AddressForm form) => form == AddressForm.Du ? "du" : "Sie";
    }

    private string Explain(AnalysisResult result, ToneDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("**").Append(diagnostic.Id).Append(" · ").Append(diagnostic.Category).Append("** — ").Append(diagnostic.Descriptor.Title).Append("\n\n");
        text.Append(diagnostic.Message).Append("\n\n");
        text.Append(diagnostic.Descriptor.HelpText);
        CodeFix? preferred = _engine.GetFixes(result, diagnostic, cancellationToken).FirstOrDefault();
        if (preferred is not null)
        {
            text.Append("\n\n*Suggested:* ").Append(preferred.Title);
        }

        return text.ToString();
    }

    private CodeAction Action(DocumentSnapshot snapshot, string title, string kind, IEnumerable<CoreTextEdit> edits, bool preferred, Lsp.Diagnostic? diagnostic) => new()
    {
        Title = title,
        Kind = kind,
        IsPreferred = preferred ? true : null,
        Diagnostics = diagnostic is null ? null : [diagnostic],
        Edit = new WorkspaceEdit(new Dictionary<string, Lsp.TextEdit[]> { [snapshot.Uri] = ProtocolConversion.ToEdits(snapshot.Text, edits, _encoding) }),
    };

    // A suppression that is plain text, so it works in every client: an inline comment at the end of the line.
    private static CoreTextEdit SuppressLine(SourceText text, ToneDiagnostic diagnostic)
    {
        int line = text.GetLineNumber(diagnostic.Span.Start);
        int end = text.GetLineContentEnd(line);
        return new CoreTextEdit(new TextSpan(end, 0), $" <!-- tonelsp-disable-line {diagnostic.Id} -->");
    }

    private static bool Wanted(string kind, string[]? only) =>
        only is null || only.Length == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    private async Task<AnalysisResult> AnalyzeAsync(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            AnalysisResult result = await snapshot.GetAnalysisAsync(cancellationToken).ConfigureAwait(false);
            foreach (string failure in result.Failures)
            {
                _logger.LogError("Analysis of {Uri} partly failed: {Failure}", snapshot.Uri, failure);
            }

            return result;
        }
        catch (OperationCanceledException) when (snapshot.Superseded.IsCancellationRequested)
        {
            throw new LocalRpcException("The document changed while the request ran.") { ErrorCode = LspErrorCodes.ContentModified };
        }
    }

    // A template the configuration excludes ("exclude: drafts/**") is not checked in the editor either.
    private Lsp.Diagnostic[] ToDiagnostics(DocumentSnapshot snapshot, AnalysisResult result) =>
        IsConfigurationFile(snapshot.Uri) ? ConfigurationDiagnostics(snapshot.Text.Text, snapshot.Uri)
        : snapshot.Settings.Enable && !_repository.IsExcluded(snapshot.Uri) ? [.. result.Diagnostics.Select(d => ProtocolConversion.ToDiagnostic(snapshot.Text, d, _encoding))]
        : [];

    private void ScheduleAnalysis(DocumentSnapshot snapshot)
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
                    _logger.LogError("Analysis of {Uri} partly failed: {Failure}", snapshot.Uri, failure);
                }

                await _publishGate.WaitAsync(snapshot.Superseded.Token).ConfigureAwait(false);
                try
                {
                    if (_workspace.Get(snapshot.Uri) != snapshot)
                    {
                        return;
                    }

                    if (!_pullDiagnostics)
                    {
                        await NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(snapshot.Uri, snapshot.Version, ToDiagnostics(snapshot, result))).ConfigureAwait(false);
                    }

                    if (_statusNotifications && !IsConfigurationFile(snapshot.Uri))
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
                _logger.LogError(exception, "Analysis of {Uri} failed.", snapshot.Uri);
            }
        });
    }

    private static DocumentStatusParams Status(DocumentSnapshot snapshot, AnalysisResult result) => new(
        snapshot.Uri,
        snapshot.Version,
        result.Document.Language == Core.Documents.Language.German ? "de" : "en",
        result.Input.ReplyAddress.Form.ToName(),
        result.Input.CustomerAddress?.Form.ToName(),
        result.Input.TargetAddress is AddressForm.None ? null : result.Input.TargetAddress.ToName(),
        snapshot.Settings.Enable ? result.Diagnostics.Count(d => d.Severity != DiagnosticSeverity.Hint) : 0);

    private async Task PublishAsync(PublishDiagnosticsParams parameters)
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

    private async Task NotifyAsync(string method, object parameters)
    {
        if (_rpc is not { IsDisposed: false } rpc)
        {
            return;
        }

        try
        {
            await rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConnectionLostException or ObjectDisposedException or IOException)
        {
            _logger.LogDebug("Could not send {Method}: {Error}", method, exception.Message);
        }
    }

    private async Task PullConfigurationAsync()
    {
        if (_rpc is not { IsDisposed: false } rpc)
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
            _logger.LogWarning("Could not read the client's settings: {Error}", exception.Message);
        }
    }

    private void ApplySettings(JsonElement settings)
    {
        var warnings = new List<string>();
        ServerSettings parsed = ServerSettings.Parse(settings, warnings);
        foreach (string warning in warnings)
        {
            _logger.LogWarning("{Warning}", warning);
        }

        foreach (DocumentSnapshot snapshot in _workspace.UpdateSettings(parsed))
        {
            ScheduleAnalysis(snapshot);
        }

        RequestDiagnosticRefresh();
    }

    private enum ReadScope
    {
        // Every open document while checking is enabled.
        EnabledDocuments,

        // Open templates, not configuration files.
        Templates,
    }

    // The preamble the read requests share: the named document's current snapshot (null when it is not open or the
    // request does not apply to it), off the ordered notification context, and its analysis, honouring cancellation.
    private async Task<(DocumentSnapshot Snapshot, AnalysisResult Result)?> ReadAsync(string? uri, ReadScope scope, CancellationToken cancellationToken)
    {
        DocumentSnapshot? snapshot = RequireSnapshot(uri);
        await TaskScheduler.Default;
        if (snapshot is null || (scope == ReadScope.EnabledDocuments ? !snapshot.Settings.Enable : IsConfigurationFile(snapshot.Uri)))
        {
            return null;
        }

        return (snapshot, await AnalyzeAsync(snapshot, cancellationToken).ConfigureAwait(false));
    }

    private DocumentSnapshot? RequireSnapshot(string? uri)
    {
        if (uri is null)
        {
            throw new LocalRpcException("The request names no text document.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        DocumentSnapshot? snapshot = _workspace.Get(uri);
        if (snapshot is null)
        {
            _logger.LogWarning("A request named {Uri}, which is not open.", uri);
        }

        return snapshot;
    }


    private static PositionEncoding ChooseEncoding(JsonElement capabilities)
    {
        if (Get(capabilities, "general", "positionEncodings") is { ValueKind: JsonValueKind.Array } encodings &&
            encodings.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == PositionEncodingKinds.Utf8))
        {
            return PositionEncoding.Utf8;
        }

        return PositionEncoding.Utf16;
    }

    private static bool Has(JsonElement element, params string[] path) => Get(element, path) is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False) };

    private static JsonElement? Get(JsonElement element, params string[] path)
    {
        foreach (string name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }
}

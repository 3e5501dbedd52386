using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;
using ToneLsp.Repository;
using CoreTextEdit = ToneLsp.Core.Text.TextEdit;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>textDocument/codeAction: quick fixes, suppressions, "always accept", conversions and fix-all.</summary>
internal sealed class CodeActionHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("textDocument/codeAction", Mutates: false, CodeActionAsync)];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) =>
        capabilities with { CodeActionProvider = new CodeActionOptions([CodeActionKinds.QuickFix, CodeActionKinds.SourceFixAll, CodeActionKinds.RefactorRewrite], false) };

    /// <summary>LSP textDocument/codeAction: quick fixes, suppressions and fix-all.</summary>
    public async Task<CodeAction[]> CodeActionAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        if (parameters?.Range is null)
        {
            _ = _state.RequireSnapshot(parameters?.TextDocument?.Uri);
            throw new LocalRpcException("codeAction needs a range.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        if (await _state.ReadAsync(parameters.TextDocument?.Uri, ReadScope.EnabledDocuments, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return [];
        }

        SourceText text = snapshot.Text;
        TextSpan span = ProtocolConversion.FromRange(text, parameters.Range, _state.Encoding);
        string[]? only = parameters.Context?.Only;
        var actions = new List<CodeAction>();
        Core.Documents.Language language = result.Input.MessageLanguage;
        if (Wanted(CodeActionKinds.QuickFix, only))
        {
            // A cursor touching a finding (at its start or end) counts, as editors send an empty range.
            foreach (ToneDiagnostic diagnostic in result.Diagnostics.Where(d => d.Span.Start <= span.End && span.Start <= d.Span.End))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Lsp.Diagnostic wire = ProtocolConversion.ToDiagnostic(text, diagnostic, _state.Encoding);
                foreach (CodeFix fix in _state.Engine.GetFixes(result, diagnostic, cancellationToken))
                {
                    actions.Add(Action(snapshot, fix.Title, CodeActionKinds.QuickFix, fix.Edits, fix.IsPreferred, wire));
                }

                // An HTML comment inside the front matter would break its YAML; there the finding has no suppression.
                if (!result.Document.Metadata.Contains(diagnostic.Span.Start))
                {
                    actions.Add(Action(snapshot, Messages.FixDisableLine.Format(language, diagnostic.Id), CodeActionKinds.QuickFix, [SuppressLine(text, diagnostic)], false, wire));
                }

                if (AcceptPhraseAction(snapshot, diagnostic, wire, language) is { } accept)
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
            IReadOnlyList<CoreTextEdit> all = _state.Engine.GetFixAllEdits(result, cancellationToken: cancellationToken);
            if (all.Count > 0)
            {
                actions.Add(Action(snapshot, Messages.FixAll.In(language), CodeActionKinds.SourceFixAll, all, false, null));
            }
        }

        return [.. actions];
    }

    // Conversion of the sentence, the paragraph or the whole reply at the cursor, toward the other form.
    private IEnumerable<CodeAction> ConversionActions(DocumentSnapshot snapshot, AnalysisResult result, int offset)
    {
        TemplateDocument document = result.Document;
        if (document.Language != Core.Documents.Language.German)
        {
            yield break;
        }

        ConversionOptions options = result.Input.Conversion;
        BlockSentence? sentence = document.SentenceIndexAt(offset) is int index and >= 0 && !document.Sentences[index].Block.IsQuoted ? document.Sentences[index]
            : document.ReplySentences.LastOrDefault(s => s.Sentence.Span.End == offset);
        Core.Documents.Language language = result.Input.MessageLanguage;
        var scopes = new List<(LocalText Title, IReadOnlyList<Core.Documents.BlockSentence> Sentences)>();
        if (sentence is not null)
        {
            scopes.Add((Messages.FixConvertSentence, [sentence]));
            scopes.Add((Messages.FixConvertParagraph, [.. document.ReplySentences.Where(s => s.Block == sentence.Block)]));
        }

        foreach (var (title, sentences) in scopes)
        {
            AddressForm form = AddressFormDetector.Detect(sentences.Select(s => s.Sentence)).Form;
            foreach (AddressForm target in Targets(form))
            {
                var edits = AddressFormConverter.Convert(document, sentences.Select(s => s.Sentence), target, options);
                if (edits.Count > 0)
                {
                    yield return Action(snapshot, title.Format(language, Label(target)), CodeActionKinds.RefactorRewrite, edits, false, null);
                }
            }
        }

        foreach (AddressForm target in Targets(result.Input.ReplyAddress.Form))
        {
            var edits = AddressFormConverter.ConvertDocument(document, target, options);
            if (edits.Count > 0)
            {
                yield return Action(snapshot, Messages.FixConvertDocument.Format(language, Label(target)), CodeActionKinds.RefactorRewrite, edits, false, null);
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

    /// <summary>"Always accept this phrase": a plain text edit that adds the phrase to the nearest .tonelsp.yaml.</summary>
    private CodeAction? AcceptPhraseAction(DocumentSnapshot snapshot, ToneDiagnostic diagnostic, Lsp.Diagnostic wire, Core.Documents.Language language)
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

        string title = Messages.FixAlwaysAccept.Format(language, phrase);
        ResolvedConfiguration resolved = _state.Repository.Configurations.For(path);
        if (resolved.Files.Count > 0)
        {
            string file = resolved.Files[0];
            string configUri = RepositoryContext.ToUri(file);
            string text;
            try
            {
                text = _state.Workspace.Get(configUri)?.Text.Text ?? Cli.TemplateFiles.Read(file, file).Text;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _state.Logger.LogDebug("Cannot offer to accept a phrase: {Error}", exception.Message);
                return null;
            }

            // The edit goes where YAML's parser found the accept: list; a file that does not parse gets no such fix.
            var source = new SourceText(text);
            if (ConfigurationEdits.AcceptPhrase(source, phrase) is not { } edit)
            {
                return null;
            }

            return new CodeAction
            {
                Title = title,
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = [wire],
                Edit = new WorkspaceEdit(new Dictionary<string, Lsp.TextEdit[]> { [configUri] = ProtocolConversion.ToEdits(source, [edit], _state.Encoding) }),
            };
        }

        // No configuration yet: create one in the workspace folder (or next to the template); when the client cannot
        // create files, the server does it through a command.
        string directory = _state.Repository.Roots.FirstOrDefault(r => path.StartsWith(r, StringComparison.Ordinal)) ?? Path.GetDirectoryName(path)!;
        string newPath = Path.Combine(directory, ConfigurationParser.FileName);
        if (!_state.CreateFiles)
        {
            return new CodeAction
            {
                Title = title,
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = [wire],
                Command = new Command(title, Commands.AcceptPhrase, [JsonSerializer.SerializeToElement(newPath, LspJsonContext.Default.String), JsonSerializer.SerializeToElement(phrase, LspJsonContext.Default.String)]),
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
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(newUri, null), [new Lsp.TextEdit(new Lsp.Range(new Position(0, 0), new Position(0, 0)), ConfigurationEdits.NewFileAccepting(phrase))]),
            ]),
        };
    }

    private CodeAction Action(DocumentSnapshot snapshot, string title, string kind, IEnumerable<CoreTextEdit> edits, bool preferred, Lsp.Diagnostic? diagnostic) => new()
    {
        Title = title,
        Kind = kind,
        IsPreferred = preferred ? true : null,
        Diagnostics = diagnostic is null ? null : [diagnostic],
        Edit = new WorkspaceEdit(new Dictionary<string, Lsp.TextEdit[]> { [snapshot.Uri] = ProtocolConversion.ToEdits(snapshot.Text, edits, _state.Encoding) }),
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
}

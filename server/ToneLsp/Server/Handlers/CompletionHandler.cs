using Microsoft.Extensions.Logging;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Snippets;
using ToneLsp.Protocol;
using ToneLsp.Repository;

namespace ToneLsp.Server.Handlers;

/// <summary>textDocument/completion: the team’s snippets, or the built-in openers and closings.</summary>
internal sealed class CompletionHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("textDocument/completion", Mutates: false, CompletionAsync)];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) => capabilities with { CompletionProvider = new CompletionOptions(false, null) };

    /// <summary>LSP textDocument/completion: the team's snippets (or built-in openers and closings) in the document's language and form of address.</summary>
    public async Task<CompletionList> CompletionAsync(CompletionParams parameters, CancellationToken cancellationToken)
    {
        if (await _state.ReadAsync(parameters?.TextDocument?.Uri, ReadScope.Templates, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
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

    private IReadOnlyList<Snippet> SnippetsFor(string uri)
    {
        var snippets = new List<Snippet>();
        ResolvedConfiguration resolved = _state.Repository.ConfigurationFor(uri);
        string? directory = resolved.BaseDirectory ?? _state.Repository.Roots.FirstOrDefault();
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
                    _state.Logger.LogDebug("Skipped snippet {File}: {Error}", file, exception.Message);
                }
            }
        }

        return snippets.Count > 0 ? snippets : Snippet.Defaults;
    }
}

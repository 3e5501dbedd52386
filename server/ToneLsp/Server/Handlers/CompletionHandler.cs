using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Snippets;
using ToneLsp.Protocol;

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
            string body = snippet.Render(form, result.Input.Conversion);
            items.Add(new CompletionItem
            {
                Label = snippet.Prefix,
                Detail = snippet.DescriptionIn(result.Input.MessageLanguage),
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
        IReadOnlyList<Snippet> team = _state.Repository.SnippetsFor(uri);
        return team.Count > 0 ? team : Snippet.Defaults;
    }
}

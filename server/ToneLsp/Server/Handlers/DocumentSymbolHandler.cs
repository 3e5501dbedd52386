using ToneLsp.Core.Features;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>textDocument/documentSymbol: the outline of a template collection, one symbol per heading.</summary>
internal sealed class DocumentSymbolHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("textDocument/documentSymbol", Mutates: false, DocumentSymbolAsync)];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) => capabilities with { DocumentSymbolProvider = true };

    /// <summary>LSP textDocument/documentSymbol: each heading of a template collection as a symbol, nested by level.</summary>
    public async Task<DocumentSymbol[]> DocumentSymbolAsync(DocumentSymbolParams parameters, CancellationToken cancellationToken)
    {
        if (await _state.ReadAsync(parameters?.TextDocument?.Uri, ReadScope.Templates, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return [];
        }

        return [.. Outline.Of(result.Document).Select(section => ToSymbol(section, snapshot.Text))];
    }

    private DocumentSymbol ToSymbol(OutlineSection section, SourceText text)
    {
        DocumentSymbol[] children = [.. section.Children.Select(child => ToSymbol(child, text))];
        return new DocumentSymbol(section.Name, null, SymbolKind.String,
            ProtocolConversion.ToRange(text, section.Range, _state.Encoding), ProtocolConversion.ToRange(text, section.Heading, _state.Encoding),
            children.Length > 0 ? children : null);
    }
}

using ToneLsp.Core.Documents;
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
                ProtocolConversion.ToRange(text, nodes[i].Range, _state.Encoding), ProtocolConversion.ToRange(text, nodes[i].Selection, _state.Encoding),
                children.Length > 0 ? children : null);
            i = next;
        }
    }

    private sealed record SymbolNode(string Name, int Level, TextSpan Range, TextSpan Selection);
}

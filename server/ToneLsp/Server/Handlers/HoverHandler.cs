using StreamJsonRpc;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Features;
using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>textDocument/hover: explains the findings under the cursor.</summary>
internal sealed class HoverHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("textDocument/hover", Mutates: false, HoverAsync)];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) => capabilities with { HoverProvider = true };

    /// <summary>LSP textDocument/hover: explains the findings under the cursor.</summary>
    public async Task<Hover?> HoverAsync(HoverParams parameters, CancellationToken cancellationToken)
    {
        if (parameters?.Position is null)
        {
            _ = _state.RequireSnapshot(parameters?.TextDocument?.Uri);
            throw new LocalRpcException("hover needs a position.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        if (await _state.ReadAsync(parameters.TextDocument?.Uri, ReadScope.EnabledDocuments, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return null;
        }

        int offset = snapshot.Text.GetOffset(ProtocolConversion.FromPosition(parameters.Position), _state.Encoding);
        IReadOnlyList<ToneDiagnostic> hits = Explanation.At(result, offset);
        if (hits.Count == 0)
        {
            return null;
        }

        string markdown = Explanation.Markdown(_state.Engine, result, hits, cancellationToken);
        return new Hover(new MarkupContent("markdown", markdown), ProtocolConversion.ToRange(snapshot.Text, Explanation.Covered(hits), _state.Encoding));
    }
}

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
            return CustomerHover(snapshot, result, offset);
        }

        string markdown = Explanation.Markdown(_state.Engine, result, hits, cancellationToken);
        return new Hover(new MarkupContent("markdown", markdown), ProtocolConversion.ToRange(snapshot.Text, Explanation.Covered(hits), _state.Encoding));
    }

    // On the customer's message without a finding: how the customer writes, which the reply should mirror.
    private Hover? CustomerHover(DocumentSnapshot snapshot, AnalysisResult result, int offset)
    {
        if (result.Document.CustomerBlocks.FirstOrDefault(b => b.Span.Start <= offset && offset <= b.Span.End) is not { } block ||
            result.Input.CustomerRegister is not { } register)
        {
            return null;
        }

        Core.Documents.Language language = result.Input.MessageLanguage;
        var text = new System.Text.StringBuilder();
        text.Append(Cli.CliText.HoverCustomerRegister.Format(language, Messages.RegisterName(register.Register, language),
            register.Deciding.Any() ? $" ({register.Describe(language)})" : string.Empty,
            Messages.RegisterName(result.Input.ReplyRegister.Register, language)));
        if (result.Input.CustomerHostility is { IsHostile: true } hostility)
        {
            text.Append("\n\n").Append(Cli.CliText.HoverHostile.Format(language,
                string.Join(", ", hostility.Evidence.Select(e => Messages.Quote(language, e.Text)).Distinct().Take(3))));
        }

        return new Hover(new MarkupContent("markdown", text.ToString()), ProtocolConversion.ToRange(snapshot.Text, block.Span, _state.Encoding));
    }
}

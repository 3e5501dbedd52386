using System.Text;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;
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
        return new Hover(new MarkupContent("markdown", markdown.ToString()), ProtocolConversion.ToRange(snapshot.Text, covered, _state.Encoding));
    }

    private string Explain(AnalysisResult result, ToneDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("**").Append(diagnostic.Id).Append(" · ").Append(diagnostic.Category).Append("** — ").Append(diagnostic.Descriptor.Title).Append("\n\n");
        text.Append(diagnostic.Message).Append("\n\n");
        text.Append(diagnostic.Descriptor.HelpText);
        CodeFix? preferred = _state.Engine.GetFixes(result, diagnostic, cancellationToken).FirstOrDefault();
        if (preferred is not null)
        {
            text.Append("\n\n*Suggested:* ").Append(preferred.Title);
        }

        return text.ToString();
    }
}

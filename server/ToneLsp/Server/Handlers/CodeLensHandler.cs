using System.Text.Json;
using ToneLsp.Core.AddressForms;
using ToneLsp.Protocol;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>textDocument/codeLens: the address forms of a German reply, with lenses that convert it, and the registers of reply and customer.</summary>
internal sealed class CodeLensHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("textDocument/codeLens", Mutates: false, CodeLensAsync)];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) => capabilities with { CodeLensProvider = new CodeLensOptions(false) };

    /// <summary>LSP textDocument/codeLens: the address forms of a German reply, with a lens that converts it.</summary>
    public async Task<CodeLens[]> CodeLensAsync(CodeLensParams parameters, CancellationToken cancellationToken)
    {
        if (await _state.ReadAsync(parameters?.TextDocument?.Uri, ReadScope.EnabledDocuments, cancellationToken).ConfigureAwait(false) is not var (snapshot, result))
        {
            return [];
        }

        int line = result.Document.ReplyBlocks.FirstOrDefault() is { } first ? snapshot.Text.GetLineNumber(first.Span.Start) : 0;
        var range = new Lsp.Range(new Position(line, 0), new Position(line, 0));
        Core.Documents.Language language = result.Input.MessageLanguage;
        var lenses = new List<CodeLens>();
        if (result.Document.Language == Core.Documents.Language.German)
        {
            string summary = Cli.CliText.LensAddress.Format(language, Cli.CliText.AddressName(result.Input.ReplyAddress.Form, language)) +
                             (result.Input.CustomerAddress is { } customer ? Cli.CliText.LensCustomer.Format(language, Cli.CliText.AddressName(customer.Form, language)) : string.Empty);
            lenses.Add(new CodeLens(range, new Command(summary, string.Empty, null)));
            foreach (AddressForm target in new[] { AddressForm.Du, AddressForm.Sie }.Where(t => t != result.Input.ReplyAddress.Form))
            {
                if (result.Input.ReplyAddress.Form == AddressForm.None)
                {
                    break;
                }

                string label = target == AddressForm.Du ? "du" : "Sie";
                lenses.Add(new CodeLens(range, new Command(Cli.CliText.LensConvert.Format(language, label), Commands.ConvertDocument,
                    [JsonSerializer.SerializeToElement(snapshot.Uri, LspJsonContext.Default.String), JsonSerializer.SerializeToElement(target.ToName(), LspJsonContext.Default.String)])));
            }
        }

        // The registers only where there is a customer to mirror; without one the reply's register alone says little.
        if (result.Input.CustomerRegister is { } customerRegister)
        {
            string title = Cli.CliText.LensRegister.Format(language, Core.Diagnostics.Messages.RegisterName(result.Input.ReplyRegister.Register, language),
                               Core.Diagnostics.Messages.RegisterName(customerRegister.Register, language)) +
                           (result.Input.CustomerHostility is { IsHostile: true } ? Cli.CliText.LensHostile.In(language) : string.Empty);
            lenses.Add(new CodeLens(range, new Command(title, string.Empty, null)));
        }

        return [.. lenses];
    }
}

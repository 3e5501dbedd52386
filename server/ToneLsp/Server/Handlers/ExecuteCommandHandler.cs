using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Protocol;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>workspace/executeCommand: converting a whole reply, and accepting a phrase in a new configuration file.</summary>
internal sealed class ExecuteCommandHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("workspace/executeCommand", Mutates: true, ExecuteCommandAsync)];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) =>
        capabilities with { ExecuteCommandProvider = new ExecuteCommandOptions([Commands.ConvertDocument, Commands.AcceptPhrase]) };

    /// <summary>LSP workspace/executeCommand: <c>tonelsp.convertDocument [uri, "du"|"sie"]</c> applies the conversion through workspace/applyEdit.</summary>
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

        DocumentSnapshot? snapshot = await _state.TakeSnapshotAsync(uriArgument.GetString()).ConfigureAwait(false);
        AddressForm? target = AddressFormNames.Parse(targetArgument.GetString());
        if (snapshot is null || target is null)
        {
            throw new LocalRpcException("The document is not open or the target is not du or sie.") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        // The conversion uses the brand's and channel's capitalizeDu and audience, as tonelsp convert does.
        IReadOnlyList<Core.Text.TextEdit> edits = snapshot.Inputs.Convert(snapshot.Path, target.Value)?.Edits ?? [];
        if (edits.Count == 0 || _state.Connection is not { IsDisposed: false } rpc)
        {
            return null;
        }

        var edit = new WorkspaceEdit(new Dictionary<string, Lsp.TextEdit[]> { [snapshot.Uri] = ProtocolConversion.ToEdits(snapshot.Text, edits, _state.Encoding) });
        // A client that refuses the edit gets a plain answer, not the exception of the call that failed.
        JsonElement applied;
        try
        {
            applied = await rpc.InvokeWithParameterObjectAsync<JsonElement>("workspace/applyEdit", new ApplyWorkspaceEditParams(Cli.CliText.EditConvert.Format(_state.EditorLanguage ?? Core.Documents.Language.English, target.Value.ToName()), edit), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteRpcException exception)
        {
            _state.Logger.LogWarning("The editor refused the conversion: {Error}", exception.Message);
            throw new LocalRpcException($"The editor did not apply the conversion: {exception.Message}") { ErrorCode = LspErrorCodes.RequestFailed };
        }

        if (applied.ValueKind == JsonValueKind.Object && applied.TryGetProperty("applied", out JsonElement done) && done.ValueKind == JsonValueKind.False)
        {
            string reason = applied.TryGetProperty("failureReason", out JsonElement why) && why.ValueKind == JsonValueKind.String ? why.GetString()! : "no reason given";
            _state.Logger.LogWarning("The editor did not apply the conversion: {Reason}", reason);
        }

        return null;
    }

    // tonelsp.acceptPhrase [path, phrase]: writes a new .tonelsp.yaml that accepts the phrase and checks the open
    // templates again. It never overwrites: a configuration that appeared meanwhile is edited through the quick fix.
    private async Task<object?> AcceptPhraseAsync(JsonElement[]? arguments)
    {
        if (arguments is not [{ ValueKind: JsonValueKind.String } pathArgument, { ValueKind: JsonValueKind.String } phraseArgument] ||
            pathArgument.GetString() is not { } path || Path.GetFileName(path) != ConfigurationParser.FileName || !Path.IsPathRooted(path) ||
            phraseArgument.GetString() is not { Length: > 0 } phrase)
        {
            throw new LocalRpcException($"{Commands.AcceptPhrase} expects [the path of a new {ConfigurationParser.FileName}, the phrase].") { ErrorCode = LspErrorCodes.InvalidParams };
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            await writer.WriteAsync(ConfigurationEdits.NewFileAccepting(phrase)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            string reason = File.Exists(path) ? $"{path} exists now; use the quick fix again to add the phrase to it." : $"{path} could not be written: {exception.Message}";
            await ShowMessageAsync(1, $"ToneLsp did not accept “{phrase}”: {reason}").ConfigureAwait(false);
            throw new LocalRpcException(reason) { ErrorCode = LspErrorCodes.RequestFailed };
        }

        _state.Workspace.ConfigurationFileChanged(path);
        foreach (DocumentSnapshot snapshot in _state.Workspace.Refresh())
        {
            _state.ScheduleAnalysis(snapshot);
        }

        _state.RequestDiagnosticRefresh();
        await ShowMessageAsync(3, $"ToneLsp accepts “{phrase}” from now on ({path}).").ConfigureAwait(false);
        return null;
    }

    private async Task ShowMessageAsync(int type, string message)
    {
        try
        {
            await _state.NotifyAsync("window/showMessage", new ShowMessageParams(type, message)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _state.Logger.LogDebug("Could not show a message: {Error}", exception.Message);
        }
    }
}

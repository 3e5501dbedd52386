using System.Text.Json;
using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>workspace/didChangeConfiguration: the editor settings changed.</summary>
internal sealed class ConfigurationHandler(ServerState state) : ILspHandler
{
    private readonly ServerState _state = state;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods => [new("workspace/didChangeConfiguration", Mutates: true, DidChangeConfigurationAsync)];

    /// <summary>LSP workspace/didChangeConfiguration: settings are pushed, or pulled when the client only signals.</summary>
    public async Task DidChangeConfigurationAsync(DidChangeConfigurationParams? parameters)
    {
        if (parameters?.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty("tonelsp", out _))
        {
            _state.ApplySettings(settings);
            return;
        }

        if (_state.ConfigurationRequests)
        {
            await _state.PullConfigurationAsync().ConfigureAwait(false);
        }
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>
/// The lifecycle: initialize negotiates with the client and announces the capabilities the registered handlers
/// contribute; initialized pulls the settings and starts the workspace index; shutdown and exit end the session.
/// </summary>
internal sealed class LifecycleHandler(ServerState state, Func<ServerCapabilities> capabilities) : ILspHandler
{
    private readonly ServerState _state = state;
    private readonly Func<ServerCapabilities> _capabilities = capabilities;

    /// <inheritdoc />
    public IReadOnlyList<LspMethod> Methods =>
    [
        new("initialize", Mutates: true, Initialize),
        new("initialized", Mutates: true, InitializedAsync),
        new("shutdown", Mutates: true, Shutdown),
        new("exit", Mutates: true, Exit),
    ];

    /// <inheritdoc />
    public ServerCapabilities Contribute(ServerCapabilities capabilities) =>
        capabilities with { PositionEncoding = _state.Encoding == PositionEncoding.Utf8 ? PositionEncodingKinds.Utf8 : PositionEncodingKinds.Utf16 };

    /// <summary>LSP initialize.</summary>
    public InitializeResult Initialize(InitializeParams? parameters)
    {
        JsonElement capabilities = parameters?.Capabilities ?? default;
        _state.Encoding = ChooseEncoding(capabilities);
        _state.PullDiagnostics = Has(capabilities, "textDocument", "diagnostic");
        _state.ConfigurationRequests = Has(capabilities, "workspace", "configuration") && Get(capabilities, "workspace", "configuration") is { ValueKind: JsonValueKind.True };
        var warnings = new List<string>();
        _state.EditorLanguage = Core.Diagnostics.Messages.FromLocale(parameters?.Locale);
        if (parameters?.InitializationOptions is { ValueKind: JsonValueKind.Object } options)
        {
            _state.StatusNotifications = options.TryGetProperty("statusNotifications", out JsonElement status) && status.ValueKind == JsonValueKind.True;
            _state.Workspace.UpdateSettings(ServerSettings.Parse(options, warnings, _state.EditorLanguage));
        }
        else if (_state.EditorLanguage is not null)
        {
            _state.Workspace.UpdateSettings(ServerSettings.Parse(null, warnings, _state.EditorLanguage));
        }

        foreach (string warning in warnings)
        {
            _state.Logger.LogWarning("{Warning}", warning);
        }

        _state.DiagnosticRefresh = Get(capabilities, "workspace", "diagnostics", "refreshSupport") is { ValueKind: JsonValueKind.True };
        _state.WatchedFilesRegistration = Has(capabilities, "workspace", "didChangeWatchedFiles") &&
                                          Get(capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration") is { ValueKind: JsonValueKind.True };
        _state.CreateFiles = Get(capabilities, "workspace", "workspaceEdit", "resourceOperations") is { ValueKind: JsonValueKind.Array } operations &&
                            operations.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == "create");
        _state.Repository.SetRoots(WorkspaceFolderUris(parameters));
        _state.Logger.LogInformation("Initialized for {Client} ({Encoding}, {Mode} diagnostics).",
            parameters?.ClientInfo?.Name ?? "an unnamed client", _state.Encoding == PositionEncoding.Utf8 ? "utf-8" : "utf-16", _state.PullDiagnostics ? "pull" : "push");
        return new InitializeResult(_capabilities(), new ServerInfo("tonelsp", ToolInfo.Version));
    }

    /// <summary>LSP initialized.</summary>
    public async Task InitializedAsync(JsonElement? parameters = null)
    {
        _ = parameters;
        if (_state.ConfigurationRequests)
        {
            await _state.PullConfigurationAsync().ConfigureAwait(false);
        }

        await _state.RegisterFileWatchersAsync().ConfigureAwait(false);
        _state.StartWorkspaceScan();
    }

    /// <summary>LSP shutdown.</summary>
    public object? Shutdown()
    {
        _state.IsShutDown = true;
        _state.Logger.LogInformation("Shutting down.");
        return null;
    }

    /// <summary>LSP exit.</summary>
    public void Exit() => _state.Exit(_state.IsShutDown ? 0 : 1);

    private static PositionEncoding ChooseEncoding(JsonElement capabilities)
    {
        if (Get(capabilities, "general", "positionEncodings") is { ValueKind: JsonValueKind.Array } encodings &&
            encodings.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == PositionEncodingKinds.Utf8))
        {
            return PositionEncoding.Utf8;
        }

        return PositionEncoding.Utf16;
    }

    private static bool Has(JsonElement element, params string[] path) => Get(element, path) is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False) };

    private static JsonElement? Get(JsonElement element, params string[] path)
    {
        foreach (string name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    private static IEnumerable<string?> WorkspaceFolderUris(InitializeParams? parameters)
    {
        yield return parameters?.RootUri;
        if (parameters?.WorkspaceFolders is { } folders)
        {
            foreach (WorkspaceFolder folder in folders)
            {
                yield return folder?.Uri;
            }
        }
    }
}

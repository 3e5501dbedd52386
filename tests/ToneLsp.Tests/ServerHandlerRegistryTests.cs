using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using ToneLsp.Core.Analysis;
using ToneLsp.Server;
using ToneLsp.Server.Handlers;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>The handler registry: every LSP method has one handler, is reachable, and contributes the capabilities initialize announces.</summary>
public sealed class ServerHandlerRegistryTests
{
    // The methods the server serves, with whether each changes the server's state.
    private static readonly Dictionary<string, bool> ExpectedMethods = new()
    {
        ["initialize"] = true,
        ["initialized"] = true,
        ["shutdown"] = true,
        ["exit"] = true,
        ["textDocument/didOpen"] = true,
        ["textDocument/didChange"] = true,
        ["textDocument/didClose"] = true,
        ["textDocument/didSave"] = true,
        ["workspace/didChangeConfiguration"] = true,
        ["workspace/didChangeWatchedFiles"] = true,
        ["workspace/executeCommand"] = true,
        ["textDocument/diagnostic"] = false,
        ["workspace/diagnostic"] = false,
        ["textDocument/codeAction"] = false,
        ["textDocument/codeLens"] = false,
        ["textDocument/hover"] = false,
        ["textDocument/completion"] = false,
        ["textDocument/documentSymbol"] = false,
    };

    // The capabilities initialize announced before the handlers declared them, in the order they are written.
    private static readonly string[] PushCapabilities =
        ["positionEncoding", "textDocumentSync", "codeActionProvider", "hoverProvider", "codeLensProvider", "executeCommandProvider", "completionProvider", "documentSymbolProvider"];

    [Fact]
    public void EveryMethodHasExactlyOneRegisteredHandler()
    {
        var server = new ToneLanguageServer(ToneEngine.Default, NullLoggerFactory.Instance);

        LspMethod[] methods = [.. server.Handlers.Methods];

        Assert.Equal(methods.Length, methods.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ExpectedMethods.OrderBy(e => e.Key, StringComparer.Ordinal), methods.Select(m => KeyValuePair.Create(m.Name, m.Mutates)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(methods, m => Assert.Contains(server.Handlers.All, h => h == m.Implementation.Target));
    }

    [Fact]
    public void TheRegistryIsTheOnlyPlaceThatNamesMethods()
    {
        // A [JsonRpcMethod] attribute would add a method beside the registry.
        var attributed = typeof(ToneLanguageServer).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<JsonRpcMethodAttribute>() is not null)
            .Select(m => $"{m.DeclaringType?.Name}.{m.Name}");

        Assert.Empty(attributed);
    }

    [Fact]
    public async Task EveryRegisteredMethodIsReachable()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string[] lifecycle = ["initialize", "shutdown", "exit"];

        foreach (string method in client.Server.Handlers.Methods.Select(m => m.Name).Except(lifecycle))
        {
            // Empty parameters may be refused as invalid, but the method must be found.
            Exception? error = await Record.ExceptionAsync(() => client.RequestAsync<JsonElement>(method, new JsonObject()));
            Assert.False(error is RemoteMethodNotFoundException { ErrorCode: JsonRpcErrorCode.MethodNotFound }, $"{method} was not found: {error?.Message}");
        }

        var unknown = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync<JsonElement>("tonelsp/noSuchMethod", new JsonObject()));
        Assert.Equal(JsonRpcErrorCode.MethodNotFound, unknown.ErrorCode);
    }

    [Fact]
    public async Task InitializeAnnouncesWhatTheHandlersContribute()
    {
        await using LspTestClient client = LspTestClient.StartUninitialized();

        JsonElement capabilities = (await client.InitializeAsync(ClientSetup.Minimal)).GetProperty("capabilities");

        Assert.Equal(PushCapabilities, capabilities.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"openClose":true,"change":2,"save":{"includeText":false}}""", capabilities.GetProperty("textDocumentSync").GetRawText());
        Assert.Equal("""{"codeActionKinds":["quickfix","source.fixAll.tonelsp","refactor.rewrite"],"resolveProvider":false}""", capabilities.GetProperty("codeActionProvider").GetRawText());
        Assert.Equal("""{"commands":["tonelsp.convertDocument","tonelsp.acceptPhrase"]}""", capabilities.GetProperty("executeCommandProvider").GetRawText());
        Assert.Equal("""{"resolveProvider":false}""", capabilities.GetProperty("codeLensProvider").GetRawText());
        Assert.Equal("""{"resolveProvider":false}""", capabilities.GetProperty("completionProvider").GetRawText());
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        Assert.True(capabilities.GetProperty("documentSymbolProvider").GetBoolean());
    }

    [Fact]
    public async Task APullingClientAlsoGetsDocumentAndWorkspaceDiagnostics()
    {
        await using LspTestClient client = LspTestClient.StartUninitialized();

        JsonElement capabilities = (await client.InitializeAsync(new ClientSetup { PullDiagnostics = true, OffersUtf8 = true })).GetProperty("capabilities");

        Assert.Equal([.. PushCapabilities, "diagnosticProvider"], capabilities.EnumerateObject().Select(p => p.Name));
        Assert.Equal("utf-8", capabilities.GetProperty("positionEncoding").GetString());
        Assert.Equal("""{"identifier":"tonelsp","interFileDependencies":true,"workspaceDiagnostics":true}""", capabilities.GetProperty("diagnosticProvider").GetRawText());
    }
}

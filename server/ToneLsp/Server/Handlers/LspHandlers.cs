using StreamJsonRpc;
using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>The registry of handlers: adding an LSP method means adding its handler to <see cref="All"/>.</summary>
internal sealed class LspHandlers
{
    /// <summary>Creates every handler over the shared state.</summary>
    public LspHandlers(ServerState state)
    {
        // The order is the order in which the handlers contribute their capabilities.
        All =
        [
            new LifecycleHandler(state, Capabilities),
            new TextSyncHandler(state),
            new ConfigurationHandler(state),
            new WatchedFilesHandler(state),
            new DocumentDiagnosticHandler(state),
            new WorkspaceDiagnosticHandler(state),
            new CodeActionHandler(state),
            new CodeLensHandler(state),
            new ExecuteCommandHandler(state),
            new HoverHandler(state),
            new CompletionHandler(state),
            new DocumentSymbolHandler(state),
        ];
    }

    /// <summary>Every handler of the server.</summary>
    public IReadOnlyList<ILspHandler> All { get; }

    /// <summary>Every method the handlers serve.</summary>
    public IEnumerable<LspMethod> Methods => All.SelectMany(handler => handler.Methods);

    /// <summary>The capabilities the handlers provide, for what initialize negotiated.</summary>
    public ServerCapabilities Capabilities() => All.Aggregate(new ServerCapabilities(), (capabilities, handler) => handler.Contribute(capabilities));

    /// <summary>Adds every method to the connection before it starts listening.</summary>
    public void Register(JsonRpc rpc)
    {
        foreach (LspMethod method in Methods)
        {
            // A method that takes parameters receives the params object whole, as LSP sends one object.
            bool takesParameters = method.Implementation.Method.GetParameters().Any(p => p.ParameterType != typeof(CancellationToken));
            rpc.AddLocalRpcMethod(method.Implementation.Method, method.Implementation.Target,
                new JsonRpcMethodAttribute(method.Name) { UseSingleObjectParameterDeserialization = takesParameters });
        }
    }
}

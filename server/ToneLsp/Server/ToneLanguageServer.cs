using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Text;
using ToneLsp.Protocol;
using ToneLsp.Server.Handlers;

namespace ToneLsp.Server;

/// <summary>
/// The language server: the shared state, the handlers of the LSP methods (<see cref="LspHandlers"/>) and the
/// connection. Every message starts on one ordered context, so mutating notifications (open, change, close,
/// configuration) run one at a time in arrival order; read requests take the current snapshot there and then run
/// concurrently on the thread pool, honouring cancellation.
/// </summary>
public sealed class ToneLanguageServer
{
    private readonly ServerState _state;
    private readonly LspHandlers _handlers;
    private readonly ILoggerFactory _loggerFactory;
    private readonly LspLoggerProvider? _clientLog;

    /// <summary>Creates a server over the given engine.</summary>
    public ToneLanguageServer(ToneEngine engine, ILoggerFactory loggerFactory, LspLoggerProvider? clientLog = null)
    {
        _state = new ServerState(engine, loggerFactory.CreateLogger("tonelsp"));
        _handlers = new LspHandlers(_state);
        _loggerFactory = loggerFactory;
        _clientLog = clientLog;
    }

    /// <summary>The open documents.</summary>
    public Workspace Workspace => _state.Workspace;

    /// <summary>The negotiated position encoding.</summary>
    public PositionEncoding Encoding => _state.Encoding;

    /// <summary>The repositories around the open documents.</summary>
    public RepositoryContext Repository => _state.Repository;

    /// <summary>The handlers, for checks of the registry.</summary>
    internal LspHandlers Handlers => _handlers;

    /// <summary>Serves one client over the streams until it exits or disconnects; returns the process exit code.</summary>
    public async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        var formatter = new SystemTextJsonFormatter();
        LspJson.ConfigureServer(formatter.JsonSerializerOptions);
        var handler = new LspMessageHandler(output, input, formatter, _loggerFactory.CreateLogger("tonelsp.transport"));
        using var rpc = new LspJsonRpc(handler, _state.Logger)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        _handlers.Register(rpc);
        _state.Connection = rpc;
        _clientLog?.Attach(rpc);
        rpc.StartListening();
        using CancellationTokenRegistration registration = cancellationToken.Register(() => _state.Exit(1));
        Task finished = await Task.WhenAny(rpc.Completion, _state.Exited).ConfigureAwait(false);
        if (finished == rpc.Completion)
        {
            try
            {
                await rpc.Completion.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _state.Logger.LogWarning("The connection ended: {Error}", exception.Message);
            }

            return _state.IsShutDown ? 0 : 1;
        }

        return await _state.Exited.ConfigureAwait(false);
    }
}

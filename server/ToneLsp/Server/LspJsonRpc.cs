using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using ToneLsp.Protocol;

namespace ToneLsp.Server;

/// <summary>
/// The JSON-RPC connection with LSP's lifecycle written once for every method: requests before
/// <c>initialize</c> get ServerNotInitialized, a second <c>initialize</c> and every request after
/// <c>shutdown</c> get InvalidRequest, and notifications in those states are dropped (except <c>exit</c>).
/// Error responses carry a code and a message, never a .NET stack trace; the full exception goes to the log.
/// </summary>
public sealed class LspJsonRpc : JsonRpc
{
    private const string Initialize = "initialize";
    private const string Shutdown = "shutdown";
    private const string Exit = "exit";

    private readonly ILogger _logger;
    private LifecycleState _state;

    /// <summary>Creates a connection over the message handler.</summary>
    public LspJsonRpc(IJsonRpcMessageHandler handler, ILogger logger)
        : base(handler)
    {
        _logger = logger;
    }

    private enum LifecycleState
    {
        Uninitialized,
        Initialized,
        ShutDown,
    }

    /// <inheritdoc />
    protected override ValueTask<JsonRpcMessage> DispatchRequestAsync(JsonRpcRequest request, TargetMethod targetMethod, CancellationToken cancellationToken)
    {
        string method = request.Method ?? string.Empty;
        if (Refusal(method) is var (code, message))
        {
            if (request.IsResponseExpected)
            {
                _logger.LogWarning("Refused {Method}: {Reason}", method, message);
                return new ValueTask<JsonRpcMessage>(new JsonRpcError
                {
                    RequestId = request.RequestId,
                    Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)code, Message = message },
                });
            }

            _logger.LogWarning("Ignored the notification {Method}: {Reason}", method, message);
            return new ValueTask<JsonRpcMessage>(new JsonRpcResult { RequestId = request.RequestId });
        }

        // Only requests move the lifecycle on: a "shutdown" sent as a notification is not a shutdown.
        if (method == Initialize && request.IsResponseExpected)
        {
            _state = LifecycleState.Initialized;
        }
        else if (method == Shutdown && request.IsResponseExpected)
        {
            _state = LifecycleState.ShutDown;
        }
        else if (method is Initialize or Shutdown)
        {
            _logger.LogWarning("Ignored {Method} sent as a notification.", method);
            return new ValueTask<JsonRpcMessage>(new JsonRpcResult { RequestId = request.RequestId });
        }

        ValueTask<JsonRpcMessage> dispatched = base.DispatchRequestAsync(request, targetMethod, cancellationToken);
        return request.IsResponseExpected ? dispatched : ReportFailedNotificationAsync(dispatched, method);
    }

    /// <inheritdoc />
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        // StreamJsonRpc chooses the code (InvalidParams, InvocationError …); its data holds the .NET stack trace,
        // which stays in the log. A LocalRpcException keeps the data it was given on purpose.
        JsonRpcError.ErrorDetail detail = base.CreateErrorDetails(request, exception);
        if (exception is LocalRpcException local)
        {
            detail.Data = local.ErrorData;
            return detail;
        }

        _logger.LogError(exception, "The request {Method} failed.", request.Method);
        detail.Data = null;
        return detail;
    }

    // A notification has no response to carry its failure: say it in the log, where the client shows it.
    private async ValueTask<JsonRpcMessage> ReportFailedNotificationAsync(ValueTask<JsonRpcMessage> dispatched, string method)
    {
        JsonRpcMessage result = await dispatched.ConfigureAwait(false);
        if (result is JsonRpcError { Error: { } error })
        {
            _logger.LogError("The notification {Method} was not applied: {Message}", method, error.Message);
        }

        return result;
    }

    // Why a message may not run in the current state, or null when it may.
    private (int Code, string Message)? Refusal(string method) => _state switch
    {
        _ when method == Exit => null,
        LifecycleState.Uninitialized when method != Initialize => (LspErrorCodes.ServerNotInitialized, "The server is not initialized."),
        LifecycleState.Initialized when method == Initialize => (LspErrorCodes.InvalidRequest, "initialize may be sent only once."),
        LifecycleState.ShutDown => (LspErrorCodes.InvalidRequest, "The server is shutting down; only exit is accepted."),
        _ => null,
    };
}

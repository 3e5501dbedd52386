using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using ToneLsp.Protocol;

namespace ToneLsp.Server;

/// <summary>Sends log messages to the client as <c>window/logMessage</c> once a connection is attached.</summary>
public sealed class LspLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    private JsonRpc? _rpc;

    /// <summary>Starts forwarding to the connection.</summary>
    public void Attach(JsonRpc rpc) => _rpc = rpc;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <inheritdoc />
    public void Dispose() => _rpc = null;

    private sealed class Logger(LspLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimumLevel && logLevel != LogLevel.None && provider._rpc is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || provider._rpc is not { IsDisposed: false } rpc)
            {
                return;
            }

            int type = logLevel switch
            {
                >= LogLevel.Error => MessageType.Error,
                LogLevel.Warning => MessageType.Warning,
                LogLevel.Information => MessageType.Info,
                _ => MessageType.Log,
            };
            string message = formatter(state, exception) + (exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})");
            _ = rpc.NotifyWithParameterObjectAsync("window/logMessage", new LogMessageParams(type, message)).ContinueWith(
                static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    private readonly LogLevel _minimumLevel = minimum;
}

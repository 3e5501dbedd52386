using Microsoft.Extensions.Logging;
using Nerdbank.Streams;
using ToneLsp.Core.Analysis;
using ToneLsp.Server;

namespace ToneLsp.Tests.Support;

/// <summary>
/// A language server running on one end of an in-memory duplex stream; the test speaks on the other
/// end. Warnings are forwarded to the client as <c>window/logMessage</c>, as in the real executable.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;

    private InProcessServer()
    {
        var clientLog = new LspLoggerProvider(LogLevel.Warning);
        _loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Warning).AddProvider(clientLog));
        Server = new ToneLanguageServer(ToneEngine.Default, _loggers, clientLog);
        (Stream clientEnd, Stream serverEnd) = FullDuplexStream.CreatePair();
        ClientStream = clientEnd;
        Completion = Task.Run(() => Server.RunAsync(serverEnd, serverEnd));
    }

    /// <summary>The server object, for checks of its state such as the text it holds.</summary>
    public ToneLanguageServer Server { get; }

    /// <summary>The client's end of the connection.</summary>
    public Stream ClientStream { get; }

    /// <summary>Completes with the exit code when the server stops.</summary>
    public Task<int> Completion { get; }

    /// <summary>Starts a server.</summary>
    public static InProcessServer Start() => new();

    /// <summary>Waits for the server to stop and returns its exit code.</summary>
    public Task<int> WaitForExitAsync() => Completion.WaitAsync(TestTimeouts.Default);

    /// <summary>Closes the client's end and waits for the server to notice.</summary>
    public async ValueTask DisposeAsync()
    {
        await ClientStream.DisposeAsync();
        try
        {
            await WaitForExitAsync();
        }
        finally
        {
            _loggers.Dispose();
        }
    }
}

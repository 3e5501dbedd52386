using System.Diagnostics;
using System.Text;

namespace ToneLsp.Tests.Support;

/// <summary>
/// The built <c>tonelsp</c> executable running <c>serve</c> as a child process, spoken to over its
/// standard input and output; standard error is collected. Disposing kills it if it still runs.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();
        Connection = new RawLspConnection(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
    }

    /// <summary>The connection over standard input and output.</summary>
    public RawLspConnection Connection { get; }

    /// <summary>What the server wrote to standard error so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet tonelsp.dll serve</c>.</summary>
    public static ServerProcess Start() => new(Process.Start(TonelspExecutable.StartInfo("serve"))!);

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process if it still runs and releases the pipes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await Connection.DisposeAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }
}

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

    /// <summary>Starts <c>dotnet tonelsp.dll serve</c> from the test's output directory, where the build copies the server.</summary>
    public static ServerProcess Start()
    {
        string server = Path.Combine(AppContext.BaseDirectory, "tonelsp.dll");
        Assert.True(File.Exists(server), $"The server is not next to the tests: {server}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(server);
        start.ArgumentList.Add("serve");
        return new ServerProcess(Process.Start(start)!);
    }

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

    // The host that runs the tests, so the server runs on the same runtime.
    private static string DotnetHost()
    {
        string? sdkHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(sdkHost) && File.Exists(sdkHost))
        {
            return sdkHost;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}

using System.Diagnostics;
using ToneLsp.Cli;

namespace ToneLsp.Tests.Support;

/// <summary>What one run of the command line returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the command line, in process or as the built executable, capturing standard output and standard error.</summary>
public static class ToneCli
{
    /// <summary>Runs <c>tonelsp</c> with the given arguments.</summary>
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = CliApp.Run(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built executable, for what only a real process shows, such as its entry assembly's version.</summary>
    public static async Task<CliResult> RunExecutableAsync(params string[] args)
    {
        using Process process = Process.Start(TonelspExecutable.StartInfo(args))!;
        try
        {
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TestTimeouts.Default);
            await process.WaitForExitAsync(timeout.Token);
            return new CliResult(process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

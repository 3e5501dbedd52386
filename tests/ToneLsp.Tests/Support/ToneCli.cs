using ToneLsp.Cli;

namespace ToneLsp.Tests.Support;

/// <summary>What one run of the command line returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the command line in process, capturing standard output and standard error.</summary>
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
}

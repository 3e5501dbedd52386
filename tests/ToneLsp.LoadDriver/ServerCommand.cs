using System.Diagnostics;

namespace ToneLsp.LoadDriver;

/// <summary>Starts the server under test: tonelsp.dll on the dotnet host, or a native tonelsp executable on its own.</summary>
public static class ServerCommand
{
    /// <summary>A start description with redirected standard streams for <paramref name="server"/> and the arguments.</summary>
    public static ProcessStartInfo StartInfo(string server, params string[] arguments)
    {
        bool assembly = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(assembly ? "dotnet" : server, assembly ? [server, .. arguments] : arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return start;
    }
}

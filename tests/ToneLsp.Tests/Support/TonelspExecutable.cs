using System.Diagnostics;

namespace ToneLsp.Tests.Support;

/// <summary>How to start the built <c>tonelsp</c>: the build copies tonelsp.dll next to the tests.</summary>
public static class TonelspExecutable
{
    /// <summary>A start description for <c>dotnet tonelsp.dll ARGS</c> with every standard stream redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
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
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
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

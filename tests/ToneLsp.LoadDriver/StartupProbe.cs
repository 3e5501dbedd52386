using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToneLsp.LoadDriver;

/// <summary>
/// Measures what a user waits for when the editor starts: from starting the server process to its answer to
/// <c>initialize</c>, and to the first diagnostics of a template opened right after <c>initialized</c>, with the
/// examples folder as the workspace. One unmeasured run first warms the disk cache and this driver; then the median
/// of the given number of runs is reported. The client side is a few lines of framing, so it adds little of its own.
/// </summary>
public static class StartupProbe
{
    /// <summary>Runs the probe; returns 0 when every run got its diagnostics.</summary>
    public static async Task<int> RunAsync(string server, string examples, int runs)
    {
        string template = Directory.GetFiles(examples, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var initializeTimes = new List<double>();
        var diagnosticsTimes = new List<double>();
        var cpuTimes = new List<double>();
        for (int run = 0; run <= runs; run++)
        {
            (double initialized, double diagnostics, double cpu) = await MeasureAsync(server, examples, template);
            if (run > 0)
            {
                initializeTimes.Add(initialized);
                diagnosticsTimes.Add(diagnostics);
                cpuTimes.Add(cpu);
            }
        }

        Console.WriteLine($"server: {server}");
        Console.WriteLine($"start to initialize answer: median {Median(initializeTimes):F0} ms (runs: {string.Join(", ", initializeTimes.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"start to first diagnostics: median {Median(diagnosticsTimes):F0} ms (runs: {string.Join(", ", diagnosticsTimes.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"server CPU time (user + system, all threads) until the first diagnostics: median {Median(cpuTimes):F0} ms");
        return 0;
    }

    private static async Task<(double Initialize, double Diagnostics, double Cpu)> MeasureAsync(string server, string examples, string template)
    {
        string rootUri = new Uri(Path.GetFullPath(examples) + Path.DirectorySeparatorChar).AbsoluteUri;
        string templateUri = new Uri(Path.GetFullPath(template)).AbsoluteUri;
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(ServerCommand.StartInfo(server, "serve", "--log-level", "warning"))!;
        _ = process.StandardError.ReadToEndAsync();
        Stream input = process.StandardInput.BaseStream;
        Stream output = process.StandardOutput.BaseStream;
        try
        {
            await SendAsync(input, new JsonObject
            {
                ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize",
                ["params"] = new JsonObject { ["processId"] = Environment.ProcessId, ["rootUri"] = rootUri, ["capabilities"] = new JsonObject() },
            });
            await ReadUntilAsync(output, message => message["id"]?.GetValue<int>() == 1);
            double initialized = clock.Elapsed.TotalMilliseconds;
            await SendAsync(input, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "initialized", ["params"] = new JsonObject() });
            await SendAsync(input, new JsonObject
            {
                ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen",
                ["params"] = new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = templateUri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = await File.ReadAllTextAsync(template) },
                },
            });
            await ReadUntilAsync(output, message => message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" &&
                                                    message["params"]?["uri"]?.GetValue<string>() == templateUri);
            double diagnostics = clock.Elapsed.TotalMilliseconds;
            double cpu = CpuMilliseconds(process.Id);
            await SendAsync(input, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "shutdown" });
            await ReadUntilAsync(output, message => message["id"]?.GetValue<int>() == 2);
            await SendAsync(input, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" });
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            return (initialized, diagnostics, cpu);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // User and system time of the process so far, from /proc (clock ticks of 10 ms on Linux); NaN elsewhere.
    private static double CpuMilliseconds(int pid)
    {
        string stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return double.NaN;
        }

        string[] fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 10.0;
    }

    private static async Task SendAsync(Stream input, JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        await input.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await input.WriteAsync(body);
        await input.FlushAsync();
    }

    // Reads framed messages until one matches; a server that closes its output first fails the run.
    private static async Task ReadUntilAsync(Stream output, Func<JsonNode, bool> matches)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var header = new StringBuilder();
            while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                var one = new byte[1];
                if (await output.ReadAsync(one, timeout.Token) == 0)
                {
                    throw new InvalidOperationException("The server closed its output before the awaited message.");
                }

                header.Append((char)one[0]);
            }

            string lengthLine = header.ToString().Split("\r\n").First(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var body = new byte[int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)];
            await output.ReadExactlyAsync(body, timeout.Token);
            if (JsonNode.Parse(body) is { } message && matches(message))
            {
                return;
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

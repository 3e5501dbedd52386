using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using StreamJsonRpc;
using ToneLsp.Protocol;

// Drives the real tonelsp server like an editor with many open templates and reports latencies.
// Usage: dotnet run -c Release --project tests/ToneLsp.LoadDriver -- [--server PATH] [--documents 500] [--typing 6] [--seconds 20] [--rate 4] [--warm-up 15]
//        dotnet run -c Release --project tests/ToneLsp.LoadDriver -- --fuzz SECONDS [--seed N]   (a bounded protocol fuzzing campaign)
//        dotnet run -c Release --project tests/ToneLsp.LoadDriver -- --startup RUNS              (editor start to first diagnostics)
// PATH is tonelsp.dll (run with dotnet) or a native tonelsp executable.
var options = LoadOptions.Parse(args);
string root = FindRoot();
string server = options.Server ?? Path.Combine(root, "server/ToneLsp/bin/Release/net10.0/tonelsp.dll");
if (!File.Exists(server))
{
    Console.Error.WriteLine($"No server at {server}; build it with: dotnet build server/ToneLsp -c Release");
    return 2;
}

if (args.Contains("--fuzz"))
{
    int fuzzSeconds = int.Parse(args.SkipWhile(a => a != "--fuzz").Skip(1).FirstOrDefault() ?? "20", System.Globalization.CultureInfo.InvariantCulture);
    int seed = int.Parse(args.SkipWhile(a => a != "--seed").Skip(1).FirstOrDefault() ?? "20261123", System.Globalization.CultureInfo.InvariantCulture);
    return await new ToneLsp.LoadDriver.ProtocolFuzzer(server, fuzzSeconds, seed).RunAsync();
}

if (args.Contains("--startup"))
{
    int runs = int.Parse(args.SkipWhile(a => a != "--startup").Skip(1).FirstOrDefault() ?? "7", System.Globalization.CultureInfo.InvariantCulture);
    return await ToneLsp.LoadDriver.StartupProbe.RunAsync(server, Path.Combine(root, "examples"), runs);
}

string[] templates = [.. Directory.GetFiles(Path.Combine(root, "examples"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
ProcessStartInfo startInfo = ToneLsp.LoadDriver.ServerCommand.StartInfo(server, "serve", "--log-level", "warning");
var started = Stopwatch.StartNew();
using Process process = Process.Start(startInfo)!;
_ = process.StandardError.ReadToEndAsync();
var published = new ConcurrentDictionary<(string Uri, int Version), long>();
var waiters = new ConcurrentDictionary<(string Uri, int Version), TaskCompletionSource<long>>();
var formatter = new SystemTextJsonFormatter();
LspJson.Configure(formatter.JsonSerializerOptions);
using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
rpc.AddLocalRpcTarget(new DiagnosticsSink(parameters =>
{
    string uri = parameters.GetProperty("uri").GetString()!;
    if (parameters.TryGetProperty("version", out JsonElement version) && version.ValueKind == JsonValueKind.Number)
    {
        var key = (uri, version.GetInt32());
        long now = Stopwatch.GetTimestamp();
        published[key] = now;
        if (waiters.TryRemove(key, out var waiter))
        {
            waiter.TrySetResult(now);
        }
    }
}));
rpc.StartListening();
try
{
    await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = Environment.ProcessId, rootUri = (string?)null, capabilities = new { } });
    double startup = started.Elapsed.TotalMilliseconds;
    await rpc.NotifyWithParameterObjectAsync("initialized", new { });

    // Open every document and wait until each has its first diagnostics.
    var openWatch = Stopwatch.StartNew();
    var texts = new string[options.Documents];
    for (int i = 0; i < options.Documents; i++)
    {
        texts[i] = $"# Vorlage {i}\n\n" + templates[i % templates.Length];
        await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(Uri(i), "markdown", 1, texts[i])));
    }

    for (int i = 0; i < options.Documents; i++)
    {
        await WaitForAsync(Uri(i), 1);
    }

    double openAll = openWatch.Elapsed.TotalMilliseconds;

    // Type into a few documents at a steady rate, with code actions and hovers in between. The first seconds warm the
    // server up and are not counted; the figures describe the steady state. Fifteen, because within about that time
    // of opening 500 documents at once the GC promotes their analyses to the oldest generation, which once delays a
    // request by 10-20 ms (with a 5-second warm-up that pause fell into the measurement in about half of the runs).
    var keystrokes = new ConcurrentBag<double>();
    var warmUp = Stopwatch.StartNew();
    var codeActions = new ConcurrentBag<double>();
    var hovers = new ConcurrentBag<double>();
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + options.WarmUp));
    var typists = Enumerable.Range(0, options.Typing).Select(async d =>
    {
        int version = 1;
        string text = texts[d];
        var random = new Random(d);
        var interval = TimeSpan.FromSeconds(1.0 / options.Rate);
        while (!stop.IsCancellationRequested)
        {
            // Append a character at the end of a random line, as typing does.
            var lines = text.Split('\n');
            int line = random.Next(2, lines.Length);
            int character = lines[line].Length;
            string typed = "abcdefghij "[random.Next(11)].ToString();
            text = string.Join('\n', lines.Select((l, k) => k == line ? l + typed : l));
            version++;
            var waiter = waiters.GetOrAdd((Uri(d), version), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            long sent = Stopwatch.GetTimestamp();
            await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(Uri(d), version),
                [new TextDocumentContentChangeEvent(new ToneLsp.Protocol.Range(new Position(line, character), new Position(line, character)), null, typed)]));
            if (published.TryGetValue((Uri(d), version), out long early))
            {
                waiter.TrySetResult(early);
            }

            long arrived = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(10));
            bool measuring = warmUp.Elapsed > TimeSpan.FromSeconds(options.WarmUp);
            if (measuring)
            {
                keystrokes.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            }

            if (version % 3 == 0)
            {
                long asked = Stopwatch.GetTimestamp();
                await rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/codeAction", new CodeActionParams(
                    new TextDocumentIdentifier(Uri(d)), new ToneLsp.Protocol.Range(new Position(line, 0), new Position(line, character)), new CodeActionContext([], null, null)));
                if (measuring)
                {
                    codeActions.Add(Stopwatch.GetElapsedTime(asked).TotalMilliseconds);
                }

                asked = Stopwatch.GetTimestamp();
                await rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/hover", new HoverParams(new TextDocumentIdentifier(Uri(d)), new Position(line, 0)));
                if (measuring)
                {
                    hovers.Add(Stopwatch.GetElapsedTime(asked).TotalMilliseconds);
                }
            }

            try
            {
                await Task.Delay(interval, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }).ToList();
    await Task.WhenAll(typists);
    long peak = PeakWorkingSetKilobytes(process.Id);

    Console.WriteLine($"start-up to initialize response: {startup:F0} ms");
    Console.WriteLine($"open {options.Documents} documents until all have diagnostics: {openAll:F0} ms");
    Report("keystroke → diagnostics for that version", keystrokes);
    Report("code action", codeActions);
    Report("hover", hovers);
    Console.WriteLine($"server peak working set: {peak / 1024.0:F0} MB");
    await rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown", new { });
    await rpc.NotifyWithParameterObjectAsync("exit", new { });
    await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
    return 0;
}
finally
{
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
    }
}

async Task WaitForAsync(string uri, int version)
{
    var waiter = waiters.GetOrAdd((uri, version), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
    if (published.ContainsKey((uri, version)))
    {
        waiter.TrySetResult(0);
    }

    await waiter.Task.WaitAsync(TimeSpan.FromSeconds(60));
}

static void Report(string name, IEnumerable<double> samples)
{
    var sorted = samples.Order().ToList();
    if (sorted.Count == 0)
    {
        Console.WriteLine($"{name}: no samples");
        return;
    }

    double Percentile(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    Console.WriteLine($"{name}: p50 {Percentile(0.50):F2} ms, p95 {Percentile(0.95):F2} ms, p99 {Percentile(0.99):F2} ms ({sorted.Count} samples)");
}

// The kernel's high-water mark of the process's resident memory.
static long PeakWorkingSetKilobytes(int pid)
{
    string status = $"/proc/{pid}/status";
    if (!File.Exists(status))
    {
        return 0;
    }

    string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}

static string Uri(int i) => $"file:///load/template-{i:000}.md";

static string FindRoot()
{
    for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
    {
        if (File.Exists(Path.Combine(directory, "ToneLsp.sln")))
        {
            return directory;
        }
    }

    throw new InvalidOperationException("Run the load driver from inside the repository.");
}

// Receives the server's diagnostics notifications.
internal sealed class DiagnosticsSink(Action<JsonElement> onPublished)
{
    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(JsonElement parameters) => onPublished(parameters);
}

internal sealed record LoadOptions(string? Server, int Documents, int Typing, int Seconds, double Rate, int WarmUp)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new LoadOptions(
            Value("--server"),
            int.Parse(Value("--documents") ?? "500", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--typing") ?? "6", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "20", System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(Value("--rate") ?? "4", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--warm-up") ?? "15", System.Globalization.CultureInfo.InvariantCulture));
    }
}

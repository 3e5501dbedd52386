using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToneLsp.LoadDriver;

/// <summary>
/// A bounded fuzzing campaign against the real server over stdio: malformed frames, invalid JSON, wrong parameter
/// shapes, unknown methods, out-of-range positions, deep nesting, binary garbage and a 10 MB document. After every
/// batch the server must still answer a hover on a known document correctly. Deterministic for a given seed.
/// </summary>
public sealed class ProtocolFuzzer(string server, int seconds, int seed)
{
    // No "shutdown" request: after it the specification lets the server answer nothing but exit, so the health probe
    // would fail by design (the lifecycle has its own tests). A "shutdown" notification stays, as must be ignored.
    private static readonly string[] Methods =
    [
        "initialize", "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/codeAction",
        "textDocument/hover", "textDocument/diagnostic", "textDocument/codeLens", "textDocument/completion", "textDocument/documentSymbol",
        "workspace/didChangeConfiguration", "workspace/executeCommand", "workspace/diagnostic", "workspace/didChangeWatchedFiles",
        "$/cancelRequest", "$/setTrace", "tonelsp/nope", "", "\u0000",
    ];

    private const string HealthUri = "file:///fuzz/health.md";
    private const string HealthText = "Wie bereits erwähnt, ist die Antwort im Hilfebereich.\n";
    private readonly Random _random = new(seed);
    private readonly ConcurrentDictionary<long, JsonNode?> _responses = new();
    private Stream _input = Stream.Null;
    private long _nextId = 1_000_000;

    /// <summary>How many fuzz inputs were sent.</summary>
    public int Inputs { get; private set; }

    /// <summary>Runs the campaign; returns 0 when the server survived everything and answered correctly throughout.</summary>
    public async Task<int> RunAsync()
    {
        ProcessStartInfo start = ServerCommand.StartInfo(server, "serve", "--log-level", "error");
        using Process process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        _input = process.StandardInput.BaseStream;
        Task reader = Task.Run(() => ReadResponses(process.StandardOutput.BaseStream));
        try
        {
            await SendAsync(Request(1, "initialize", new JsonObject { ["processId"] = null, ["capabilities"] = new JsonObject() }));
            await WaitForAsync(1);
            await SendAsync(Notification("initialized", new JsonObject()));
            await SendAsync(Notification("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = HealthUri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = HealthText },
            }));

            var clock = Stopwatch.StartNew();
            int batches = 0;
            await SendAsync(Huge());
            Inputs++;
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                for (int i = 0; i < 50; i++)
                {
                    await SendAsync(NextInput());
                    Inputs++;
                }

                batches++;
                if (process.HasExited)
                {
                    Console.Error.WriteLine($"fuzz: the server exited with code {process.ExitCode} after {Inputs} inputs");
                    return 1;
                }

                if (!await HealthyAsync())
                {
                    Console.Error.WriteLine($"fuzz: the server stopped answering correctly after {Inputs} inputs (seed {seed})");
                    return 1;
                }
            }

            Console.WriteLine($"fuzz: {Inputs} inputs tried in {batches} batches over {clock.Elapsed.TotalSeconds:F0} s (seed {seed}); the server answered correctly after every batch");
            return 0;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // A hover on the known finding must still return its explanation. A frame that announced more bytes than it
    // sent swallows what follows (the protocol cannot prevent that), so the probe is preceded by padding such a frame
    // can consume and is tried again; a server that stopped working fails every attempt.
    private async Task<bool> HealthyAsync()
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long id = Interlocked.Increment(ref _nextId);
            await _input.WriteAsync(Encoding.ASCII.GetBytes(new string(' ', 64) + "\r\n\r\n"));
            await SendAsync(Request(id, "textDocument/hover", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = HealthUri },
                ["position"] = new JsonObject { ["line"] = 0, ["character"] = 3 },
            }));
            JsonNode? response = await WaitForAsync(id, TimeSpan.FromSeconds(attempt == 2 ? 30 : 5));
            if (response?["result"]?["contents"]?["value"]?.GetValue<string>().Contains("TONE001", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    private byte[] NextInput() => _random.Next(10) switch
    {
        0 => Garbage(),
        1 => WrongLength(),
        2 => Encoding.UTF8.GetBytes("Content-Type: nothing\r\n\r\n{}"),
        3 => Frame(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + _random.Next() + ",\"method\":\"textDocument/hover\",\"params\":" + new string('[', _random.Next(100, 5000)))),
        4 => Frame(Mutate(Request(_random.Next(), Methods[_random.Next(Methods.Length)], RandomValue(3)))),
        5 => Request(_random.Next(), "textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = _random.Next(3) == 0 ? HealthUri : "file:///fuzz/unknown.md" },
            ["range"] = RandomRange(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }),
        6 => Notification("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///fuzz/scratch.md", ["version"] = _random.Next() },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = RandomRange(), ["text"] = RandomText() }),
        }),
        7 => Notification("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///fuzz/scratch.md", ["languageId"] = "markdown", ["version"] = 1, ["text"] = RandomText() },
        }),
        _ => _random.Next(2) == 0
            ? Request(_random.Next(), Methods[_random.Next(Methods.Length)], RandomValue(4))
            : Notification(_random.Next(20) == 0 ? "shutdown" : Methods[_random.Next(Methods.Length)], RandomValue(4)),
    };

    private JsonNode? RandomValue(int depth) => _random.Next(depth <= 0 ? 5 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(RandomText()),
        3 => JsonValue.Create(_random.Next(2) == 0),
        4 => JsonValue.Create(_random.NextDouble() * 1e12),
        5 => new JsonArray([.. Enumerable.Range(0, _random.Next(4)).Select(_ => RandomValue(depth - 1))]),
        _ => RandomObject(depth - 1),
    };

    private JsonObject RandomObject(int depth)
    {
        string[] keys = ["textDocument", "uri", "position", "range", "context", "settings", "text", "version", "contentChanges", "line", "character", "id"];
        var result = new JsonObject();
        foreach (string key in keys.OrderBy(_ => _random.Next()).Take(_random.Next(1, 5)))
        {
            result[key] = RandomValue(depth);
        }

        return result;
    }

    private JsonObject RandomRange()
    {
        int Big() => _random.Next(4) switch { 0 => int.MaxValue, 1 => -_random.Next(1000), 2 => _random.Next(5), _ => _random.Next(100000) };
        return new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = Big(), ["character"] = Big() },
            ["end"] = new JsonObject { ["line"] = Big(), ["character"] = Big() },
        };
    }

    private string RandomText()
    {
        string[] pieces = ["Wie bereits erwähnt, ", "Sie", "du", "😀", "\ud800", "\u0000", "\r\n", "```", "> ", "{{x}}", "<!--", "---\n", "ß", "NICHT", "!!!"];
        return string.Concat(Enumerable.Range(0, _random.Next(20)).Select(_ => pieces[_random.Next(pieces.Length)]));
    }

    private byte[] Garbage()
    {
        byte[] bytes = new byte[_random.Next(1, 400)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] WrongLength()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"$/setTrace\",\"params\":{\"value\":\"off\"}}");
        int length = Math.Max(0, body.Length + _random.Next(-20, 20));
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {length}\r\n\r\n"), .. body];
    }

    private byte[] Mutate(byte[] message)
    {
        byte[] copy = [.. message];
        for (int i = 0; i < 1 + _random.Next(5); i++)
        {
            copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        }

        return _random.Next(3) == 0 ? copy[..Math.Max(1, _random.Next(copy.Length))] : copy;
    }

    private byte[] Huge() => Notification("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject
        {
            ["uri"] = "file:///fuzz/huge.md",
            ["languageId"] = "markdown",
            ["version"] = 1,
            ["text"] = string.Concat(Enumerable.Repeat("Wie bereits erwähnt, ist das so. Danke für Ihre Geduld!\n\n", 10 * 1024 * 1024 / 58)),
        },
    });

    private static byte[] Request(long id, string method, JsonNode? parameters) =>
        Frame(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }));

    private static byte[] Notification(string method, JsonNode? parameters) =>
        Frame(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }));

    private static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    private async Task SendAsync(byte[] bytes)
    {
        await _input.WriteAsync(bytes);
        await _input.FlushAsync();
    }

    private async Task<JsonNode?> WaitForAsync(long id, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            if (_responses.TryRemove(id, out JsonNode? response))
            {
                return response;
            }

            await Task.Delay(5);
        }

        return null;
    }

    // Reads the server's frames and keeps the responses that carry a numeric id.
    private void ReadResponses(Stream output)
    {
        var buffer = new List<byte>();
        byte[] chunk = new byte[65536];
        while (true)
        {
            int read;
            try
            {
                read = output.Read(chunk, 0, chunk.Length);
            }
            catch (IOException)
            {
                return;
            }

            if (read == 0)
            {
                return;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            while (true)
            {
                string head = Encoding.ASCII.GetString([.. buffer.Take(Math.Min(buffer.Count, 256))]);
                int end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end < 0 || !int.TryParse(head[..end].Split(':')[^1].Trim(), out int length) || buffer.Count < end + 4 + length)
                {
                    break;
                }

                byte[] body = [.. buffer.Skip(end + 4).Take(length)];
                buffer.RemoveRange(0, end + 4 + length);
                try
                {
                    JsonNode? message = JsonNode.Parse(body);
                    if (message?["id"] is JsonValue idValue && idValue.TryGetValue(out long id))
                    {
                        _responses[id] = message;
                    }
                }
                catch (JsonException)
                {
                    // The server only writes valid JSON; a parse failure here would show up as a missing answer.
                }
            }
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ToneLsp.Protocol;

namespace ToneLsp.Tests.Support;

/// <summary>
/// A byte-level LSP connection: it frames and sends whatever a test gives it, including malformed
/// input, and reads the server's output strictly, so any byte outside a well-formed
/// <c>Content-Length</c> frame is recorded as a protocol violation.
/// </summary>
public sealed partial class RawLspConnection : IAsyncDisposable
{
    private static readonly JsonSerializerOptions WireJson = LspJson.Configure(new JsonSerializerOptions());
    private readonly Stream _toServer;
    private readonly Stream _fromServer;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly List<string> _violations = [];
    private int _nextId;
    private volatile bool _closing;

    /// <summary>Starts reading the server's output.</summary>
    public RawLspConnection(Stream toServer, Stream fromServer)
    {
        _toServer = toServer;
        _fromServer = fromServer;
        ReaderCompletion = Task.Run(ReadLoopAsync);
    }

    /// <summary>Every message the server sent, in order.</summary>
    public Inbox<JsonElement> Messages { get; } = new();

    /// <summary>Output that was not a well-formed frame holding a JSON object.</summary>
    public IReadOnlyList<string> ProtocolViolations
    {
        get
        {
            lock (_violations)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Completes when the server's output ends.</summary>
    public Task ReaderCompletion { get; }

    /// <summary>Frames a JSON text with a correct Content-Length header.</summary>
    public static byte[] Frame(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    /// <summary>The JSON text of a request.</summary>
    public static string RequestJson(int id, string method, object? parameters) =>
        Message(method, parameters, id).ToJsonString();

    /// <summary>Sends bytes exactly as given.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _sendGate.WaitAsync();
        try
        {
            await _toServer.WriteAsync(bytes);
            await _toServer.FlushAsync();
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Sends text encoded as UTF-8, exactly as given.</summary>
    public Task SendRawAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Reserves the ID for a request the test frames itself.</summary>
    public int NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Sends a request and returns the whole response message, result or error.</summary>
    public async Task<JsonElement> RequestAsync(string method, object? parameters = null)
    {
        int id = NextId();
        await SendRawAsync(Frame(RequestJson(id, method, parameters)));
        return await ResponseAsync(id);
    }

    /// <summary>Waits for the response to the request with the given ID.</summary>
    public Task<JsonElement> ResponseAsync(int id) =>
        Messages.WaitForAsync(m => IsResponse(m) && m.GetProperty("id") is { ValueKind: JsonValueKind.Number } i && i.GetInt32() == id, $"the response to request {id}");

    /// <summary>Sends a notification.</summary>
    public Task NotifyAsync(string method, object? parameters = null) =>
        SendRawAsync(Frame(Message(method, parameters, id: null).ToJsonString()));

    /// <summary>Waits for an error response whose ID is null (the answer to input that could not be read).</summary>
    public Task<JsonElement> WaitForErrorWithNullIdAsync(int since, string? cause = null) =>
        Messages.WaitForAsync(IsErrorWithNullId, cause is null ? "an error response with a null id" : $"an error response with a null id after {cause}", since);

    /// <summary>Whether a message is an error response whose ID is null.</summary>
    public static bool IsErrorWithNullId(JsonElement message) =>
        IsResponse(message) && message.GetProperty("id").ValueKind == JsonValueKind.Null && message.TryGetProperty("error", out _);

    /// <summary>Deserializes wire JSON into a protocol type.</summary>
    public static T Read<T>(JsonElement element) => element.Deserialize<T>(WireJson)!;

    /// <summary>Sends <c>initialize</c> and <c>initialized</c>; returns the initialize result.</summary>
    public async Task<JsonElement> InitializeAsync(ClientSetup? setup = null)
    {
        JsonElement response = await RequestAsync("initialize", (setup ?? ClientSetup.Minimal).ToInitializeParams());
        await NotifyAsync("initialized", new JsonObject());
        return Result(response);
    }

    /// <summary>Opens a document and waits for its published diagnostics.</summary>
    public async Task<JsonElement> OpenAndWaitAsync(string uri, string text, int version = 1)
    {
        await NotifyAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", version, text)));
        return await WaitForDiagnosticsAsync(uri, version);
    }

    /// <summary>Waits for the <c>params</c> of <c>textDocument/publishDiagnostics</c> for a document at a version.</summary>
    public async Task<JsonElement> WaitForDiagnosticsAsync(string uri, int version)
    {
        JsonElement message = await Messages.WaitForAsync(
            m => IsNotification(m, "textDocument/publishDiagnostics") && m.GetProperty("params") is var p &&
                 p.GetProperty("uri").GetString() == uri && p.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() == version,
            $"diagnostics for {uri} at version {version}");
        return message.GetProperty("params");
    }

    /// <summary>The result of a response; fails the test when it is an error.</summary>
    public static JsonElement Result(JsonElement response)
    {
        Assert.False(response.TryGetProperty("error", out JsonElement error), $"Expected a result, got the error {error}");
        return response.GetProperty("result");
    }

    /// <summary>The error code of a response; fails the test when it is a result.</summary>
    public static int ErrorCode(JsonElement response)
    {
        Assert.True(response.TryGetProperty("error", out JsonElement error), $"Expected an error, got {response}");
        return error.GetProperty("code").GetInt32();
    }

    /// <summary>Whether a message is a notification with the given method.</summary>
    public static bool IsNotification(JsonElement message, string method) =>
        !message.TryGetProperty("id", out _) && message.TryGetProperty("method", out JsonElement m) && m.GetString() == method;

    /// <summary>Stops sending; the reader keeps going until the server's output ends.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _toServer.DisposeAsync();
        await ReaderCompletion.WaitAsync(TestTimeouts.Default);
    }

    private static bool IsResponse(JsonElement message) =>
        message.TryGetProperty("id", out _) && !message.TryGetProperty("method", out _);

    // A request when it has an ID, else a notification; "params" is left out when there are none.
    private static JsonObject Message(string method, object? parameters, int? id)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0" };
        if (id is { } value)
        {
            message["id"] = value;
        }

        message["method"] = method;
        if (parameters is not null)
        {
            message["params"] = parameters as JsonNode ?? JsonSerializer.SerializeToNode(parameters, WireJson);
        }

        return message;
    }

    private async Task ReadLoopAsync()
    {
        PipeReader reader = PipeReader.Create(_fromServer);
        try
        {
            while (true)
            {
                ReadResult result = await reader.ReadAsync();
                ReadOnlySequence<byte> buffer = result.Buffer;
                JsonElement? message;
                string? violation;
                while (TryReadFrame(ref buffer, out message, out violation))
                {
                    Messages.Add(message!.Value);
                }

                if (violation is not null || (result.IsCompleted && !buffer.IsEmpty))
                {
                    Violate(violation ?? $"the output ended inside a frame: “{Encoding.UTF8.GetString(buffer)}”");
                    return;
                }

                if (result.IsCompleted)
                {
                    return;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (Exception exception) when (_closing || exception is IOException)
        {
            // The connection was closed; what was read until then counts.
        }
        finally
        {
            await reader.CompleteAsync();
            Messages.Close(ProtocolViolations.Count > 0 ? $"the server's output broke the protocol: {ProtocolViolations[0]}" : "the server's output ended");
        }
    }

    // Reads one frame: header lines of the form "Name: value" including Content-Length, a blank line, a JSON object.
    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out JsonElement? message, out string? violation)
    {
        message = null;
        violation = null;
        var sequence = new SequenceReader<byte>(buffer);
        if (!sequence.TryReadTo(out ReadOnlySequence<byte> headerBytes, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            if (buffer.Length > 4096)
            {
                violation = $"more than 4 KB without a header end: “{Encoding.UTF8.GetString(buffer.Slice(0, 200))}…”";
            }

            return false;
        }

        string header = Encoding.UTF8.GetString(headerBytes);
        long length = -1;
        foreach (string line in header.Split("\r\n"))
        {
            Match field = HeaderField().Match(line);
            if (!field.Success)
            {
                violation = $"a header line that is not “Name: value”: “{line}”";
                return false;
            }

            if (field.Groups["name"].Value.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(field.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (length < 0)
        {
            violation = $"a header without Content-Length: “{header}”";
            return false;
        }

        if (sequence.Remaining < length)
        {
            return false;
        }

        ReadOnlySequence<byte> body = sequence.UnreadSequence.Slice(0, length);
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                violation = $"a frame whose body is not a JSON object: “{Encoding.UTF8.GetString(body)}”";
                return false;
            }

            message = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            violation = $"a frame whose body is not JSON ({exception.Message}): “{Encoding.UTF8.GetString(body)}”";
            return false;
        }

        buffer = buffer.Slice(sequence.Position).Slice(length);
        return true;
    }

    private void Violate(string violation)
    {
        lock (_violations)
        {
            _violations.Add(violation);
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9-]*): (?<value>\S.*)$")]
    private static partial Regex HeaderField();
}

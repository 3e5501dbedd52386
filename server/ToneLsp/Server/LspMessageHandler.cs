using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace ToneLsp.Server;

/// <summary>
/// LSP's Content-Length framing, compatible with vscode-jsonrpc. Unlike StreamJsonRpc's own
/// HeaderDelimitedMessageHandler it survives bad input: a frame whose header is malformed is
/// skipped and the reader resynchronises on the next header; a body that is not valid JSON-RPC gets
/// a ParseError response with a null id. The connection stays open either way.
/// </summary>
public sealed class LspMessageHandler : MessageHandlerBase
{
    /// <summary>The largest message accepted; larger ones are skipped with an error.</summary>
    public const int MaxContentLength = 64 * 1024 * 1024;

    private const int MaxHeaderLength = 16 * 1024;
    private const string GarbageProblem = "bytes that do not form a message header";
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "content-length:"u8.ToArray();

    private readonly PipeReader _reader;
    private readonly Stream _output;
    private readonly ILogger _logger;
    private readonly ArrayBufferWriter<byte> _writeBuffer = new();
    private long _skipRemaining;
    private bool _inGarbage;

    /// <summary>Creates a handler that reads from <paramref name="input"/> and writes to <paramref name="output"/>.</summary>
    public LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, ILogger logger)
        : base(formatter)
    {
        _output = output;
        _reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        _logger = logger;
    }

    /// <summary>How many malformed frames were skipped so far.</summary>
    public int MalformedFrames { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (_skipRemaining > 0)
            {
                long skip = Math.Min(_skipRemaining, buffer.Length);
                _skipRemaining -= skip;
                _reader.AdvanceTo(buffer.GetPosition(skip));
                if (result.IsCompleted && _skipRemaining > 0)
                {
                    return null;
                }

                continue;
            }

            FrameStatus status = TryReadFrame(ref buffer, out byte[]? body, out string? problem);
            switch (status)
            {
                case FrameStatus.Complete:
                    _reader.AdvanceTo(buffer.Start);
                    _inGarbage = false;
                    if (Deserialize(body!) is { } message)
                    {
                        return message;
                    }

                    continue;
                case FrameStatus.Skipped:
                    _reader.AdvanceTo(buffer.Start);
                    if (!_inGarbage)
                    {
                        await ReportMalformedAsync(problem!).ConfigureAwait(false);
                    }

                    _inGarbage = problem == GarbageProblem;
                    continue;
                default:
                    if (result.IsCompleted)
                    {
                        if (!result.Buffer.IsEmpty && !IsWhitespace(result.Buffer))
                        {
                            _logger.LogWarning("The input ended inside a message; {Length} bytes were ignored.", result.Buffer.Length);
                        }

                        _reader.AdvanceTo(result.Buffer.End);
                        return null;
                    }

                    _reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
            }
        }
    }

    /// <inheritdoc />
    protected override async ValueTask WriteCoreAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        _writeBuffer.Clear();
        Formatter.Serialize(_writeBuffer, content);
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {_writeBuffer.WrittenCount}\r\n\r\n");
        await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await _output.WriteAsync(_writeBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override ValueTask FlushAsync(CancellationToken cancellationToken) => new(_output.FlushAsync(cancellationToken));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Complete();
            _output.Dispose();
        }

        base.Dispose(disposing);
    }

    private enum FrameStatus
    {
        NeedMore,
        Complete,
        Skipped,
    }

    private FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out byte[]? body, out string? problem)
    {
        body = null;
        problem = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> header, HeaderEnd, advancePastDelimiter: true))
        {
            if (buffer.Length > MaxHeaderLength)
            {
                // No header end in sight: drop what we have but keep a possible partial delimiter.
                buffer = buffer.Slice(buffer.Length - (HeaderEnd.Length - 1));
                problem = GarbageProblem;
                return FrameStatus.Skipped;
            }

            return FrameStatus.NeedMore;
        }

        long length = ParseContentLength(header);
        if (length < 0)
        {
            buffer = buffer.Slice(reader.Position);
            problem = "a message header without a valid Content-Length";
            return FrameStatus.Skipped;
        }

        if (length > MaxContentLength)
        {
            // Skip the announced body as it arrives.
            buffer = buffer.Slice(reader.Position);
            _skipRemaining = length;
            problem = $"a message of {length} bytes, over the limit of {MaxContentLength}";
            return FrameStatus.Skipped;
        }

        if (reader.Remaining < length)
        {
            return FrameStatus.NeedMore;
        }

        body = reader.UnreadSequence.Slice(0, length).ToArray();
        buffer = buffer.Slice(reader.Position).Slice(length);
        return FrameStatus.Complete;
    }

    // The last Content-Length line in the header block counts, so garbage before a header does not hide it.
    private static long ParseContentLength(ReadOnlySequence<byte> header)
    {
        byte[] bytes = header.ToArray();
        string text = Encoding.ASCII.GetString(bytes).ToLowerInvariant();
        int index = text.LastIndexOf(Encoding.ASCII.GetString(ContentLengthName), StringComparison.Ordinal);
        if (index < 0)
        {
            return -1;
        }

        int end = text.IndexOf('\r', index);
        string value = (end < 0 ? text[(index + ContentLengthName.Length)..] : text[(index + ContentLengthName.Length)..end]).Trim();
        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long length) ? length : -1;
    }

    private JsonRpcMessage? Deserialize(byte[] body)
    {
        try
        {
            return Formatter.Deserialize(new ReadOnlySequence<byte>(body));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            MalformedFrames++;
            _logger.LogWarning("Received a message that is not valid JSON-RPC ({Error}); answered with a parse error.", exception.Message);
            _ = SendParseErrorAsync(exception.Message);
            return null;
        }
    }

    private async Task ReportMalformedAsync(string problem)
    {
        MalformedFrames++;
        _logger.LogWarning("Received {Problem}; skipped them.", problem);
        await SendParseErrorAsync(problem).ConfigureAwait(false);
    }

    private async Task SendParseErrorAsync(string detail)
    {
        try
        {
            var error = new JsonRpcError
            {
                RequestId = RequestId.Null,
                Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.ParseError, Message = $"Parse error: {detail}" },
            };
            await WriteAsync(error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogDebug("Could not send a parse error: {Error}", exception.Message);
        }
    }

    private static bool IsWhitespace(ReadOnlySequence<byte> buffer)
    {
        foreach (ReadOnlyMemory<byte> segment in buffer)
        {
            foreach (byte b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

using System.Text;
using System.Text.Json;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>
/// Malformed bytes on the wire: the server answers what it cannot read with a parse error whose ID
/// is null, finds the next good frame, and keeps serving.
/// </summary>
public sealed class ServerFramingRobustnessTests : IAsyncLifetime
{
    private readonly InProcessServer _host = InProcessServer.Start();
    private RawLspConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _connection = new RawLspConnection(_host.ClientStream, _host.ClientStream);
        await _connection.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _host.DisposeAsync();
        Assert.Empty(_connection.ProtocolViolations);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":""")]
    [InlineData("not json at all")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"ä""")]
    public async Task InvalidJsonGetsAParseErrorWithANullId(string body)
    {
        int mark = _connection.Messages.Count;

        await _connection.SendRawAsync(RawLspConnection.Frame(body));

        await AssertParseErrorAsync(mark);
        await _connection.AssertStillServesAsync();
    }

    [Fact]
    public async Task AHeaderWithoutContentLengthIsSkipped()
    {
        int mark = _connection.Messages.Count;
        int id = _connection.NextId();

        await _connection.SendRawAsync("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"lost\"}");
        await _connection.SendRawAsync(HoverFrame(id));

        await AssertParseErrorAsync(mark);
        await AssertAnsweredAsync(id);
        await _connection.AssertStillServesAsync();
    }

    public static TheoryData<string, byte[]> GarbageTheServerMustSkip => new()
    {
        { "text followed by a blank line", Encoding.UTF8.GetBytes("Hello, server!\r\n\r\n") },
        { "a header with a negative length", Encoding.ASCII.GetBytes("Content-Length: -5\r\n\r\n") },
        { "more than the longest header allowed", Encoding.ASCII.GetBytes(new string('x', 40_000)) },
    };

    [Theory]
    [MemberData(nameof(GarbageTheServerMustSkip))]
    public async Task GarbageThatCannotBeAHeaderIsReportedAndSkipped(string garbageKind, byte[] garbage)
    {
        int mark = _connection.Messages.Count;
        int id = _connection.NextId();

        await _connection.SendRawAsync(garbage);
        await AssertParseErrorAsync(mark, garbageKind);
        await _connection.SendRawAsync(HoverFrame(id));

        await AssertAnsweredAsync(id);
        await _connection.AssertStillServesAsync();
    }

    public static TheoryData<string, byte[]> GarbageBeforeAHeader => new()
    {
        { "a few bytes that are not ASCII", [0x00, 0xFF, 0xFE, 0x13, 0x37, 0x80, 0x0A] },
        { "random bytes", RandomBytes(5_000) },
    };

    [Theory]
    [MemberData(nameof(GarbageBeforeAHeader))]
    public async Task ShortGarbageBeforeAFrameDoesNotHideTheFrame(string garbageKind, byte[] garbage)
    {
        int mark = _connection.Messages.Count;
        int id = _connection.NextId();

        await _connection.SendRawAsync(garbage);
        await _connection.SendRawAsync(HoverFrame(id));

        await AssertAnsweredAsync(id);

        // The garbage merges into the frame's header, whose last Content-Length line counts, so
        // nothing is reported: a parse error would have been written before the answer.
        Assert.False(_connection.Messages.Items.Skip(mark).Any(RawLspConnection.IsErrorWithNullId), $"{garbageKind} was reported as a parse error.");
        await _connection.AssertStillServesAsync();
    }

    [Fact]
    public async Task AContentLengthThatIsTooShortCostsOnlyThatMessage()
    {
        int mark = _connection.Messages.Count;
        int id = _connection.NextId();
        byte[] body = Encoding.UTF8.GetBytes(RawLspConnection.RequestJson(_connection.NextId(), "textDocument/hover", HoverOnNothing));

        await _connection.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length / 2}\r\n\r\n"), .. body]);
        await _connection.SendRawAsync(HoverFrame(id));

        await AssertParseErrorAsync(mark);
        await AssertAnsweredAsync(id);
        await _connection.AssertStillServesAsync();
    }

    [Fact]
    public async Task AContentLengthThatIsTooLongIsRecoveredFromAtALaterFrame()
    {
        int mark = _connection.Messages.Count;
        byte[] body = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"initialized","params":{}}""");
        int swallowed = _connection.NextId();
        int answered = _connection.NextId();

        await _connection.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length + 30}\r\n\r\n"), .. body]);
        await _connection.SendRawAsync(HoverFrame(swallowed));
        await _connection.SendRawAsync(HoverFrame(answered));

        await AssertParseErrorAsync(mark);
        await AssertAnsweredAsync(answered);
        await _connection.AssertStillServesAsync();
    }

    [Fact]
    public async Task AFrameSplitIntoSingleBytesIsStillRead()
    {
        int id = _connection.NextId();

        foreach (byte b in HoverFrame(id))
        {
            await _connection.SendRawAsync([b]);
        }

        await AssertAnsweredAsync(id);
    }

    // A hover on a document that is not open: a cheap request with a known answer (null).
    private static object HoverOnNothing => new { textDocument = new { uri = Samples.Uri("nothing-open") }, position = new { line = 0, character = 0 } };

    private static byte[] HoverFrame(int id) => RawLspConnection.Frame(RawLspConnection.RequestJson(id, "textDocument/hover", HoverOnNothing));

    private async Task AssertAnsweredAsync(int id) =>
        Assert.Equal(JsonValueKind.Null, RawLspConnection.Result(await _connection.ResponseAsync(id)).ValueKind);

    // JSON-RPC's answer to input it cannot read: a ParseError whose id is null.
    private async Task AssertParseErrorAsync(int since, string? cause = null)
    {
        JsonElement error = await _connection.WaitForErrorWithNullIdAsync(since, cause);
        Assert.Equal(-32700, RawLspConnection.ErrorCode(error));
        Assert.Equal("2.0", error.GetProperty("jsonrpc").GetString());
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20240601).NextBytes(bytes);
        return bytes;
    }
}

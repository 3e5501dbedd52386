using System.Text.Json;
using ToneLsp.Protocol;

namespace ToneLsp.Tests.Support;

/// <summary>
/// Checks that a server still works after bad input: a new document gets its finding, and a hover
/// on that finding is explained.
/// </summary>
public static class ServerHealth
{
    /// <summary>Checks a server through the StreamJsonRpc test client.</summary>
    public static async Task AssertStillServesAsync(this LspTestClient client)
    {
        string uri = FreshUri();
        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(uri, Samples.GermanCondescension));
        Assert.Equal("TONE001", finding.Code);
        Hover? hover = await client.HoverAsync(uri, finding.Range.Start);
        Assert.NotNull(hover);
        Assert.Contains("TONE001", hover.Contents.Value);
    }

    /// <summary>Checks a server through a raw connection.</summary>
    public static async Task AssertStillServesAsync(this RawLspConnection connection)
    {
        string uri = FreshUri();
        JsonElement published = await connection.OpenAndWaitAsync(uri, Samples.GermanCondescension);
        JsonElement finding = Assert.Single(published.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("TONE001", finding.GetProperty("code").GetString());
        JsonElement hover = RawLspConnection.Result(await connection.RequestAsync(
            "textDocument/hover", new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 1))));
        Assert.Contains("TONE001", hover.GetProperty("contents").GetProperty("value").GetString());
    }

    private static string FreshUri() => Samples.Uri($"health-{Guid.NewGuid():N}");
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>Text synchronisation and diagnostics, pushed and pulled, with settings and suppressions.</summary>
public sealed class ServerDiagnosticsTests
{
    [Theory]
    [InlineData(Samples.GermanCondescension, "TONE001", "Wie bereits erwähnt,")]
    [InlineData(Samples.MixedAddress, "TONE002", "du")]
    [InlineData(Samples.CustomerMirror, "TONE003", "Sie")]
    [InlineData(Samples.EnglishCondescension, "TONE001", "As I said before")]
    public async Task OpeningADocumentPublishesItsFindingsAtTheFlaggedText(string text, string ruleId, string flagged)
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        Diagnostic[] diagnostics = await client.OpenAndWaitAsync(Samples.Uri("sample"), text);

        Diagnostic finding = Assert.Single(diagnostics, d => d.Code == ruleId);
        Assert.Equal(flagged, ClientText.Slice(text, finding.Range));
    }

    [Fact]
    public async Task PublishedDiagnosticsCarryTheVersionAndTheRuleData()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("versioned");

        await client.OpenAsync(uri, Samples.GermanCondescension, version: 7);
        PublishDiagnosticsParams published = await client.WaitForDiagnosticsAsync(uri, 7);

        Diagnostic finding = Assert.Single(published.Diagnostics);
        Assert.Equal("tonelsp", finding.Source);
        Assert.Equal(2, finding.Severity);
        Assert.Contains(Samples.GermanCondescensionPhrase, finding.Message);
        JsonElement data = Assert.NotNull(finding.Data);
        Assert.Equal("TONE001", data.GetProperty("ruleId").GetString());
        Assert.Equal("condescension", data.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Object, data.GetProperty("properties").ValueKind);
    }

    [Fact]
    public async Task CleanDocumentsGetAnEmptyDiagnosticList()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        Assert.Empty(await client.OpenAndWaitAsync(Samples.Uri("clean"), Samples.Clean));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IncrementalChangesKeepTheServerTextInStepWithTheClient(bool utf8)
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { OffersUtf8 = utf8 });
        string uri = Samples.Uri("incremental");
        var document = new EditedDocument("Hallo Anna,\r\n\r\nDanke für dein Feedback!\r\n", utf8);
        Assert.Empty(await client.OpenAndWaitAsync(uri, document.Text));

        // One didChange with several edits; each range refers to the text after the edits before it.
        await client.ChangeAsync(
            uri,
            2,
            document.InsertBefore("Anna", "😀 "),
            document.Replace("Anna", "Jürgen"),
            document.InsertAfter("Feedback!", " 👍"),
            document.InsertAfter("👍", "\r\n\r\nWie bereits erwähnt, ist die Antwort im Hilfebereich."),
            document.Replace(",\r\n\r\nDanke", ",\r\nDanke"));
        PublishDiagnosticsParams published = await client.WaitForDiagnosticsAsync(uri, 2);

        Assert.Equal("Hallo 😀 Jürgen,\r\nDanke für dein Feedback! 👍\r\n\r\nWie bereits erwähnt, ist die Antwort im Hilfebereich.\r\n", document.Text);
        Assert.Equal(document.Text, client.ServerText(uri));
        Diagnostic finding = Assert.Single(published.Diagnostics);
        Assert.Equal(ClientText.RangeOf(document.Text, Samples.GermanCondescensionPhrase, utf8), finding.Range);
    }

    [Fact]
    public async Task RapidChangesEndWithDiagnosticsForTheLatestVersion()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("rapid");
        var document = new EditedDocument(Samples.Clean);
        await client.OpenAsync(uri, document.Text);

        for (int version = 2; version <= 10; version++)
        {
            await client.ChangeAsync(uri, version, document.InsertAfter("weiter.", " Wie bereits erwähnt, ist das so."));
        }

        PublishDiagnosticsParams latest = await client.WaitForDiagnosticsAsync(uri, 10);

        Assert.Equal(9, latest.Diagnostics.Length);
        Assert.Equal(document.Text, client.ServerText(uri));
        int?[] versions = [.. client.PublishedDiagnostics.Items.Where(p => p.Uri == uri).Select(p => p.Version)];
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task PullDiagnosticsReplaceThePushWhenTheClientDeclaresThem()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { PullDiagnostics = true, StatusNotifications = true });
        string uri = Samples.Uri("pulled");

        await client.OpenAsync(uri, Samples.GermanCondescension);
        DocumentDiagnosticReport first = await client.PullDiagnosticsAsync(uri);

        Assert.Equal("full", first.Kind);
        Assert.NotNull(first.ResultId);
        Assert.Equal("TONE001", Assert.Single(first.Items!).Code);

        // The status notification follows the point where a push would have been sent.
        await client.Statuses.WaitForAsync(s => s.Uri == uri && s.Version == 1, "the status after opening");
        Assert.DoesNotContain(client.PublishedDiagnostics.Items, p => p.Uri == uri);
    }

    [Fact]
    public async Task PullDiagnosticsAnswerUnchangedUntilTheDocumentChanges()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { PullDiagnostics = true });
        string uri = Samples.Uri("pulled-again");
        await client.OpenAsync(uri, Samples.GermanCondescension);
        DocumentDiagnosticReport first = await client.PullDiagnosticsAsync(uri);

        DocumentDiagnosticReport second = await client.PullDiagnosticsAsync(uri, first.ResultId);

        Assert.Equal("unchanged", second.Kind);
        Assert.Equal(first.ResultId, second.ResultId);
        Assert.Null(second.Items);

        await client.ReplaceAsync(uri, 2, Samples.Clean);
        DocumentDiagnosticReport third = await client.PullDiagnosticsAsync(uri, first.ResultId);

        Assert.Equal("full", third.Kind);
        Assert.NotEqual(first.ResultId, third.ResultId);
        Assert.Empty(third.Items!);
    }

    [Fact]
    public async Task PushedSettingsCanTurnARuleOff()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("configured");
        string text = "Wie bereits erwähnt, ist die Antwort im Hilfebereich. Danke für Ihre Anfrage. Hast du schon einen Termin gebucht?\n";
        Diagnostic[] before = await client.OpenAndWaitAsync(uri, text);
        Assert.Equal(["TONE001", "TONE002"], before.Select(d => d.Code));

        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"tonelsp":{"rules":{"TONE001":"off"}}}}""")!);
        PublishDiagnosticsParams after = await client.WaitForDiagnosticsAsync(uri, 1, d => d.All(x => x.Code != "TONE001"));

        Assert.Equal("TONE002", Assert.Single(after.Diagnostics).Code);
    }

    [Fact]
    public async Task SettingsAreRequestedFromClientsThatSupportConfigurationRequests()
    {
        await using LspTestClient client = LspTestClient.StartUninitialized();
        JsonNode ruleOff = JsonNode.Parse("""{"rules":{"TONE001":"off"}}""")!;
        client.Settings = section => section == "tonelsp" ? ruleOff.DeepClone() : null;
        await client.InitializeAsync(new ClientSetup { ConfigurationRequests = true });
        string uri = Samples.Uri("pulled-settings");

        await client.OpenAsync(uri, Samples.GermanCondescension);
        await client.WaitForDiagnosticsAsync(uri, 1, d => d.Length == 0);

        ConfigurationParams request = await client.ConfigurationRequests.WaitForAsync(_ => true, "a workspace/configuration request");
        Assert.Equal("tonelsp", Assert.Single(request.Items).Section);

        // A didChangeConfiguration without settings makes the server ask again.
        int mark = client.PublishedDiagnostics.Count;
        client.Settings = _ => new JsonObject();
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        await client.WaitForDiagnosticsAsync(uri, 1, d => d.Any(x => x.Code == "TONE001"), since: mark);
        Assert.Equal(2, client.ConfigurationRequests.Count);
    }

    [Fact]
    public async Task SuppressionCommentsSilenceTheNextLineOnly()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string text = "<!-- tonelsp-disable-next-line TONE001 -->\n" + Samples.GermanCondescension + "\n" + Samples.GermanCondescension;

        Diagnostic[] diagnostics = await client.OpenAndWaitAsync(Samples.Uri("suppressed"), text);

        Diagnostic remaining = Assert.Single(diagnostics);
        Assert.Equal(3, remaining.Range.Start.Line);
    }

    [Fact]
    public async Task ClosingADocumentClearsItsDiagnostics()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("closed");
        Assert.Single(await client.OpenAndWaitAsync(uri, Samples.GermanCondescension));

        await client.CloseAsync(uri);
        PublishDiagnosticsParams cleared = await client.WaitForDiagnosticsAsync(uri, version: null);

        Assert.Empty(cleared.Diagnostics);
        Assert.Null(client.ServerText(uri));
    }

    [Fact]
    public async Task ACancelledRequestDoesNotBreakLaterRequests()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("cancelled");
        var document = new EditedDocument(LargeDocuments.CleanParagraphs(1024 * 1024) + Samples.GermanCondescension);
        await client.OpenAndWaitAsync(uri, document.Text);

        // A small edit makes the server analyse the large text again, so the hover has to wait and the
        // cancellation usually overtakes it.
        await client.ChangeAsync(uri, 2, document.InsertBefore(Samples.GermanCondescensionPhrase, "Hallo! "));
        Position onFinding = ClientText.RangeOf(document.Text, Samples.GermanCondescensionPhrase).Start;
        using var cancellation = new CancellationTokenSource();
        Task<Hover?> cancelled = client.HoverAsync(uri, onFinding, cancellation.Token);
        cancellation.Cancel();
        Exception? outcome = await Record.ExceptionAsync(() => cancelled);

        // StreamJsonRpc drops a $/cancelRequest that overtakes the dispatch of its request, and then the
        // server answers normally; any other outcome is a bug.
        Assert.True(outcome is null or OperationCanceledException, $"A cancelled request ends cancelled or with its result, not with {outcome}");
        Hover? hover = await client.HoverAsync(uri, onFinding);
        Assert.NotNull(hover);
        Assert.Contains("TONE001", hover.Contents.Value);
        Assert.Single((await client.WaitForDiagnosticsAsync(uri, 2)).Diagnostics);
    }
}

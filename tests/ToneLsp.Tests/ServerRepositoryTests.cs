using System.Text.Json;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>The server with a template repository on disk: configuration, reload, workspace diagnostics, completion, symbols.</summary>
public sealed class ServerRepositoryTests : IDisposable
{
    private const string Condescending = "Wie bereits erwähnt, ist die Antwort im Hilfebereich.\n";
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task TheConfigurationAboveAnOpenTemplateApplies()
    {
        _repo.Write(".tonelsp.yaml", "rules:\n  TONE001: error\n");
        string path = _repo.Write("a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });

        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(Uri(path), Condescending));

        Assert.Equal(1, finding.Severity);
    }

    [Fact]
    public async Task TheEditorsConversionTakesTheBrandsCapitalisationAndSalutations()
    {
        _repo.Write(".tonelsp.yaml", "brand:\n  capitalizeDu: true\n  salutations:\n    de:\n      neutral: { greeting: Guten Tag, closing: Beste Grüße }\n");
        const string text = "Sehr geehrte Frau Weber,\n\nkönnen Sie uns Ihre Bestellnummer schicken?\n\nMit freundlichen Grüßen\n";
        string path = _repo.Write("a.md", text);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        await client.OpenAndWaitAsync(Uri(path), text);

        CodeAction[] actions = await client.CodeActionsAsync(Uri(path), new Protocol.Range(new Position(2, 5), new Position(2, 5)), only: ["refactor"]);

        CodeAction whole = Assert.Single(actions, a => a.Title == "Ganze Antwort in du umwandeln");
        Assert.Equal("Guten Tag Frau Weber,\n\nkannst Du uns Deine Bestellnummer schicken?\n\nBeste Grüße\n", ClientText.ApplyEdits(text, whole.Edit!.Changes![Uri(path)]));
    }

    [Fact]
    public async Task AnOpenTemplateTheConfigurationExcludesIsNotChecked()
    {
        _repo.Write(".tonelsp.yaml", "exclude:\n  - drafts/**\n");
        string draft = _repo.Write("drafts/a.md", Condescending);
        string reply = _repo.Write("replies/a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });

        Assert.Empty(await client.OpenAndWaitAsync(Uri(draft), Condescending));
        Assert.Single(await client.OpenAndWaitAsync(Uri(reply), Condescending));
    }

    [Fact]
    public async Task AnInvalidConfigurationGetsDiagnosticsOnTheFileAndCheckingGoesOn()
    {
        string config = _repo.Write(".tonelsp.yaml", "brand:\n  adress: du\n");
        string path = _repo.Write("a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });

        Assert.Single(await client.OpenAndWaitAsync(Uri(path), Condescending));
        PublishDiagnosticsParams published = await client.WaitForDiagnosticsAsync(Uri(config), null);

        Diagnostic error = Assert.Single(published.Diagnostics);
        Assert.Equal(1, error.Range.Start.Line);
        Assert.Contains("did you mean 'address'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenConfigurationIsReportedBeforeAnyTemplateIsOpened()
    {
        string config = _repo.Write("team/.tonelsp.yaml", "brand:\n  adress: du\n");
        _repo.Write("team/a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });

        PublishDiagnosticsParams published = await client.WaitForDiagnosticsAsync(Uri(config), null);

        Assert.Equal(1, Assert.Single(published.Diagnostics).Range.Start.Line);
        Assert.Empty(client.Server.Workspace.Documents);
    }

    [Fact]
    public async Task AnOpenConfigurationFileIsCheckedAsYouType()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        string uri = Uri(Path.Combine(_repo.Root, ".tonelsp.yaml"));

        Diagnostic error = Assert.Single(await client.OpenAndWaitAsync(uri, "rules:\n  TONE001: loud\n"));

        Assert.Contains("not a severity", error.Message, StringComparison.Ordinal);
        await client.ReplaceAsync(uri, 2, "rules:\n  TONE001: error\n");
        Assert.Empty((await client.WaitForDiagnosticsAsync(uri, 2)).Diagnostics);
    }

    [Fact]
    public async Task AChangedConfigurationFileIsReloaded()
    {
        string config = _repo.Write(".tonelsp.yaml", "rules:\n  TONE001: warning\n");
        string path = _repo.Write("a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        Assert.Equal(2, Assert.Single(await client.OpenAndWaitAsync(Uri(path), Condescending)).Severity);
        int before = client.PublishedDiagnostics.Count;

        File.WriteAllText(config, "rules:\n  TONE001: off\n");
        File.SetLastWriteTimeUtc(config, DateTime.UtcNow.AddSeconds(5));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(Uri(config), 2)]));

        PublishDiagnosticsParams after = await client.WaitForDiagnosticsAsync(Uri(path), 1, d => d.Length == 0, since: before);
        Assert.Empty(after.Diagnostics);
    }

    [Fact]
    public async Task WorkspaceDiagnosticsCoverTemplatesThatAreNotOpen()
    {
        _repo.Write("a.md", Condescending);
        _repo.Write("sub/b.md", "Danke für deine Nachricht!\n");
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root, PullDiagnostics = true });

        var report = await client.RequestAsync<WorkspaceDiagnosticReport>("workspace/diagnostic", new WorkspaceDiagnosticParams(null, []));

        Assert.Equal(2, report.Items.Length);
        WorkspaceDocumentDiagnosticReport a = Assert.Single(report.Items, i => i.Uri.EndsWith("/a.md", StringComparison.Ordinal));
        Assert.Equal("TONE001", Assert.Single(a.Items!).Code);
        var again = await client.RequestAsync<WorkspaceDiagnosticReport>("workspace/diagnostic",
            new WorkspaceDiagnosticParams(null, [.. report.Items.Select(i => new PreviousResultId(i.Uri, i.ResultId!))]));
        Assert.All(again.Items, i => Assert.Equal("unchanged", i.Kind));

        // A configuration change is an input too: the client must not be told "unchanged" and keep the old finding.
        _repo.Write(".tonelsp.yaml", "rules:\n  TONE001: off\n");
        var afterConfiguration = await client.RequestAsync<WorkspaceDiagnosticReport>("workspace/diagnostic",
            new WorkspaceDiagnosticParams(null, [.. report.Items.Select(i => new PreviousResultId(i.Uri, i.ResultId!))]));
        WorkspaceDocumentDiagnosticReport changed = Assert.Single(afterConfiguration.Items, i => i.Uri.EndsWith("/a.md", StringComparison.Ordinal));
        Assert.Equal("full", changed.Kind);
        Assert.DoesNotContain(changed.Items!, d => d.Code == "TONE001");
    }

    [Fact]
    public async Task WorkspaceDiagnosticsReportABrokenConfigurationBeforeAnyTemplateIsOpenAndCarryVersions()
    {
        _repo.Write(".tonelsp.yaml", "brand:\n  adress: du\n");
        string path = _repo.Write("a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root, PullDiagnostics = true });

        JsonElement report = await client.RequestAsync<JsonElement>("workspace/diagnostic", new WorkspaceDiagnosticParams(null, []));

        JsonElement[] items = [.. report.GetProperty("items").EnumerateArray()];
        JsonElement configuration = Assert.Single(items, i => i.GetProperty("uri").GetString()!.EndsWith("/.tonelsp.yaml", StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single(configuration.GetProperty("items").EnumerateArray()).GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("version").ValueKind));

        // An edited template is analysed again although nothing else changed.
        var previous = items.Select(i => new PreviousResultId(i.GetProperty("uri").GetString()!, i.GetProperty("resultId").GetString()!)).ToArray();
        File.WriteAllText(path, "Danke für Ihre Geduld.\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var again = await client.RequestAsync<WorkspaceDiagnosticReport>("workspace/diagnostic", new WorkspaceDiagnosticParams(null, previous));
        WorkspaceDocumentDiagnosticReport template = Assert.Single(again.Items, i => i.Uri.EndsWith("/a.md", StringComparison.Ordinal));
        Assert.Equal("full", template.Kind);
        Assert.Empty(template.Items!);
        Assert.Equal("unchanged", Assert.Single(again.Items, i => i.Uri.EndsWith("/.tonelsp.yaml", StringComparison.Ordinal)).Kind);
    }

    [Theory]
    [InlineData("Danke für deine Nachricht!\n", "danke für deine Nachricht")]
    [InlineData("Danke für Ihre Nachricht!\n", "danke für Ihre Nachricht")]
    public async Task CompletionOffersSnippetsInTheDocumentsAddressForm(string text, string expected)
    {
        _repo.Write("snippets/hallo.md", "---\nprefix: hallo\ndescription: Begrüßung\nlanguage: de\n---\nHallo {{vorname}},\n\ndanke für deine Nachricht!\n");
        string path = _repo.Write("a.md", text);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        await client.OpenAndWaitAsync(Uri(path), text);

        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(new TextDocumentIdentifier(Uri(path)), new Position(0, 0)));

        CompletionItem item = Assert.Single(list.Items);
        Assert.Equal("hallo", item.Label);
        Assert.Equal(2, item.InsertTextFormat);
        Assert.Equal($"Hallo ${{1:{{{{vorname\\}}\\}}}},\n\n{expected}!", item.InsertText);
    }

    [Fact]
    public async Task ASnippetIsRenderedWithTheBrandsConversionOptions()
    {
        _repo.Write(".tonelsp.yaml", "brand:\n  address: du\n  capitalizeDu: true\n  salutations:\n    de:\n      neutral: { closing: Beste Grüße }\n");
        _repo.Write("snippets/gruss.md", "---\nprefix: gruss\ndescription: Gruß\nlanguage: de\n---\nWir helfen Ihnen gern.\n\nMit freundlichen Grüßen\n");
        const string text = "Danke für deine Nachricht!\n";
        string path = _repo.Write("a.md", text);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        await client.OpenAndWaitAsync(Uri(path), text);

        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(new TextDocumentIdentifier(Uri(path)), new Position(0, 0)));

        Assert.Equal("Wir helfen Dir gern.\n\nBeste Grüße", Assert.Single(list.Items).InsertText);
    }

    [Fact]
    public async Task WithoutTeamSnippetsTheBuiltInOnesMatchTheLanguage()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("completion-en");
        await client.OpenAndWaitAsync(uri, "Thanks for your message!\n");

        var list = await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(new TextDocumentIdentifier(uri), new Position(0, 0)));

        Assert.Equal(["hi", "dm", "bye"], list.Items.Select(i => i.Label));
    }

    [Fact]
    public async Task HeadingsAreDocumentSymbolsNestedByLevel()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string uri = Samples.Uri("symbols");
        await client.OpenAndWaitAsync(uri, "# Versand\n\n## Verspätung\n\nText.\n\n## Verlust\n\nText.\n\n# Rückgabe\n\nText.\n");

        DocumentSymbol[] symbols = await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(uri)));

        Assert.Equal(["Versand", "Rückgabe"], symbols.Select(s => s.Name));
        Assert.Equal(["Verspätung", "Verlust"], symbols[0].Children!.Select(s => s.Name));
        Assert.Equal(0, symbols[0].Range.Start.Line);
        Assert.Equal(8, symbols[0].Range.End.Line);
    }

    [Fact]
    public async Task AlwaysAcceptAddsThePhraseToTheConfiguration()
    {
        string config = _repo.Write(".tonelsp.yaml", "rules:\n  TONE001: warning\naccept:\n  - \"kein Problem\"\n");
        string path = _repo.Write("a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(Uri(path), Condescending));

        CodeAction[] actions = await client.CodeActionsAsync(Uri(path), finding.Range, [finding]);

        CodeAction accept = Assert.Single(actions, a => a.Title.StartsWith("Diese Formulierung immer akzeptieren", StringComparison.Ordinal));
        string updated = ClientText.ApplyEdits(File.ReadAllText(config), accept.Edit!.Changes![Uri(config)]);
        Assert.Equal("rules:\n  TONE001: warning\naccept:\n  - \"kein Problem\"\n  - \"Wie bereits erwähnt\"\n", updated);

        File.WriteAllText(config, updated);
        File.SetLastWriteTimeUtc(config, DateTime.UtcNow.AddSeconds(5));
        int before = client.PublishedDiagnostics.Count;
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(Uri(config), 2)]));
        Assert.Empty((await client.WaitForDiagnosticsAsync(Uri(path), 1, d => d.Length == 0, since: before)).Diagnostics);
    }

    [Fact]
    public async Task AlwaysAcceptCreatesTheConfigurationWhenThereIsNone()
    {
        string path = _repo.Write("a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root, CreateFiles = true });
        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(Uri(path), Condescending));

        CodeAction[] actions = await client.CodeActionsAsync(Uri(path), finding.Range, [finding]);

        CodeAction accept = Assert.Single(actions, a => a.Title.StartsWith("Diese Formulierung immer akzeptieren", StringComparison.Ordinal));
        string changes = JsonSerializer.Serialize(accept.Edit!.DocumentChanges);
        Assert.Contains("\"kind\":\"create\"", changes, StringComparison.Ordinal);
        Assert.Contains(".tonelsp.yaml", changes, StringComparison.Ordinal);
        Assert.Contains("accept:\\n  - \\u0022Wie bereits erw\\u00E4hnt\\u0022\\n", changes, StringComparison.Ordinal);
        Assert.Contains("\"version\":null", changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlwaysAcceptWorksThroughACommandWhenTheClientCannotCreateFiles()
    {
        string path = _repo.Write("a.md", Condescending);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        Diagnostic finding = Assert.Single(await client.OpenAndWaitAsync(Uri(path), Condescending));

        CodeAction[] actions = await client.CodeActionsAsync(Uri(path), finding.Range, [finding]);

        CodeAction accept = Assert.Single(actions, a => a.Title.StartsWith("Diese Formulierung immer akzeptieren", StringComparison.Ordinal));
        Assert.Null(accept.Edit);
        Assert.Equal(Commands.AcceptPhrase, accept.Command!.CommandName);
        int before = client.PublishedDiagnostics.Count;
        await client.RequestAsync<JsonElement>("workspace/executeCommand", new ExecuteCommandParams(accept.Command.CommandName, accept.Command.Arguments));

        Assert.Equal("accept:\n  - \"Wie bereits erwähnt\"\n", File.ReadAllText(Path.Combine(_repo.Root, ".tonelsp.yaml")));
        Assert.Empty((await client.WaitForDiagnosticsAsync(Uri(path), 1, d => d.Length == 0, since: before)).Diagnostics);

        // A second run never overwrites the configuration that now exists.
        var again = await Assert.ThrowsAnyAsync<StreamJsonRpc.RemoteRpcException>(
            () => client.RequestAsync<JsonElement>("workspace/executeCommand", new ExecuteCommandParams(accept.Command.CommandName, accept.Command.Arguments)));
        Assert.Contains("exists now", again.Message, StringComparison.Ordinal);
    }

    private static string Uri(string path) => new Uri(path).AbsoluteUri;
}

/// <summary>Pull diagnostics stay current when settings change.</summary>
public sealed class ServerPullDiagnosticsTests
{
    [Fact]
    public async Task ASettingsChangeAsksPullingClientsToRefresh()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { PullDiagnostics = true, DiagnosticRefresh = true });
        string uri = Samples.Uri("refresh");
        await client.OpenAsync(uri, Samples.GermanCondescension);

        await client.NotifyAsync("workspace/didChangeConfiguration", new DidChangeConfigurationParams(JsonSerializer.SerializeToElement(new { tonelsp = new { rules = new { TONE001 = "error" } } })));

        await client.DiagnosticRefreshes.WaitForAsync(_ => true, "a diagnostic refresh request");
        DocumentDiagnosticReport report = await client.PullDiagnosticsAsync(uri);
        Assert.Equal(1, Assert.Single(report.Items!).Severity);
    }

    [Fact]
    public async Task APullThatRacesASettingsChangeStillGetsFindings()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { PullDiagnostics = true });
        string uri = Samples.Uri("race");
        await client.OpenAsync(uri, Samples.GermanCondescension);

        // The settings change supersedes the snapshot while the pull may still be analysing it.
        Task<DocumentDiagnosticReport> pull = client.PullDiagnosticsAsync(uri);
        await client.NotifyAsync("workspace/didChangeConfiguration", new DidChangeConfigurationParams(JsonSerializer.SerializeToElement(new { tonelsp = new { humorAllowed = true } })));

        DocumentDiagnosticReport report = await pull;
        Assert.Equal("full", report.Kind);
        Assert.Equal("TONE001", Assert.Single(report.Items!).Code);
    }
}

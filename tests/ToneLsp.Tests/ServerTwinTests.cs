using System.Text.Json;
using ToneLsp.Protocol;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>Language twins in the editor: the findings `tonelsp check` reports, kept current when the other twin changes.</summary>
public sealed class ServerTwinTests : IDisposable
{
    private const string German = "Hallo {{vorname}}, deine Bestellung {{bestellnummer}} ist unterwegs.\n";
    private const string English = "Hi {{vorname}}, your order is on its way.\n";
    private const string EnglishWithNumber = "Hi {{vorname}}, your order {{bestellnummer}} is on its way.\n";
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task AnOpenTemplateShowsThePlaceholderItsTwinOnDiskLacks()
    {
        string german = _repo.Write("de/versand.md", German);
        _repo.Write("en/versand.md", English);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });

        Diagnostic mismatch = Assert.Single(await client.OpenAndWaitAsync(Uri(german), German), d => d.Code == "TONE021");

        Assert.Contains("{{bestellnummer}}", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("en/versand.md", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypingInTheOtherTwinUpdatesTheFindingAndClosingItFallsBackToTheFile()
    {
        string german = _repo.Write("de/versand.md", German);
        string english = _repo.Write("en/versand.md", English);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        Assert.Contains(await client.OpenAndWaitAsync(Uri(german), German), d => d.Code == "TONE021");
        await client.OpenAndWaitAsync(Uri(english), English);

        int before = client.PublishedDiagnostics.Count;
        await client.ReplaceAsync(Uri(english), 2, EnglishWithNumber);
        PublishDiagnosticsParams updated = await client.WaitForDiagnosticsAsync(Uri(german), 1, d => !d.Any(x => x.Code == "TONE021"), since: before);
        Assert.DoesNotContain(updated.Diagnostics, d => d.Code == "TONE021");

        // The file on disk still lacks the placeholder: once the buffer is closed, the finding is back.
        before = client.PublishedDiagnostics.Count;
        await client.CloseAsync(Uri(english));
        PublishDiagnosticsParams back = await client.WaitForDiagnosticsAsync(Uri(german), 1, d => d.Any(x => x.Code == "TONE021"), since: before);
        Assert.Single(back.Diagnostics, d => d.Code == "TONE021");
    }

    [Fact]
    public async Task ATwinChangedOnDiskWithoutAFileEventCountsAtTheNextEdit()
    {
        string german = _repo.Write("de/versand.md", German);
        string english = _repo.Write("en/versand.md", English);
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        Assert.Contains(await client.OpenAndWaitAsync(Uri(german), German), d => d.Code == "TONE021");

        // The twin's new size tells the server it changed; the client sends no didChangeWatchedFiles.
        File.WriteAllText(english, EnglishWithNumber);
        int before = client.PublishedDiagnostics.Count;
        await client.ReplaceAsync(Uri(german), 2, German + "Danke!\n");
        PublishDiagnosticsParams updated = await client.WaitForDiagnosticsAsync(Uri(german), 2, d => !d.Any(x => x.Code == "TONE021"), since: before);
        Assert.DoesNotContain(updated.Diagnostics, d => d.Code == "TONE021");
    }

    [Fact]
    public async Task ATemplateThatAnotherNamesInTranslationOfIsItsTwin()
    {
        _repo.Write("de/begruessung.md", "---\ntranslationOf: ../en/welcome.md\n---\nHallo {{vorname}}, willkommen!\n");
        string english = _repo.Write("en/welcome.md", "Hello {{vorname}}, your code is {{code}}.\n");
        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });

        await client.OpenAsync(Uri(english), File.ReadAllText(english));

        // The link is known once the workspace is indexed; the open template is then checked again.
        PublishDiagnosticsParams published = await client.WaitForDiagnosticsAsync(Uri(english), 1, d => d.Any(x => x.Code == "TONE021"));
        Assert.Contains("{{code}}", Assert.Single(published.Diagnostics, d => d.Code == "TONE021").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEditorAndTheCommandLineReportTheSameFindingsTwinsIncluded()
    {
        _repo.Write("de/versand.md", German + "Wie bereits erwähnt, ist das Paket unterwegs.\n");
        _repo.Write("en/versand.md", English + "As I already said, it is on its way.\n");
        _repo.Write("de/danke.md", "Danke für deine Nachricht!\n");

        List<(string File, string Rule, int Line)> fromCli = CheckFindings();

        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root });
        var fromServer = new List<(string File, string Rule, int Line)>();
        foreach (string file in new[] { "de/versand.md", "en/versand.md", "de/danke.md" })
        {
            string path = Path.Combine(_repo.Root, file);
            foreach (Diagnostic diagnostic in await client.OpenAndWaitAsync(Uri(path), File.ReadAllText(path)))
            {
                fromServer.Add((file, diagnostic.Code!, diagnostic.Range.Start.Line));
            }
        }

        Assert.Contains(fromCli, f => f.Rule == "TONE021");
        Assert.Contains(fromCli, f => f.Rule == "TONE022");
        Assert.Equal(fromCli, fromServer.Order().ToList());
    }

    [Fact]
    public async Task TheCommandLineAndTheWorkspacePullReportTheSameFindingsTwinsIncluded()
    {
        _repo.Write("de/versand.md", German + "Wie bereits erwähnt, ist das Paket unterwegs.\n");
        _repo.Write("en/versand.md", English + "As I already said, it is on its way.\n");
        _repo.Write("de/danke.md", "Danke für deine Nachricht, {{vorname}}!\n");
        _repo.Write(".tonelsp.yaml", "rules:\n  TONE014: off\nexclude: [\"drafts/**\"]\n");
        _repo.Write("drafts/entwurf.md", "Wie bereits erwähnt, kommt es morgen.\n");

        List<(string File, string Rule, int Line)> fromCli = CheckFindings();

        await using LspTestClient client = await LspTestClient.StartAsync(new ClientSetup { RootPath = _repo.Root, PullDiagnostics = true });
        var report = await client.RequestAsync<WorkspaceDiagnosticReport>("workspace/diagnostic", new WorkspaceDiagnosticParams(null, []));
        var fromServer = report.Items
            .Where(i => i.Uri.EndsWith(".md", StringComparison.Ordinal))
            .SelectMany(i => (i.Items ?? []).Select(d => (File: Path.GetRelativePath(_repo.Root, new Uri(i.Uri).LocalPath).Replace('\\', '/'), Rule: d.Code!, Line: d.Range.Start.Line)))
            .Order().ToList();

        Assert.Contains(fromCli, f => f.Rule == "TONE021");
        Assert.DoesNotContain(fromCli, f => f.File.StartsWith("drafts/", StringComparison.Ordinal));
        Assert.Equal(fromCli, fromServer);
    }

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    // What tonelsp check reports for the repository: file relative to its root, rule, line; in order.
    private List<(string File, string Rule, int Line)> CheckFindings()
    {
        CliResult cli = ToneCli.Run("check", "--format", "json", _repo.Root);
        using JsonDocument json = JsonDocument.Parse(cli.Output);
        return json.RootElement.GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("diagnostics").EnumerateArray().Select(d =>
                (File: Path.GetRelativePath(_repo.Root, Path.GetFullPath(f.GetProperty("path").GetString()!, _repo.Root)).Replace('\\', '/'),
                 Rule: d.GetProperty("ruleId").GetString()!, Line: d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32())))
            .Order().ToList();
    }
}

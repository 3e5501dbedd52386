using System.Diagnostics;
using System.Text.Json;
using ToneLsp.Cli;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>Checking a template repository: configuration, globs, .gitignore, twins, baselines, suppressions, output formats, safe writes.</summary>
public sealed class CliRepositoryTests : IDisposable
{
    private const string Condescending = "Wie bereits erwähnt, ist die Antwort im Hilfebereich.\n";
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void NearerConfigurationFilesOverrideFartherOnes()
    {
        _repo.Write(".tonelsp.yaml", "rules:\n  condescension: off\n");
        _repo.Write("strict/.tonelsp.yaml", "rules:\n  TONE001: error\n");
        _repo.Write("relaxed/a.md", Condescending);
        _repo.Write("strict/b.md", Condescending);

        CliResult result = ToneCli.Run("check", "--format", "json", _repo.Root);

        var files = Json(result).GetProperty("files").EnumerateArray().ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!));
        Assert.Empty(files["a.md"].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("error", files["b.md"].GetProperty("diagnostics")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public void RememberingDirectoriesResolvesTheSameConfigurationsAndForgetsThemWhenAFileChanges()
    {
        _repo.Write(".tonelsp.yaml", "rules:\n  condescension: off\n");
        _repo.Write("strict/.tonelsp.yaml", "rules:\n  TONE001: error\n");
        string[] templates = [_repo.Write("a.md", Condescending), _repo.Write("strict/b.md", Condescending), _repo.Write("strict/deeper/c.md", Condescending)];
        var remembering = new Repository.ConfigurationProvider(rememberDirectories: true);

        foreach (string template in templates)
        {
            var expected = new Repository.ConfigurationProvider().For(template);
            var first = remembering.ForFile(Path.GetFullPath(template));
            Assert.Equal(expected.Files, first.Files);
            Assert.Equal(expected.BaseDirectory, first.BaseDirectory);
            Assert.Same(first, remembering.ForFile(Path.GetFullPath(template)));
        }

        string added = _repo.Write("strict/deeper/.tonelsp.yaml", "rules:\n  TONE001: off\n");
        Assert.Equal(2, remembering.ForFile(Path.GetFullPath(templates[2])).Files.Count);
        remembering.Invalidate(added);
        Assert.Equal(3, remembering.ForFile(Path.GetFullPath(templates[2])).Files.Count);
    }

    [Fact]
    public void InvalidConfigurationIsAnErrorWithFileAndLineButCheckingGoesOn()
    {
        _repo.Write(".tonelsp.yaml", "brand:\n  adress: du\nrules:\n  TONE001: error\n");
        _repo.Write("a.md", Condescending);

        CliResult result = ToneCli.Run("check", _repo.Root);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        // The templates are German, so is the error (messages: auto); with --messages en it is English.
        Assert.Contains(".tonelsp.yaml:2:3: error: Unbekannter Schlüssel 'adress' in brand (meintest du 'address'?)", result.Error);
        Assert.Contains(".tonelsp.yaml:2:3: error: Unknown key 'adress' in brand (did you mean 'address'?)", ToneCli.Run("check", "--messages", "en", _repo.Root).Error);
        Assert.Contains("error TONE001", result.Output);
    }

    [Fact]
    public void IncludeAndExcludeGlobsSelectTheTemplates()
    {
        _repo.Write(".tonelsp.yaml", "exclude: [\"drafts/**\"]\n");
        _repo.Write("drafts/a.md", Condescending);
        _repo.Write("live/b.md", Condescending);

        CliResult result = ToneCli.Run("check", "--format", "json", _repo.Root);

        Assert.Equal(["b.md"], Json(result).GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetProperty("path").GetString()!)));
    }

    [Fact]
    public void GitIgnoredTemplatesAreSkipped()
    {
        Git("init", "-q");
        _repo.Write(".gitignore", "build/\n");
        _repo.Write("build/a.md", Condescending);
        _repo.Write("b.md", Condescending);

        CliResult result = ToneCli.Run("check", "--format", "json", _repo.Root);

        Assert.Equal(["b.md"], Json(result).GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetProperty("path").GetString()!)));
    }

    [Fact]
    public void ChannelProfilesComeFromFrontMatterAndTheSummaryCountsThem()
    {
        _repo.Write(".tonelsp.yaml", "channels:\n  linkedin:\n    address: sie\n  instagram:\n    address: du\n    paths: [\"insta/**\"]\n");
        _repo.Write("insta/a.md", "Danke für Ihre Nachricht!\n");
        _repo.Write("b.md", "---\nchannel: linkedin\n---\nDanke für deine Nachricht!\n");

        CliResult result = ToneCli.Run("check", "--messages", "en", _repo.Root);

        Assert.Equal(CliApp.Findings, result.ExitCode);
        Assert.Contains("customer writes", result.Output.Replace("configuration asks", "customer writes"));
        Assert.Contains("│ instagram", result.Output);
        Assert.Contains("│ linkedin", result.Output);
        Assert.Contains("│ address-form", result.Output);
    }

    [Fact]
    public void TwinTemplatesMustUseTheSamePlaceholders()
    {
        _repo.Write("de/versand.md", "Hallo {{vorname}}, deine Bestellung {{bestellnummer}} ist unterwegs.\n");
        _repo.Write("en/versand.md", "Hi {{vorname}}, your order is on its way.\n");

        CliResult result = ToneCli.Run("check", "--format", "json", _repo.Root);

        JsonElement german = Json(result).GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith("de/versand.md", StringComparison.Ordinal));
        JsonElement mismatch = Assert.Single(german.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("ruleId").GetString() == "TONE021");
        Assert.Contains("{{bestellnummer}}", mismatch.GetProperty("message").GetString());
    }

    [Fact]
    public void AMisspeltPlaceholderIsFoundAgainstTheRestOfTheRepository()
    {
        _repo.Write("a.md", "Hallo {{VORNAME}}, danke!\n");
        _repo.Write("b.md", "Hallo {{VORNAME}}, gern geschehen!\n");
        _repo.Write("c.md", "Hallo {{VORNAM}}, bis bald!\n");

        CliResult result = ToneCli.Run("check", _repo.Root);

        // The templates are German, so the message is (messages: auto); the "file:line: severity ID" prefix stays English.
        Assert.Contains("c.md:1:7: warning TONE019 [template] „{{VORNAM}}“ kommt sonst nirgends vor; andere Vorlagen verwenden „{{VORNAME}}“", result.Output);
    }

    [Fact]
    public void ABaselineHidesKnownFindingsEvenWhenLinesMove()
    {
        string template = _repo.Write("a.md", Condescending);
        string baseline = Path.Combine(_repo.Root, "baseline.json");
        Assert.Equal(CliApp.Success, ToneCli.Run("check", "--write-baseline", baseline, template).ExitCode);

        File.WriteAllText(template, "Hallo!\n\nNeuer Absatz.\n\n" + Condescending + "\nKein Wunder, dass du das nicht verstehst.\n");
        CliResult result = ToneCli.Run("check", "--baseline", baseline, "--format", "json", template);

        JsonElement only = Assert.Single(Json(result).GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(6, only.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(CliApp.Findings, result.ExitCode);
    }

    [Fact]
    public void TestRulesRunsTheTeamPhrasesOwnExamples()
    {
        _repo.Write(".tonelsp.yaml", "phrases:\n  - match: \"[der] Kunde ist König\"\n    message: Say what we do\n    rewrite: Kundinnen und Kunden stehen im Mittelpunkt\n" +
                                     "    lang: de\n    flag: [\"Der Kunde ist König.\"]\n    pass: [\"Der Kunde hat angerufen.\"]\n");
        _repo.Write("a.md", "Hallo!\n");
        CliResult passing = ToneCli.Run("check", "--test-rules", _repo.Root);
        Assert.Equal(CliApp.Success, passing.ExitCode);
        Assert.Contains("1 team phrase, 2 example lines: all behave.", passing.Output);

        _repo.Write(".tonelsp.yaml", "phrases:\n  - match: \"Kunde ist König\"\n    message: Say what we do\n    lang: de\n    flag: [\"Der Kunde hat angerufen.\"]\n    pass: [\"ok\"]\n");
        CliResult failing = ToneCli.Run("check", "--test-rules", _repo.Root);
        Assert.Equal(CliApp.Findings, failing.ExitCode);
        Assert.Matches(@"\.tonelsp\.yaml:2: TEAM-[0-9A-F]{8}: a flag line that is not flagged: Der Kunde hat angerufen\.", failing.Output);
        Assert.Contains("1 failed.", failing.Output);
        CliResult german = ToneCli.Run("check", "--test-rules", "--messages", "de", _repo.Root);
        Assert.Matches(@"\.tonelsp\.yaml:2: TEAM-[0-9A-F]{8}: eine flag-Zeile, die nicht gemeldet wird: Der Kunde hat angerufen\.", german.Output);
    }

    [Fact]
    public void SuppressionsAreListedWithReasonsAndUnusedOnesAreMarked()
    {
        _repo.Write("a.md", "<!-- tonelsp-disable-next-line TONE001 -- brand quote, approved -->\n" + Condescending +
                            "\n<!-- tonelsp-disable-next-line TONE004 -->\nDanke für deine Nachricht.\n");

        CliResult result = ToneCli.Run("check", "--report-suppressions", _repo.Root);

        Assert.Contains("a.md:1:1: TONE001 (nächste Zeile) -- brand quote, approved", result.Output);
        Assert.Contains("a.md:4:1: TONE004 (nächste Zeile) -- ohne Begründung [unnötig]", result.Output);
        Assert.Contains("information TONE020 [template] Diese Unterdrückung (TONE004) unterdrückt nichts mehr", result.Output);
    }

    [Fact]
    public void GithubFormatWritesWorkflowAnnotations()
    {
        string template = _repo.Write("a.md", Condescending);

        CliResult result = ToneCli.Run("check", "--format", "github", template);

        string display = template.Replace('\\', '/');
        Assert.Equal($"::warning file={display},line=1,col=1,endLine=1,endColumn=21,title=TONE001 Herablassende Formulierung::„Wie bereits erwähnt,“ spricht von oben herab\n", result.Output);
    }

    [Fact]
    public void SarifResultsCarryStableFingerprints()
    {
        string template = _repo.Write("a.md", Condescending);
        string first = SarifFingerprint(template);
        File.WriteAllText(template, "Ganz neue erste Zeile.\n\n" + Condescending);
        Assert.Equal(first, SarifFingerprint(template));
    }

    [Fact]
    public void AFailedWriteLeavesTheOriginalIntactAndNoTemporaryFile()
    {
        string template = _repo.Write("a.md", Condescending);
        TemplateFile file = TemplateFiles.Read(template, "a.md");

        Assert.Throws<IOException>(() => SafeWriter.Write(file, "Neu\n", _ => throw new IOException("disk full")));

        Assert.Equal(Condescending, File.ReadAllText(template));
        Assert.Equal(["a.md"], Directory.GetFiles(_repo.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void AFileChangedSinceItWasReadIsNotOverwritten()
    {
        string template = _repo.Write("a.md", Condescending);
        TemplateFile file = TemplateFiles.Read(template, "a.md");
        File.WriteAllText(template, "Jemand anderes hat das geändert.\n");

        var error = Assert.Throws<IOException>(() => SafeWriter.Write(file, "Neu\n"));

        Assert.Contains("changed on disk", error.Message);
        Assert.Equal("Jemand anderes hat das geändert.\n", File.ReadAllText(template));
    }

    [Fact]
    public void FixKeepsCrlfForInsertedLineBreaks()
    {
        _repo.Write(".tonelsp.yaml", "channels:\n  email:\n    closing: required\n");
        string template = _repo.Write("a.md", "---\r\nchannel: email\r\n---\r\nHallo Anna,\r\n\r\nwir melden uns morgen bei dir.\r\n");

        CliResult result = ToneCli.Run("fix", template);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal("---\r\nchannel: email\r\n---\r\nHallo Anna,\r\n\r\nwir melden uns morgen bei dir.\r\n\r\nViele Grüße\r\n", File.ReadAllText(template));
    }

    private static string SarifFingerprint(string template)
    {
        CliResult result = ToneCli.Run("check", "--format", "sarif", template);
        return Json(result).GetProperty("runs")[0].GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty("toneFingerprint/v1").GetString()!;
    }

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Output).RootElement;

    private void Git(params string[] args)
    {
        using Process git = Process.Start(new ProcessStartInfo("git", ["-C", _repo.Root, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
    }
}

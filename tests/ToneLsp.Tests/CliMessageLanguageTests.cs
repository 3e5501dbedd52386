using System.Reflection;
using System.Text.Json;
using ToneLsp.Cli;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Rules;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>
/// The command line in German and English: its own texts exist in both languages, and its output on examples/ is
/// compared with committed snapshots (Snapshots/*.txt; run with UPDATE_SNAPSHOTS=1 to write them after a deliberate change).
/// </summary>
public sealed class CliMessageLanguageTests
{
    /// <summary>Every text of the command line's and server's catalogue.</summary>
    public static TheoryData<string> CliTexts() =>
        [.. typeof(CliText).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(LocalText)).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(CliTexts))]
    public void EveryCommandLineTextHasBothLanguagesWithTheSamePlaceholders(string name)
    {
        var text = (LocalText)typeof(CliText).GetField(name)!.GetValue(null)!;
        Assert.False(string.IsNullOrWhiteSpace(text.En), name);
        Assert.False(string.IsNullOrWhiteSpace(text.De), name);
        Assert.Equal(LexiconLoader.Placeholders(text.En), LexiconLoader.Placeholders(text.De));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void CheckOnTheExamplesMatchesItsSnapshot(string language) =>
        AssertSnapshot($"check-examples.{language}.txt", Normalize(ToneCli.Run("check", "--messages", language, Examples)));

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void FixDryRunOnTheExamplesMatchesItsSnapshot(string language) =>
        AssertSnapshot($"fix-dry-run-examples.{language}.txt", Normalize(ToneCli.Run("fix", "--dry-run", "--messages", language, Examples)));

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void ExplainMatchesItsSnapshot(string language) =>
        AssertSnapshot($"explain-TONE001.{language}.txt", Normalize(ToneCli.Run("explain", "TONE001", "--messages", language)));

    [Fact]
    public void AutoSpeaksEachTemplatesLanguageAndTheJsonKeepsIdsAndSlugs()
    {
        CliResult result = ToneCli.Run("check", "--format", "json", Examples);

        using JsonDocument json = JsonDocument.Parse(result.Output);
        foreach (JsonElement file in json.RootElement.GetProperty("files").EnumerateArray())
        {
            string language = file.GetProperty("language").GetString()!;
            Assert.Equal(language, file.GetProperty("messages").GetString());
            foreach (JsonElement diagnostic in file.GetProperty("diagnostics").EnumerateArray())
            {
                Assert.Matches("^TONE[0-9]{3}$", diagnostic.GetProperty("ruleId").GetString());
                Assert.Matches("^[a-z-]+$", diagnostic.GetProperty("category").GetString());
                string message = diagnostic.GetProperty("message").GetString()!;
                Assert.DoesNotContain(language == "de" ? "”" : "„", message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void SarifDescribesTheRulesInTheChosenLanguageAndNamesIt()
    {
        CliResult result = ToneCli.Run("check", "--format", "sarif", "--messages", "de", Examples);

        using JsonDocument sarif = JsonDocument.Parse(result.Output);
        JsonElement run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("de", run.GetProperty("language").GetString());
        JsonElement rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().First(r => r.GetProperty("id").GetString() == "TONE001");
        Assert.Equal("Herablassende Formulierung", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.StartsWith("Die Formulierung unterstellt", rule.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("de", rule.GetProperty("properties").GetProperty("language").GetString());
        JsonElement first = run.GetProperty("results")[0];
        Assert.Equal("de", first.GetProperty("properties").GetProperty("language").GetString());
    }

    [Fact]
    public void ABaselineWrittenInOneLanguageHoldsInTheOther()
    {
        string baseline = Path.Combine(Path.GetTempPath(), $"tonelsp-baseline-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, ToneCli.Run("check", "--messages", "en", "--write-baseline", baseline, Examples).ExitCode);

            CliResult german = ToneCli.Run("check", "--messages", "de", "--baseline", baseline, Examples);

            Assert.Equal(0, german.ExitCode);
            Assert.StartsWith("Keine Tonfall-Probleme in 6 Dateien.", german.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [Fact]
    public void AUsageErrorIsInTheChosenLanguage()
    {
        CliResult result = ToneCli.Run("check", "--messages", "de", "--rule", "TONE001");

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Equal("tonelsp: --rule erwartet ID=SCHWEREGRAD mit off, hint, information, warning oder error, nicht 'TONE001'.\n", result.Error);
    }

    [Fact]
    public void EveryHelpDescriptionHasAGermanText()
    {
        var missing = new List<string>();
        void Visit(System.CommandLine.Command command)
        {
            IEnumerable<string?> descriptions = command.Options
                .Where(o => o is not (System.CommandLine.Help.HelpOption or System.CommandLine.VersionOption))
                .Select(o => o.Description)
                .Concat(command.Arguments.Select(a => a.Description))
                .Append(command.Description);
            missing.AddRange(descriptions.Where(d => !string.IsNullOrEmpty(d) && CliText.HelpIn(d, Core.Documents.Language.German) is null)!);
            foreach (System.CommandLine.Command subcommand in command.Subcommands)
            {
                Visit(subcommand);
            }
        }

        Visit(CliApp.CommandTree());
        Assert.Empty(missing);
    }

    [Fact]
    public void HelpSpeaksGermanWhenAsked()
    {
        CliResult german = ToneCli.Run("check", "--help", "--messages", "de");
        CliResult english = ToneCli.Run("check", "--help", "--messages", "en");

        Assert.Contains("Antwortvorlagen auf Tonfall-Probleme prüfen.", german.Output, StringComparison.Ordinal);
        // System.CommandLine's own German headings, and our text for its help option.
        Assert.Contains("Nutzung:", german.Output, StringComparison.Ordinal);
        Assert.Contains("Hilfe und Aufrufbeispiele zeigen", german.Output, StringComparison.Ordinal);
        Assert.Contains("Usage:", english.Output, StringComparison.Ordinal);
        Assert.Contains("Ausgabeformat: text, json, sarif oder github.", german.Output, StringComparison.Ordinal);
        Assert.Contains("Check reply templates for tone problems.", english.Output, StringComparison.Ordinal);

        // The headings and labels System.CommandLine's German resources leave in English are ours.
        Assert.StartsWith("Beschreibung:\n", german.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(" check [<paths>...] [Optionen]", german.Output, StringComparison.Ordinal);
        Assert.Contains("[Standard: text]", german.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", german.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[default:", german.Output, StringComparison.Ordinal);
        Assert.StartsWith("Description:\n", english.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("[options]", english.Output, StringComparison.Ordinal);
        Assert.Contains("[default: text]", english.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRootHelpSpeaksGermanAndKeepsItsColumns()
    {
        string german = ToneCli.Run("--help", "--messages", "de").Output.ReplaceLineEndings("\n");
        string convert = ToneCli.Run("convert", "--help", "--messages", "de").Output.ReplaceLineEndings("\n");

        Assert.Contains(" [Befehl] [Optionen]\n", german, StringComparison.Ordinal);
        Assert.Contains("Befehle:", german, StringComparison.Ordinal);

        // "(Pflicht)" is padded to the width of "(REQUIRED)", so that the descriptions stay in one column.
        string[] rows = convert.Split('\n').Where(l => l.StartsWith("  --", StringComparison.Ordinal)).ToArray();
        string required = Assert.Single(rows, r => r.Contains("(Pflicht)", StringComparison.Ordinal));
        int column = required.IndexOf("Die Zielanrede", StringComparison.Ordinal);
        Assert.Equal(column, rows.Single(r => r.StartsWith("  --capitalize-du", StringComparison.Ordinal)).IndexOf("Du, Dich", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de", "tonelsp: Die Option '--to' ist erforderlich.\nMit 'tonelsp --help' siehst du, wie es geht.\n")]
    [InlineData("en", "tonelsp: Option '--to' is required.\nRun 'tonelsp --help' for usage.\n")]
    public void AUsageErrorSpeaksTheLanguage(string language, string expected)
    {
        CliResult result = ToneCli.Run("convert", "reply.md", "--messages", language);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("de_DE.UTF-8", "Beschreibung:", "tonelsp: Die Option '--to' ist erforderlich.")]
    [InlineData("en_US.UTF-8", "Description:", "tonelsp: Option '--to' is required.")]
    public void LangDecidesTheHelpAndTheUsageErrorsUnderAuto(string lang, string heading, string usageError)
    {
        Assert.StartsWith(heading + "\n", RunWithLang(lang, "convert", "--help").Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith(usageError + "\n", RunWithLang(lang, "convert", "reply.md").Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        static (string Output, string Error) RunWithLang(string lang, params string[] args)
        {
            System.Diagnostics.ProcessStartInfo start = TonelspExecutable.StartInfo(args);
            start.Environment.Remove("LC_ALL");
            start.Environment.Remove("LC_MESSAGES");
            start.Environment["LANG"] = lang;
            using var process = System.Diagnostics.Process.Start(start)!;
            process.StandardInput.Close();
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "tonelsp did not exit");
            return (output, error.Result);
        }
    }

    [Theory]
    [InlineData("de", "tonelsp: Unbekannte Option '--bogus'.\n")]
    [InlineData("en", "tonelsp: Unrecognized option '--bogus'.\n")]
    public void AnUnknownOptionTakenForAPathSpeaksTheLanguage(string language, string expected)
    {
        CliResult result = ToneCli.Run("check", "--bogus", "--messages", language);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCommandIsAGermanUsageError()
    {
        // --messages belongs to the commands; before one it is itself reported, in the language it asks for.
        CliResult result = ToneCli.Run("--messages", "de", "frobnicate");

        Assert.Equal(2, result.ExitCode);
        string error = result.Error.ReplaceLineEndings("\n");
        Assert.Contains("tonelsp: Befehl oder Argument 'frobnicate' nicht erkannt.\n", error, StringComparison.Ordinal);
        Assert.Contains("tonelsp: Befehl oder Argument '--messages' nicht erkannt.\n", error, StringComparison.Ordinal);
        Assert.EndsWith("Mit 'tonelsp --help' siehst du, wie es geht.\n", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Option '--to' is required.", "Die Option '--to' ist erforderlich.")]
    [InlineData("Option '--to' expects a single argument but 2 were provided.", "Die Option '--to' erwartet einen einzelnen Wert, angegeben wurden 2.")]
    [InlineData("Cannot parse argument 'x' for option '--max' as expected type 'System.Int32'.", "Der Wert 'x' passt nicht zur Option '--max' (erwartet: 'System.Int32').")]
    [InlineData("Cannot parse argument 'x' for option '--to' as expected type 'T'. Did you mean one of the following?\ndu\nsie", "Der Wert 'x' passt nicht zur Option '--to' (erwartet: 'T'). Meintest du einen dieser Werte?\ndu\nsie")]
    [InlineData("'chek' was not matched. Did you mean one of the following?", "'chek' ist unbekannt. Meintest du eines davon?")]
    [InlineData("--version option cannot be combined with other arguments.", "Die Option --version lässt sich nicht mit anderen Argumenten kombinieren.")]
    [InlineData("Befehl oder Argument 'x' nicht erkannt.", "Befehl oder Argument 'x' nicht erkannt.")]
    public void TheParseErrorsSystemCommandLineLeavesInEnglishGetGerman(string message, string german)
    {
        Assert.Equal(german, CliText.ParseErrorIn(message, Core.Documents.Language.German));
        Assert.Equal(message, CliText.ParseErrorIn(message, Core.Documents.Language.English));
    }

    [Fact]
    public void AFixThatCannotBeWrittenSaysWhyInGerman()
    {
        var german = Core.Documents.Language.German;
        Assert.Equal(
            "Die Korrekturen ließen sich nicht schreiben: die Datei wurde während der Korrektur geändert; sie bleibt, wie sie war",
            CliText.WriteFailed.Format(german, CliText.ReadReason("changed on disk while it was being fixed; it was left as it is", german)));

        // The operating system's own text stays as .NET gives it, inside our sentence.
        Assert.Equal(
            "Eine Datei ließ sich nicht lesen oder schreiben: Access to the path '/x' is denied.",
            CliText.InputOutputFailed.Format(german, CliText.ReadReason("Access to the path '/x' is denied.", german)));
    }

    [Fact]
    public void TheLexiconSpeaksTheLanguageAndItsJsonKeepsTheContract()
    {
        CliResult german = ToneCli.Run("lexicon", "--messages", "de", "Paket", "Xyzzyq");
        CliResult english = ToneCli.Run("lexicon", "--messages", "en", "Paket", "Xyzzyq");
        CliResult json = ToneCli.Run("lexicon", "--messages", "de", "--json", "Paket");

        Assert.Equal(0, german.ExitCode);
        Assert.Matches(@"Paket +Nomen +Singular, Nominativ, neutral", german.Output);
        Assert.Contains("Xyzzyq: unbekannt", german.Output, StringComparison.Ordinal);
        Assert.Matches(@"Paket +noun +singular, nominative, neuter", english.Output);
        Assert.Contains("Xyzzyq: unknown", english.Output, StringComparison.Ordinal);
        Assert.Contains("\"pos\":\"noun\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"case\":\"nominative\"", json.Output, StringComparison.Ordinal);
    }

    private static string Examples => Path.Combine(RepositoryRoot, "examples");

    private static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ToneLsp.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (ToneLsp.sln) is not above the tests.");
        }
    }

    // Paths are made relative to the repository, so the snapshot holds on every machine.
    private static string Normalize(CliResult result) =>
        $"exit {result.ExitCode}\n--- stdout\n{result.Output}--- stderr\n{result.Error}".Replace(RepositoryRoot + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).ReplaceLineEndings("\n");

    private static void AssertSnapshot(string name, string actual)
    {
        string path = Path.Combine(RepositoryRoot, "tests", "ToneLsp.Tests", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"The snapshot {name} is missing; run the tests with UPDATE_SNAPSHOTS=1 to write it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}

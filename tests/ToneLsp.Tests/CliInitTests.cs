using System.CommandLine;
using System.Diagnostics;
using ToneLsp.Cli;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Documents;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary><c>tonelsp init</c>: the configuration it writes loads through the real parser, it asks only on a terminal, and it never overwrites.</summary>
public sealed class CliInitTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string ConfigurationPath => Path.Combine(_directory.Root, ConfigurationParser.FileName);

    private ToneConfiguration LoadWritten()
    {
        (ToneConfiguration configuration, IReadOnlyList<ConfigurationError> errors) = ConfigurationParser.Parse(File.ReadAllText(ConfigurationPath), ConfigurationPath);
        Assert.Empty(errors);
        return configuration;
    }

    [Fact]
    public void WithAnswersOnTheCommandLineItWritesThemAndTheFileLoadsWithoutErrors()
    {
        CliResult result = ToneCli.Run("init", _directory.Root, "--language", "en", "--address", "sie", "--channel", "email", "--channel", "instagram");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(ConfigurationParser.FileName, result.Output);
        ToneConfiguration configuration = LoadWritten();
        Assert.Equal(Language.English, configuration.Brand.Language);
        Assert.Equal(AddressPreference.Sie, configuration.Brand.Address);
        Assert.Equal(["email", "instagram"], configuration.Channels.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("# ", File.ReadAllText(ConfigurationPath));
    }

    [Fact]
    public void WithGermanMessagesTheCommentsAreGermanAndTheSettingsTheSame()
    {
        var answers = new InitCommand.Answers("de", "sie", ["email"]);
        string german = InitCommand.Render(answers, Language.German);
        string english = InitCommand.Render(answers, Language.English);

        Assert.StartsWith("# ToneLsp-Konfiguration, geschrieben von \"tonelsp init\".", german, StringComparison.Ordinal);
        Assert.Contains("# du | sie | mirror, nur für diesen Kanal", german, StringComparison.Ordinal);
        Assert.Equal(Settings(english), Settings(german));
        Assert.Empty(ConfigurationParser.Parse(german, ConfigurationParser.FileName).Errors);

        CliResult result = ToneCli.Run("init", _directory.Root, "--messages", "de", "--address", "sie", "--channel", "email");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(german, File.ReadAllText(ConfigurationPath));
        Assert.Equal(AddressPreference.Sie, LoadWritten().Brand.Address);

        // What remains without the comments: the same keys and values in both languages.
        static string Settings(string yaml) => string.Join("\n", yaml.Split('\n')
            .Select(line => line.Contains('#', StringComparison.Ordinal) ? line[..line.IndexOf('#', StringComparison.Ordinal)].TrimEnd() : line)
            .Where(line => line.Length > 0));
    }

    [Fact]
    public void WithoutATerminalItAsksNothingAndWritesTheDefaults()
    {
        // The test host's standard input is not a terminal.
        CliResult result = ToneCli.Run("init", _directory.Root);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("?", result.Output);
        ToneConfiguration configuration = LoadWritten();
        Assert.Equal(Language.German, configuration.Brand.Language);
        Assert.Equal(AddressPreference.Mirror, configuration.Brand.Address);
        Assert.Empty(configuration.Channels);
    }

    [Fact]
    public void ItNeverOverwritesAnExistingConfiguration()
    {
        File.WriteAllText(ConfigurationPath, "brand:\n  address: du\n");

        CliResult result = ToneCli.Run("init", _directory.Root, "--address", "sie");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never overwrites", result.Error);
        Assert.Equal("brand:\n  address: du\n", File.ReadAllText(ConfigurationPath));
    }

    [Fact]
    public void ItSpeaksGermanWhenAsked()
    {
        CliResult written = ToneCli.Run("init", _directory.Root, "--address", "du", "--messages", "de");
        CliResult refused = ToneCli.Run("init", _directory.Root, "--address", "du", "--messages", "de");

        Assert.Equal(0, written.ExitCode);
        Assert.Equal($"{ConfigurationPath} geschrieben.\n", written.Output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("init überschreibt keine Datei", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadChannelNameIsAUsageErrorAndWritesNothing()
    {
        CliResult result = ToneCli.Run("init", _directory.Root, "--channel", "e mail");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--channel", result.Error);
        Assert.False(File.Exists(ConfigurationPath));
    }

    [Fact]
    public void OnATerminalItAsksAndRepeatsAQuestionWhoseAnswerIsNotAChoice()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var input = new StringReader("fr\nen\ndu\nemail, social-media\n");
        var root = new RootCommand { InitCommand.Create(input, output, error, () => true, () => Core.Analysis.ToneEngine.Default) };

        int exitCode = root.Parse(["init", _directory.Root]).Invoke();

        Assert.Equal(0, exitCode);
        Assert.Contains("'fr' is not one of the choices", output.ToString());
        Assert.Contains("Default form of address (du/sie/mirror) [mirror]:", output.ToString());
        ToneConfiguration configuration = LoadWritten();
        Assert.Equal(Language.English, configuration.Brand.Language);
        Assert.Equal(AddressPreference.Du, configuration.Brand.Address);
        Assert.Equal(["email", "social-media"], configuration.Channels.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WithBaselineItRecordsTodaysFindingsSoACheckWithTheBaselinePasses()
    {
        _directory.Write("reply.md", Samples.GermanCondescension);

        CliResult init = ToneCli.Run("init", _directory.Root, "--address", "sie", "--baseline");
        string baseline = Path.Combine(_directory.Root, InitCommand.BaselineFileName);
        CliResult withBaseline = ToneCli.Run("check", "--baseline", baseline, _directory.Root);
        CliResult without = ToneCli.Run("check", _directory.Root);

        Assert.Equal(0, init.ExitCode);
        Assert.Contains("Recorded 1 findings", init.Output);
        Assert.Contains("TONE001", File.ReadAllText(baseline));
        Assert.Equal(1, without.ExitCode);
        Assert.Equal(0, withBaseline.ExitCode);
    }

    [Fact]
    public void WithBaselineItRefusesWhenTheBaselineExistsAndWritesNoConfiguration()
    {
        string baseline = _directory.Write(InitCommand.BaselineFileName, "{}\n");

        CliResult result = ToneCli.Run("init", _directory.Root, "--baseline");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("{}\n", File.ReadAllText(baseline));
        Assert.False(File.Exists(ConfigurationPath));
    }

    [Fact]
    public async Task ThroughAPseudoTerminalTheRealExecutableAsksAndWritesTheAnswers()
    {
        // util-linux script gives the child a pseudo-terminal and passes our standard input to it.
        Assert.True(File.Exists("/usr/bin/script"), "The interactive test needs script(1) from util-linux.");
        ProcessStartInfo tonelsp = TonelspExecutable.StartInfo("init", _directory.Root);
        string command = string.Join(' ', new[] { tonelsp.FileName }.Concat(tonelsp.ArgumentList).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var start = new ProcessStartInfo("/usr/bin/script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        foreach (string answer in new[] { "en", "sie", "email" })
        {
            await Task.Delay(300);
            await process.StandardInput.WriteAsync(answer + "\n");
            await process.StandardInput.FlushAsync();
        }

        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        await process.WaitForExitAsync(timeout.Token);
        process.StandardInput.Close();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Language of the replies", await output);
        ToneConfiguration configuration = LoadWritten();
        Assert.Equal(Language.English, configuration.Brand.Language);
        Assert.Equal(AddressPreference.Sie, configuration.Brand.Address);
        Assert.Equal(["email"], configuration.Channels.Keys);
    }
}

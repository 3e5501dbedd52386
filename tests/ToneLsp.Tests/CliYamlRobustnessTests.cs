using ToneLsp.Cli;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary><c>tonelsp check</c> with broken or deeply nested YAML: a finding or a configuration error, never a crash.</summary>
public sealed class CliYamlRobustnessTests : IDisposable
{
    private const string Condescending = "Wie bereits erwähnt, ist die Antwort im Hilfebereich.\n";
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task FrontMatterThatMadeYamlDotNetThrowIsAFindingAndTheTextIsStillChecked()
    {
        string template = _repo.Write("t.md", "---\nx: [\ny: [\n---\n" + Condescending);

        CliResult result = await ToneCli.RunExecutableAsync("check", template);

        Assert.Equal(CliApp.Findings, result.ExitCode);
        Assert.Contains("t.md:2:1: warning TONE100", result.Output, StringComparison.Ordinal);
        Assert.Contains("t.md:5:1: warning TONE001", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{")]
    [InlineData("- ")]
    public async Task FortyThousandLevelsInFrontMatterOrConfigurationAreReportedNotACrash(string level)
    {
        string deep = (level == "- " ? "accept:\n" : "accept: ") + string.Concat(Enumerable.Repeat(level, 40_000));
        _repo.Write(".tonelsp.yaml", "rules:\n  TONE001: error\n" + deep + "\n");
        string template = _repo.Write("t.md", "---\n" + deep + "\n---\n" + Condescending);

        CliResult result = await ToneCli.RunExecutableAsync("check", template);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        // The template is German, so the run speaks German (messages: auto); "error:" stays for problem matchers.
        Assert.Matches(@"\.tonelsp\.yaml:[34]:\d+: error: Die Konfiguration ist tiefer als 64 Ebenen verschachtelt", result.Error);
        Assert.Matches(@"t\.md:[23]:\d+: warning TONE100", result.Output);
        // The template is German: its finding is in German (messages: auto); the configuration's error is English.
        Assert.Contains("tiefer als 64 Ebenen verschachtelt", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\.tonelsp\.yaml:[34]:\d+: error: The configuration nests deeper than 64 levels",
            (await ToneCli.RunExecutableAsync("check", "--messages", "en", template)).Error);
        Assert.Contains("error TONE001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ASyntaxErrorInOneSectionOfTheConfigurationKeepsTheOthers()
    {
        _repo.Write(".tonelsp.yaml", "rules: {TONE001: off}\nfoo: [1, 2\n");
        _repo.Write("a.md", Condescending);

        CliResult result = ToneCli.Run("check", "--messages", "en", _repo.Root);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains(".tonelsp.yaml:2:1: error: Not valid YAML", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TONE001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRuleIdIsAConfigurationErrorWithItsLine()
    {
        _repo.Write(".tonelsp.yaml", "rules:\n  TONE001: error\n  TONE999: off\n");
        _repo.Write("a.md", Condescending);

        CliResult result = ToneCli.Run("check", "--messages", "en", _repo.Root);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains(".tonelsp.yaml:3:3: error: rules.TONE999: no rule or category has this name", result.Error, StringComparison.Ordinal);
        Assert.Contains("error TONE001", result.Output, StringComparison.Ordinal);
    }
}

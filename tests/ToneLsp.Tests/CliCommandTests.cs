using System.Text;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Documents;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary><c>tonelsp fix</c>, <c>convert</c>, <c>explain</c> and <c>--version</c>.</summary>
public sealed class CliCommandTests : IDisposable
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private const string CrlfReply = "Hallo Anna,\r\n\r\nWie bereits erwähnt, ist die Antwort im Hilfebereich.\r\nViele Grüße\r\n";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void FixAppliesThePreferredFixAndKeepsLineEndingsAndByteOrderMark()
    {
        string path = _directory.WriteBytes("reply.md", [.. Utf8Bom, .. Encoding.UTF8.GetBytes(CrlfReply)]);

        CliResult result = ToneCli.Run("fix", "--messages", "en", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Applied 1 edits in 1 files.", result.Output);
        byte[] expected = [.. Utf8Bom, .. Encoding.UTF8.GetBytes("Hallo Anna,\r\n\r\nKurz zusammengefasst ist die Antwort im Hilfebereich.\r\nViele Grüße\r\n")];
        Assert.Equal(expected, File.ReadAllBytes(path));
        Assert.Equal(0, ToneCli.Run("check", path).ExitCode);
    }

    [Fact]
    public void FixDryRunShowsTheEditsAndLeavesTheFileAlone()
    {
        byte[] original = [.. Utf8Bom, .. Encoding.UTF8.GetBytes(CrlfReply)];
        string path = _directory.WriteBytes("reply.md", original);

        CliResult result = ToneCli.Run("fix", "--dry-run", path);

        Assert.Equal(0, result.ExitCode);
        string display = path.Replace('\\', '/');
        Assert.Contains($"--- a/{display}\n+++ b/{display}\n@@ -1,4 +1,4 @@\n Hallo Anna,\n \n-Wie bereits erwähnt, ist die Antwort im Hilfebereich.\n+Kurz zusammengefasst ist die Antwort im Hilfebereich.\n Viele Grüße\n", result.Output);
        Assert.Contains("Würde 1 Änderung in 1 Datei vornehmen.", result.Error);
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    public void FixLeavesCleanFilesUntouched()
    {
        string path = _directory.Write("clean.md", Samples.Clean);
        DateTime written = File.GetLastWriteTimeUtc(path);

        CliResult result = ToneCli.Run("fix", "--messages", "en", _directory.Root);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Applied 0 edits in 0 files.", result.Output);
        Assert.Equal(Samples.Clean, File.ReadAllText(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData("du", "Könnten Sie uns bitte Ihre Kundennummer nennen?\n", "Könntest du uns bitte deine Kundennummer nennen?\n")]
    [InlineData("sie", "Könntest du uns bitte deine Kundennummer nennen?\n", "Könnten Sie uns bitte Ihre Kundennummer nennen?\n")]
    public void ConvertRewritesTheFormOfAddressWithItsVerbs(string target, string text, string expected)
    {
        string path = _directory.Write("reply.md", text);

        CliResult result = ToneCli.Run("convert", "--to", target, path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Output);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void ConvertUsesTheBrandsCapitalisationUnlessTheCommandLineSaysOtherwise()
    {
        _directory.Write(".tonelsp.yaml", "brand:\n  capitalizeDu: true\n");
        string path = _directory.Write("team/reply.md", "Könnten Sie uns bitte Ihre Kundennummer nennen?\n");

        CliResult configured = ToneCli.Run("convert", "--to", "du", path);
        CliResult flagged = ToneCli.Run("convert", "--to", "du", "--capitalize-du", "false", path);

        Assert.Equal("Könntest Du uns bitte Deine Kundennummer nennen?\n", configured.Output);
        Assert.Equal("Könntest du uns bitte deine Kundennummer nennen?\n", flagged.Output);
    }

    [Fact]
    public void ConvertWritesTheTeamsNeutralGreetingAndClosing()
    {
        _directory.Write(".tonelsp.yaml", "brand:\n  salutations:\n    de:\n      neutral: { greeting: Guten Tag, closing: Beste Grüße }\n");
        string path = _directory.Write("team/reply.md", "Sehr geehrte Frau Weber,\n\nkönnten Sie uns bitte Ihre Kundennummer nennen?\n\nMit freundlichen Grüßen\n");

        CliResult result = ToneCli.Run("convert", "--to", "du", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Guten Tag Frau Weber,\n\nkönntest du uns bitte deine Kundennummer nennen?\n\nBeste Grüße\n", result.Output);
    }

    [Fact]
    public void ConvertOfAMissingFileExitsWithTwo()
    {
        CliResult result = ToneCli.Run("convert", "--to", "du", Path.Combine(_directory.Root, "missing.md"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.md", result.Error);
    }

    [Fact]
    public void ExplainPrintsTheRulesHelpText()
    {
        CliResult result = ToneCli.Run("explain", "TONE001", "--messages", "en");

        Assert.Equal(0, result.ExitCode);
        string helpText = ToneEngine.Default.FindDescriptor("TONE001")!.HelpText(Language.English).Trim();
        Assert.StartsWith("TONE001: ", result.Output);
        Assert.Contains("category: condescension, default severity: warning", result.Output);
        Assert.Contains(helpText.ReplaceLineEndings(), result.Output.ReplaceLineEndings());
    }

    [Fact]
    public void ExplainWithoutARuleListsEveryRule()
    {
        CliResult result = ToneCli.Run("explain");

        Assert.Equal(0, result.ExitCode);
        foreach (string id in ToneEngine.Default.Descriptors.Select(d => d.Id))
        {
            Assert.Contains(id, result.Output);
        }
    }

    [Fact]
    public void ExplainOfAnUnknownRuleExitsWithTwoAndNamesTheKnownRules()
    {
        CliResult result = ToneCli.Run("explain", "NOPE");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown rule 'NOPE'", result.Error);
        Assert.Contains("TONE001", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task VersionPrintsTheToolVersion()
    {
        CliResult result = await ToneCli.RunExecutableAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ToolInfo.VersionWithCommit, result.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+\+([0-9a-f]{12}|unknown)$", result.Output.Trim());
    }

    [Theory]
    [InlineData("check", "TONE999=off", "did you mean 'TONE009'")]
    [InlineData("fix", "sarcasmus=off", "did you mean 'sarcasm'")]
    public void AnUnknownRuleInRuleIsAUsageErrorWithASuggestion(string command, string setting, string suggestion)
    {
        string path = _directory.Write("reply.md", Samples.GermanCondescension);

        CliResult result = ToneCli.Run(command, "--rule", setting, path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(suggestion, result.Error, StringComparison.Ordinal);
        Assert.Equal(Samples.GermanCondescension, File.ReadAllText(path));
    }

    [Fact]
    public void RuleAcceptsIdsAndCategoriesInAnyCase()
    {
        string path = _directory.Write("reply.md", Samples.GermanCondescension);

        Assert.Equal(0, ToneCli.Run("check", "--rule", "tone001=off", path).ExitCode);
        Assert.Equal(0, ToneCli.Run("check", "--rule", "Condescension=hint", path).ExitCode);
    }

    [Fact]
    public void ATeamPatternOverItsTimeLimitIsReportedAndTheCheckDoesNotPass()
    {
        // Every anchor word occurs, so the prefilter lets the pattern run, but "x" stops it from ever matching.
        _directory.Write(".tonelsp.yaml", "phrases:\n  - match: \"" + string.Join(" ", Enumerable.Repeat("(a|a a|a a a)", 10)) + " b\"\n    message: slow\n");
        string path = _directory.Write("reply.md", string.Join(" ", Enumerable.Repeat("a", 4000)) + " x b\n");

        CliResult result = ToneCli.Run("check", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("reply.md: error: TEAM-", result.Error, StringComparison.Ordinal);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
    }
}

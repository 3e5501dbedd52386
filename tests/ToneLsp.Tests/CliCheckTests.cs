using System.Text.Json;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary><c>tonelsp check</c>: the JSON contract, SARIF, the text report and the exit codes.</summary>
public sealed class CliCheckTests : IDisposable
{
    private static readonly string[] AddressForms = ["du", "sie", "mixed", "none"];
    private static readonly string[] Severities = ["error", "warning", "information", "hint"];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void JsonOutputHasExactlyTheContractsShape()
    {
        _directory.Write("a-condescending.md", "Hallo 😀! " + Samples.GermanCondescension);
        _directory.Write("b-mirror.md", Samples.CustomerMirror);
        _directory.Write("c-clean.md", Samples.Clean);

        CliResult result = ToneCli.Run("check", "--format", "json", _directory.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement root = document.RootElement;
        AssertKeys(root, "version", "files", "summary");
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("summary").ValueKind);
        JsonElement[] files = [.. root.GetProperty("files").EnumerateArray()];
        Assert.Equal(["a-condescending.md", "b-mirror.md", "c-clean.md"], files.Select(f => Path.GetFileName(f.GetProperty("path").GetString()!)));
        foreach (JsonElement file in files)
        {
            AssertFileShape(file);
        }

        // Positions count UTF-16 code units: the emoji before the phrase takes two.
        JsonElement condescension = Assert.Single(files[0].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("TONE001", condescension.GetProperty("ruleId").GetString());
        Assert.Equal("condescension", condescension.GetProperty("category").GetString());
        Assert.Equal("warning", condescension.GetProperty("severity").GetString());
        Assert.Equal(10, condescension.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(30, condescension.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
        JsonElement preferred = condescension.GetProperty("fixes")[0];
        Assert.True(preferred.GetProperty("isPreferred").GetBoolean());
        Assert.Equal("Kurz zusammengefasst", Assert.Single(preferred.GetProperty("edits").EnumerateArray()).GetProperty("newText").GetString());

        Assert.Equal("du", files[1].GetProperty("customerAddressForm").GetString());
        Assert.Equal("sie", files[1].GetProperty("addressForm").GetString());
        Assert.Single(files[1].GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("ruleId").GetString() == "TONE003");
        Assert.Equal("formal", files[1].GetProperty("register").GetString());
        Assert.Equal("neutral", files[1].GetProperty("customerRegister").GetString());
        Assert.Equal(JsonValueKind.Null, files[2].GetProperty("customerAddressForm").ValueKind);
        Assert.Equal(JsonValueKind.Null, files[2].GetProperty("customerRegister").ValueKind);
        Assert.Empty(files[2].GetProperty("diagnostics").EnumerateArray());
    }

    [Theory]
    [InlineData(Samples.GermanCondescension, new string[0], 1)]
    [InlineData(Samples.EnglishCondescension, new string[0], 1)]
    [InlineData(Samples.Clean, new string[0], 0)]
    [InlineData(Samples.GermanCondescension, new[] { "--fail-level", "error" }, 0)]
    [InlineData(Samples.GermanCondescension, new[] { "--rule", "TONE001=off" }, 0)]
    [InlineData(Samples.GermanCondescension, new[] { "--rule", "TONE001=error", "--fail-level", "error" }, 1)]
    public void CheckExitsWithOneOnlyWhenAFindingReachesTheFailLevel(string text, string[] options, int expectedExitCode)
    {
        string path = _directory.Write("reply.md", text);

        CliResult result = ToneCli.Run(["check", .. options, path]);

        Assert.Equal(expectedExitCode, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("missing.md", "no such file or directory: missing.md")]
    [InlineData("--bogus", "Unrecognized option '--bogus'")]
    [InlineData("--format=xml", "'xml'")]
    [InlineData("--fail-level=severe", "'severe'")]
    [InlineData("--rule=TONE001", "--rule expects ID=SEVERITY")]
    public void UsageAndInputErrorsExitWithTwoAndAMessageOnStderr(string argument, string message)
    {
        string path = _directory.Write("reply.md", Samples.GermanCondescension);

        CliResult result = ToneCli.Run("check", argument, path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("tonelsp: ", result.Error);
        Assert.Contains(message, result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void SarifOutputListsTheRulesAndLocatesEachResult()
    {
        string path = _directory.Write("reply.md", "Hallo Anna,\n\n" + Samples.GermanCondescension);

        CliResult result = ToneCli.Run("check", "--format", "sarif", path);

        Assert.Equal(1, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Output);
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        JsonElement run = document.RootElement.GetProperty("runs")[0];
        JsonElement driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("tonelsp", driver.GetProperty("name").GetString());
        string?[] ruleIds = [.. driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())];
        Assert.Contains("TONE001", ruleIds);
        JsonElement finding = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("TONE001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("warning", finding.GetProperty("level").GetString());
        Assert.Equal("TONE001", ruleIds[finding.GetProperty("ruleIndex").GetInt32()]);
        JsonElement location = Assert.Single(finding.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal(path, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        JsonElement region = location.GetProperty("region");
        Assert.Equal(3, region.GetProperty("startLine").GetInt32());
        Assert.Equal(1, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(21, region.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void TextOutputPointsAtTheFindingWithACaretLine()
    {
        string path = _directory.Write("reply.md", "Hallo Anna,\n\nDanke! " + Samples.GermanCondescension);

        CliResult result = ToneCli.Run("check", path);

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Output.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith($"{path}:3:8: warning TONE001 [condescension] ", StringComparison.Ordinal));
        Assert.True(header >= 0, $"No line points at {path}:3:8 in:\n{result.Output}");
        string sourceLine = lines[header + 1];
        string caretLine = lines[header + 2];
        Assert.EndsWith("Danke! Wie bereits erwähnt, ist die Antwort im Hilfebereich.", sourceLine);
        Assert.Equal(sourceLine.IndexOf("Wie", StringComparison.Ordinal), caretLine.IndexOf('^'));
        Assert.Equal(new string('^', Samples.GermanCondescensionPhrase.Length), caretLine.Trim());
    }

    [Fact]
    public void TextOutputCutsALongLineToAWindowAroundEachFinding()
    {
        // 400 findings on one line of 14 000 characters: each frame shows a window, not the whole line.
        string path = _directory.Write("long.md", string.Concat(Enumerable.Repeat("Wie bereits erwähnt, ist alles gut. ", 400)));

        CliResult result = ToneCli.Run("check", path);

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Output.Split('\n');
        int[] headers = [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith($"{path}:1:", StringComparison.Ordinal))];
        Assert.Equal(400, headers.Length);
        Assert.All(headers, h => Assert.True(lines[h + 1].Length < 200, lines[h + 1]));
        string last = lines[headers[^1] + 1];
        string caret = lines[headers[^1] + 2];
        Assert.StartsWith("  1 | …", last);
        Assert.Equal("Wie bereits erwähnt,", last.Substring(caret.IndexOf('^'), Samples.GermanCondescensionPhrase.Length));
    }

    [Fact]
    public void FingerprintsOfManyFindingsOnOneLineAreDistinctAndKeepTheirFormula()
    {
        string path = _directory.Write("long.md", string.Concat(Enumerable.Repeat("Wie bereits erwähnt, ist alles gut. ", 300)));

        CliResult result = ToneCli.Run("check", "--format", "sarif", path);

        using JsonDocument document = JsonDocument.Parse(result.Output);
        string[] fingerprints = [.. document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("toneFingerprint/v1").GetString()!)];
        Assert.Equal(300, fingerprints.Distinct().Count());

        // The formula baselines rely on: SHA-256 of rule, flagged text, line (collapsed, lower case) and occurrence.
        string line = string.Concat(Enumerable.Repeat("wie bereits erwähnt, ist alles gut. ", 300)).Trim();
        string key = $"TONE001\u0000wie bereits erwähnt,\u0000{line}\u0000";
        string Expected(int occurrence) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key + occurrence)), 0, 12);
        Assert.Equal(Expected(0), fingerprints[0]);
        Assert.Equal(Expected(299), fingerprints[299]);
    }

    [Fact]
    public void TextOutputForACleanFileSaysSo()
    {
        string path = _directory.Write("reply.md", Samples.Clean);

        CliResult result = ToneCli.Run("check", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Keine Tonfall-Probleme in 1 Datei.\n", result.Output);
    }

    private static void AssertFileShape(JsonElement file)
    {
        AssertKeys(file, "path", "language", "addressForm", "customerAddressForm", "register", "customerRegister", "diagnostics", "messages");
        Assert.Contains(file.GetProperty("messages").GetString(), new[] { "de", "en" });
        Assert.Contains(file.GetProperty("register").GetString(), new[] { "formal", "neutral", "casual" });
        JsonElement customerRegister = file.GetProperty("customerRegister");
        Assert.True(customerRegister.ValueKind == JsonValueKind.Null || new[] { "formal", "neutral", "casual" }.Contains(customerRegister.GetString()),
            $"customerRegister is {customerRegister}");
        Assert.Contains(file.GetProperty("language").GetString(), new[] { "de", "en" });
        Assert.Contains(file.GetProperty("addressForm").GetString(), AddressForms);
        JsonElement customer = file.GetProperty("customerAddressForm");
        Assert.True(customer.ValueKind == JsonValueKind.Null || AddressForms.Contains(customer.GetString()), $"customerAddressForm is {customer}");
        foreach (JsonElement diagnostic in file.GetProperty("diagnostics").EnumerateArray())
        {
            AssertKeys(diagnostic, "ruleId", "category", "severity", "message", "range", "fixes");
            Assert.Matches("^TONE[0-9]{3}$", diagnostic.GetProperty("ruleId").GetString());
            Assert.Equal(JsonValueKind.String, diagnostic.GetProperty("category").ValueKind);
            Assert.Contains(diagnostic.GetProperty("severity").GetString(), Severities);
            Assert.False(string.IsNullOrEmpty(diagnostic.GetProperty("message").GetString()));
            AssertRangeShape(diagnostic.GetProperty("range"));
            foreach (JsonElement fix in diagnostic.GetProperty("fixes").EnumerateArray())
            {
                AssertKeys(fix, "title", "isPreferred", "edits");
                Assert.Equal(JsonValueKind.String, fix.GetProperty("title").ValueKind);
                Assert.Contains(fix.GetProperty("isPreferred").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
                foreach (JsonElement edit in fix.GetProperty("edits").EnumerateArray())
                {
                    AssertKeys(edit, "range", "newText");
                    AssertRangeShape(edit.GetProperty("range"));
                    Assert.Equal(JsonValueKind.String, edit.GetProperty("newText").ValueKind);
                }
            }
        }
    }

    private static void AssertRangeShape(JsonElement range)
    {
        AssertKeys(range, "start", "end");
        foreach (JsonElement position in new[] { range.GetProperty("start"), range.GetProperty("end") })
        {
            AssertKeys(position, "line", "character");
            Assert.True(position.GetProperty("line").GetInt32() >= 0);
            Assert.True(position.GetProperty("character").GetInt32() >= 0);
        }
    }

    private static void AssertKeys(JsonElement element, params string[] expected)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(expected.Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ToneLsp.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ToneLsp.Tests;

/// <summary>
/// The repository's <c>action.yml</c> (composite GitHub Action) and <c>.pre-commit-hooks.yaml</c>: their structure is
/// checked, and their shell steps and hook entries run against the built tonelsp through a tonelsp on the PATH.
/// </summary>
public sealed partial class IntegrationFilesTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _bin;

    public IntegrationFilesTests()
    {
        // A tonelsp command on the PATH that runs the built tonelsp.dll, as the installed tool would.
        ProcessStartInfo built = TonelspExecutable.StartInfo();
        _bin = Path.Combine(_directory.Root, "bin");
        Directory.CreateDirectory(_bin);
        string shim = Path.Combine(_bin, "tonelsp");
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{built.FileName}' '{built.ArgumentList[0]}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.CreateDirectory(Path.Combine(_directory.Root, "work"));
    }

    public void Dispose() => _directory.Dispose();

    private string Work => Path.Combine(_directory.Root, "work");

    [Fact]
    public void TheActionIsACompositeWhoseStepsUseOnlyDeclaredInputsAndNameTheirShell()
    {
        YamlMappingNode action = Load("action.yml");
        var inputs = ((YamlMappingNode)action["inputs"]).Children.Keys.Select(k => k.ToString()).ToHashSet();
        var runs = (YamlMappingNode)action["runs"];
        Assert.Equal("composite", runs["using"].ToString());
        Assert.Superset(new HashSet<string> { "paths", "baseline", "fail-level", "format", "sarif" }, inputs);
        foreach (YamlMappingNode step in ((YamlSequenceNode)runs["steps"]).Cast<YamlMappingNode>())
        {
            Assert.True(step.Children.ContainsKey("run") || step.Children.ContainsKey("uses"), "every step runs a script or uses an action");
            if (step.Children.ContainsKey("run"))
            {
                Assert.True(step.Children.ContainsKey("shell"), "a composite action's run step must name its shell");
            }
        }

        string text = File.ReadAllText(Path.Combine(RepositoryRoot(), "action.yml"));
        foreach (Match reference in InputReference().Matches(text))
        {
            Assert.Contains(reference.Groups[1].Value, inputs);
        }
    }

    [Fact]
    public void TheCheckStepAnnotatesFindingsWritesSarifAndReportsTheExitCode()
    {
        File.WriteAllText(Path.Combine(Work, "reply.md"), Samples.GermanCondescension);

        (int exitCode, string output, Dictionary<string, string> outputs) = RunActionStep("check", new() { ["TONELSP_SARIF"] = "true" });

        Assert.Equal(0, exitCode);
        Assert.Equal("1", outputs["exit-code"]);
        Assert.Contains("::warning file=", output);
        Assert.Contains("TONE001", output);
        Assert.Equal("tonelsp.sarif", outputs["sarif-file"]);
        using JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(Work, "tonelsp.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void WithABaselineTheCheckStepReportsOnlyNewFindings()
    {
        File.WriteAllText(Path.Combine(Work, "reply.md"), Samples.GermanCondescension);
        Assert.Equal(0, Bash("tonelsp check --write-baseline baseline.json .", []).ExitCode);

        (int exitCode, _, Dictionary<string, string> outputs) = RunActionStep("check", new() { ["TONELSP_BASELINE"] = "baseline.json" });

        Assert.Equal(0, exitCode);
        Assert.Equal("0", outputs["exit-code"]);
    }

    [Fact]
    public void TheLastStepFailsTheJobWithTheCheckExitCode()
    {
        (int exitCode, string output, _) = RunActionStep("Fail on findings", new() { ["TONELSP_EXIT_CODE"] = "1" });

        Assert.Equal(1, exitCode);
        Assert.Contains("exited with 1", output);
    }

    [Fact]
    public void ThePreCommitHooksCheckAndFixTheStagedMarkdownFiles()
    {
        var hooks = (YamlSequenceNode)LoadNode(".pre-commit-hooks.yaml");
        var byId = hooks.Cast<YamlMappingNode>().ToDictionary(h => h["id"].ToString());
        Assert.Equal(["tonelsp-check", "tonelsp-fix"], byId.Keys);
        foreach (YamlMappingNode hook in byId.Values)
        {
            Assert.Equal("system", hook["language"].ToString());
            Assert.Equal(["markdown"], ((YamlSequenceNode)hook["types"]).Select(t => t.ToString()));
        }

        string template = Path.Combine(Work, "reply.md");
        File.WriteAllText(template, Samples.GermanCondescension);

        // pre-commit appends the staged files to the entry.
        (int checkCode, string checkOutput) = Bash(byId["tonelsp-check"]["entry"] + " reply.md", []);
        (int fixCode, _) = Bash(byId["tonelsp-fix"]["entry"] + " reply.md", []);

        Assert.Equal(1, checkCode);
        Assert.Contains("TONE001", checkOutput);
        Assert.Equal(0, fixCode);
        Assert.NotEqual(Samples.GermanCondescension, File.ReadAllText(template));
        Assert.Equal(0, Bash(byId["tonelsp-check"]["entry"] + " reply.md", []).ExitCode);
    }

    // Runs the run script of the action step with the given id or name, with the inputs' defaults as its env.
    private (int ExitCode, string Output, Dictionary<string, string> Outputs) RunActionStep(string idOrName, Dictionary<string, string> environment)
    {
        YamlMappingNode action = Load("action.yml");
        var defaults = ((YamlMappingNode)action["inputs"]).Children.ToDictionary(k => k.Key.ToString(), k => ((YamlMappingNode)k.Value)["default"].ToString());
        YamlMappingNode step = ((YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"]).Cast<YamlMappingNode>()
            .Single(s => (s.Children.TryGetValue("id", out var id) && id.ToString() == idOrName) || (s.Children.TryGetValue("name", out var name) && name.ToString() == idOrName));
        var variables = new Dictionary<string, string>();
        if (step.Children.TryGetValue("env", out YamlNode? env))
        {
            foreach (var (key, value) in ((YamlMappingNode)env).Children)
            {
                Match input = InputReference().Match(value.ToString());
                variables[key.ToString()] = input.Success ? defaults[input.Groups[1].Value] : string.Empty;
            }
        }

        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        string outputFile = Path.Combine(_directory.Root, "github-output");
        File.WriteAllText(outputFile, string.Empty);
        variables["GITHUB_OUTPUT"] = outputFile;
        (int exitCode, string output) = Bash(step["run"].ToString(), variables);
        var outputs = File.ReadAllLines(outputFile).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (exitCode, output, outputs);
    }

    private (int ExitCode, string Output) Bash(string script, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", ["-e", "-c", script])
        {
            WorkingDirectory = Work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = _bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static YamlMappingNode Load(string file) => (YamlMappingNode)LoadNode(file);

    private static YamlNode LoadNode(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), file));
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static string RepositoryRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "ToneLsp.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex InputReference();
}

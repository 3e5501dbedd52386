using System.Diagnostics;
using System.Text;
using ToneLsp.Cli;
using ToneLsp.Core.Analysis;
using ToneLsp.Repository;
using ToneLsp.Tests.Support;

namespace ToneLsp.Tests;

/// <summary>A test that needs symbolic links, named pipes or Unix modes; skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    /// <summary>Marks the test as skipped where the file system has no such things.</summary>
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix file system";
        }
    }
}

/// <summary>
/// The command line against a hostile file system: links that lead nowhere or in circles, devices and pipes, huge or
/// vanishing files, and fixes that must not harm bytes, modes, owners or links they do not touch.
/// </summary>
public sealed class CliFileSystemTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [UnixFact]
    public void UnreadableFilesAreReportedOneByOneAndTheRestIsStillChecked()
    {
        _directory.Write("a.md", Samples.GermanCondescension);
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "dangling.md"), "/nonexistent");
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "self.md"), "self.md");
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "zero.md"), "/dev/zero");

        CliResult result = Within(() => ToneCli.Run("check", "--format", "json", "--messages", "en", _directory.Root));
        CliResult german = Within(() => ToneCli.Run("check", "--format", "json", "--messages", "de", _directory.Root));

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains("\"a.md\"", result.Output.Replace(_directory.Root.Replace('\\', '/') + "/", string.Empty));
        Assert.Contains("dangling.md: cannot read: the symbolic link points to nothing", result.Error);
        Assert.Contains("self.md: cannot read: too many levels of symbolic links", result.Error);
        Assert.Contains("zero.md: cannot read: a character device, not a regular file", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Contains("dangling.md: kann nicht gelesen werden: der symbolische Link zeigt ins Leere", german.Error);
        Assert.Contains("zero.md: kann nicht gelesen werden: ein zeichenorientiertes Gerät, keine normale Datei", german.Error);
    }

    [UnixFact]
    public void FixReportsAnUnreadableFileAndStillFixesTheOthers()
    {
        string template = _directory.Write("a.md", Samples.GermanCondescension);
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "dangling.md"), "/nonexistent");

        CliResult result = ToneCli.Run("fix", "--messages", "en", _directory.Root);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains("dangling.md: cannot read:", result.Error);
        Assert.Equal(Samples.GermanCondescensionFixed, File.ReadAllText(template));
    }

    [Fact]
    public void AFileThatVanishedAfterDiscoveryIsReportedNotThrown()
    {
        string kept = _directory.Write("a.md", Samples.GermanCondescension);
        string gone = _directory.Write("b.md", Samples.GermanCondescension);
        var configurations = new ConfigurationProvider(rememberDirectories: true);
        var files = TemplateDiscovery.Find([_directory.Root], configurations);
        File.Delete(gone);

        CheckRun run = CheckRunner.Run(files, ToneEngine.Default, new ToneOptions(), configurations);

        Assert.Equal([kept], run.Reports.Select(r => r.File.Path));
        FileError error = Assert.Single(run.FileErrors);
        Assert.EndsWith("b.md", error.DisplayPath);
        Assert.Equal("cannot read: no such file", error.Message);
    }

    [Fact]
    public void AFileAboveTheSizeLimitIsNotRead()
    {
        string huge = Path.Combine(_directory.Root, "huge.md");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(TemplateFiles.MaxBytes + 1);
        }

        var error = Assert.Throws<IOException>(() => TemplateFiles.Read(huge, "huge.md"));

        Assert.StartsWith("larger than the limit of 10 MB", error.Message);
    }

    [UnixFact]
    public void DirectoryLinkLoopsEndAndEachFileIsFoundOnce()
    {
        _directory.Write("a.md", Samples.GermanCondescension);
        Directory.CreateDirectory(Path.Combine(_directory.Root, "loop"));
        Directory.CreateDirectory(Path.Combine(_directory.Root, "other"));
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "loop", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "other", "back"), "..");
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "loop", "across"), "../other");
        File.CreateSymbolicLink(Path.Combine(_directory.Root, "alias.md"), "a.md");

        var files = Within(() => TemplateDiscovery.Find([_directory.Root], new ConfigurationProvider()));

        TemplatePath found = Assert.Single(files);
        Assert.Equal(Path.Combine(_directory.Root, "a.md"), found.FullPath);
    }

    [UnixFact]
    public void APipeNamedLikeATemplateIsReportedWithoutBeingOpened()
    {
        _directory.Write("a.md", Samples.Clean);
        Run("mkfifo", Path.Combine(_directory.Root, "f.md"));

        CliResult result = Within(() => ToneCli.Run("check", "--format", "json", "--messages", "en", _directory.Root));

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains("f.md: cannot read: a named pipe (FIFO), not a regular file", result.Error);
        var checkedFiles = System.Text.Json.JsonDocument.Parse(result.Output).RootElement.GetProperty("files").EnumerateArray();
        Assert.EndsWith("a.md", Assert.Single(checkedFiles).GetProperty("path").GetString());
    }

    [Fact]
    public void FixKeepsInvalidBytesAndLoneSurrogatesOutsideTheEdits()
    {
        byte[] invalid = [.. "\n\nKaputt: "u8, 0xFF, 0xFE, (byte)' ', 0xED, 0xA0, 0x80, (byte)'\n'];
        string template = _directory.WriteBytes("a.md", [.. Encoding.UTF8.GetBytes(Samples.GermanCondescension), .. invalid]);

        CliResult result = ToneCli.Run("fix", template);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal([.. Encoding.UTF8.GetBytes(Samples.GermanCondescensionFixed), .. invalid], File.ReadAllBytes(template));
    }

    [Fact]
    public void FixKeepsALoneSurrogateInUtf16()
    {
        var utf16 = new UnicodeEncoding(false, true);
        byte[] lone = [0x00, 0xD8];
        byte[] bytes = [0xFF, 0xFE, .. utf16.GetBytes(Samples.GermanCondescension), .. lone, .. utf16.GetBytes("\n")];
        string template = _directory.WriteBytes("a.md", bytes);

        ToneCli.Run("fix", template);

        Assert.Equal([0xFF, 0xFE, .. utf16.GetBytes(Samples.GermanCondescensionFixed), .. lone, .. utf16.GetBytes("\n")], File.ReadAllBytes(template));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FixKeepsTheModeAndTheOwner()
    {
        string template = _directory.Write("a.md", Samples.GermanCondescension);
        File.SetUnixFileMode(template, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        bool givenAway = Environment.UserName == "root" && FileStatus.TrySetOwner(template, 65534, 65534);

        ToneCli.Run("fix", template);

        Assert.Equal(Samples.GermanCondescensionFixed, File.ReadAllText(template));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(template));
        if (givenAway)
        {
            Assert.Equal((65534u, 65534u), (FileStatus.Of(template).Owner, FileStatus.Of(template).Group));
        }
    }

    [UnixFact]
    public void FixWritesThroughASymbolicLinkAndKeepsIt()
    {
        string target = _directory.Write("real/a.md", Samples.GermanCondescension);
        string link = Path.Combine(_directory.Root, "link.md");
        File.CreateSymbolicLink(link, "real/a.md");

        ToneCli.Run("fix", link);

        Assert.Equal("real/a.md", new FileInfo(link).LinkTarget);
        Assert.Equal(Samples.GermanCondescensionFixed, File.ReadAllText(target));
    }

    [UnixFact]
    public void FixKeepsHardLinksLinked()
    {
        string template = _directory.Write("a.md", Samples.GermanCondescension);
        string other = Path.Combine(_directory.Root, "other-name.txt");
        Run("ln", template, other);

        CliResult result = ToneCli.Run("fix", template);

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal(Samples.GermanCondescensionFixed, File.ReadAllText(other));
        Assert.Equal(2, FileStatus.Of(template).Links);
    }

    [Fact]
    public void AnEditMadeWhileTheTemporaryFileIsWrittenIsKept()
    {
        string template = _directory.Write("a.md", Samples.GermanCondescension);
        TemplateFile file = TemplateFiles.Read(template, "a.md");

        var error = Assert.Throws<IOException>(() => SafeWriter.Write(file, Samples.GermanCondescensionFixed,
            _ => File.WriteAllText(template, Samples.GermanCondescension + "Noch ein Satz.\n")));

        Assert.Contains("changed on disk", error.Message);
        Assert.Equal(Samples.GermanCondescension + "Noch ein Satz.\n", File.ReadAllText(template));
        Assert.Equal(["a.md"], Directory.GetFiles(_directory.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void TemporaryFilesLeftByAKilledRunAreRemoved()
    {
        string template = _directory.Write("a.md", Samples.GermanCondescension);
        _directory.Write(".a.md" + SafeWriter.TemporarySuffix, "halb");
        _directory.Write(".a.md.tonelsp-0123456789abcdef.tmp", "halb");
        _directory.Write(".b.md" + SafeWriter.TemporarySuffix, "gehört zu einer anderen Datei");

        ToneCli.Run("fix", template);

        Assert.Equal(Samples.GermanCondescensionFixed, File.ReadAllText(template));
        Assert.Equal([".b.md" + SafeWriter.TemporarySuffix, "a.md"], Directory.GetFiles(_directory.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    // Fails the test instead of hanging it when the work does not finish.
    private static T Within<T>(Func<T> work)
    {
        Task<T> task = Task.Run(work);
        Assert.True(task.Wait(Patience), "did not finish in time");
        return task.Result;
    }

    private static void Run(string program, params string[] args)
    {
        using Process process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}

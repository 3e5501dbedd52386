using System.Diagnostics;
using ToneLsp.Cli;
using ToneLsp.Core.Configuration;

namespace ToneLsp.Repository;

/// <summary>A template found on disk: its full path and the path to show.</summary>
public sealed record TemplatePath(string FullPath, string DisplayPath);

/// <summary>
/// Expands files and directories into the Markdown templates to check. Inside a Git work tree, Git itself lists
/// the files, so <c>.gitignore</c> is respected exactly; elsewhere the directory is walked. The configuration's
/// include and exclude globs apply to files found in directories; a file named explicitly is always checked.
/// </summary>
public static class TemplateDiscovery
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj", ".vs", ".idea" };

    /// <summary>Finds the templates; throws <see cref="FileNotFoundException"/> for a path that does not exist.</summary>
    public static List<TemplatePath> Find(IEnumerable<string> inputs, ConfigurationProvider configurations)
    {
        var files = new List<TemplatePath>();
        foreach (string input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(new TemplatePath(Path.GetFullPath(input), Display(input)));
            }
            else if (Directory.Exists(input))
            {
                foreach (string file in GitListing(input) ?? Walk(input))
                {
                    string full = Path.GetFullPath(file);
                    ResolvedConfiguration resolved = configurations.ForFile(full);
                    if (resolved.RelativePath(full) is { } relative && !resolved.Configuration.Includes(relative))
                    {
                        continue;
                    }

                    files.Add(new TemplatePath(full, Display(file)));
                }
            }
            else
            {
                throw new FileNotFoundException($"no such file or directory: {input}", input);
            }
        }

        return [.. files.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).DistinctBy(Identity)];
    }

    /// <summary>Whether the name is a Markdown file.</summary>
    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    // Tracked and untracked files that are not ignored, as Git sees them; null outside a work tree or without git.
    private static List<string>? GitListing(string directory)
    {
        if (!MayBeInWorkTree(directory))
        {
            return null;
        }

        try
        {
            var start = new ProcessStartInfo("git", ["-C", directory, "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "*.md", "*.markdown"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process? git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            string output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0)
            {
                return null;
            }

            return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(relative => Path.Combine(directory, relative))
                .Where(File.Exists)];
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    // With no .git above the directory (and no GIT_DIR), Git has nothing to list; not starting it saves a process.
    private static bool MayBeInWorkTree(string directory)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GIT_DIR")))
        {
            return true;
        }

        for (DirectoryInfo? current = new(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            string marker = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return true;
            }
        }

        return false;
    }

    // Every Markdown name below the directory that is not a directory itself. Linked directories are followed once
    // each by their real path, so a link loop ends; a name that is not a regular file (a pipe, a device, a dangling
    // link) is still listed, without being opened, so that reading it reports why it was not checked.
    private static IEnumerable<string> Walk(string directory)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { FileStatus.RealPath(directory) ?? Path.GetFullPath(directory) };
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(current)];
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            foreach (string entry in entries)
            {
                string name = Path.GetFileName(entry);
                if (IsDirectory(entry))
                {
                    if (!SkippedDirectories.Contains(name) && visited.Add(FileStatus.RealPath(entry) ?? Path.GetFullPath(entry)))
                    {
                        pending.Push(entry);
                    }
                }
                else if (IsMarkdown(name))
                {
                    yield return entry;
                }
            }
        }
    }

    // Whether the path is a directory or a link to one; a link that leads nowhere is not.
    private static bool IsDirectory(string path)
    {
        try
        {
            return FileStatus.Of(path).Kind == FileKind.Directory;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The same file reached by two paths (a symbolic or hard link, a directory seen through a link) counts once.
    private static string Identity(TemplatePath file)
    {
        try
        {
            FileStatus status = FileStatus.Of(file.FullPath);
            if (status.Inode != 0)
            {
                return $"{status.Device}:{status.Inode}";
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be looked at is reported when it is read; its path is its identity.
        }

        return FileStatus.RealPath(file.FullPath) ?? file.FullPath;
    }

    private static string Display(string path)
    {
        string normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal) && normalized.Length > 2)
        {
            normalized = normalized[2..];
        }

        return normalized;
    }
}

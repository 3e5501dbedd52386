using System.Text;

namespace ToneLsp.Cli;

/// <summary>A template read from disk, with what is needed to write it back unchanged in form.</summary>
public sealed record TemplateFile(string Path, string DisplayPath, string Text, Encoding Encoding, bool HadByteOrderMark);

/// <summary>Finds and reads Markdown templates.</summary>
public static class TemplateFiles
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj", ".vs", ".idea" };

    /// <summary>Expands files and directories into Markdown files, sorted; throws <see cref="FileNotFoundException"/> for a missing path.</summary>
    public static List<(string Path, string Display)> Expand(IEnumerable<string> inputs)
    {
        var files = new List<(string, string)>();
        foreach (string input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add((Path.GetFullPath(input), Normalize(input)));
            }
            else if (Directory.Exists(input))
            {
                foreach (string file in Walk(input))
                {
                    files.Add((Path.GetFullPath(file), Normalize(file)));
                }
            }
            else
            {
                throw new FileNotFoundException($"no such file or directory: {input}", input);
            }
        }

        return files.DistinctBy(f => f.Item1).OrderBy(f => f.Item2, StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads a file, detecting a UTF-8 or UTF-16 byte order mark; without one the file is read as UTF-8.</summary>
    public static TemplateFile Read(string path, string display)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Encoding encoding = new UTF8Encoding(false);
        bool bom = false;
        int skip = 0;
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            bom = true;
            skip = 3;
        }
        else if (bytes is [0xFF, 0xFE, ..])
        {
            encoding = new UnicodeEncoding(false, true);
            bom = true;
            skip = 2;
        }
        else if (bytes is [0xFE, 0xFF, ..])
        {
            encoding = new UnicodeEncoding(true, true);
            bom = true;
            skip = 2;
        }

        string text = encoding.GetString(bytes, skip, bytes.Length - skip);
        return new TemplateFile(path, display, text, encoding, bom);
    }

    private static IEnumerable<string> Walk(string directory)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(current).ToList();
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            foreach (string entry in entries)
            {
                string name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (!SkippedDirectories.Contains(name))
                    {
                        pending.Push(entry);
                    }
                }
                else if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
                {
                    yield return entry;
                }
            }
        }
    }

    private static string Normalize(string path)
    {
        string normalized = path.Replace('\\', '/');
        return normalized.StartsWith("./", StringComparison.Ordinal) && normalized.Length > 2 ? normalized[2..] : normalized;
    }
}

using System.Text;

namespace ToneLsp.Cli;

/// <summary>Writes a file atomically (temp file and rename), keeping its encoding and byte order mark, and only if it did not change since it was read.</summary>
public static class SafeWriter
{
    /// <summary>
    /// Replaces the file's content; throws <see cref="IOException"/> when the file changed on disk since it was read.
    /// <paramref name="beforeReplace"/> runs with the temporary file's path just before it replaces the original (tests
    /// use it to simulate a failure).
    /// </summary>
    public static void Write(TemplateFile file, string newText, Action<string>? beforeReplace = null)
    {
        TemplateFile current = TemplateFiles.Read(file.Path, file.DisplayPath);
        if (!string.Equals(current.Text, file.Text, StringComparison.Ordinal))
        {
            throw new IOException($"{file.DisplayPath} changed on disk while it was being fixed; it was left as it is.");
        }

        string directory = Path.GetDirectoryName(file.Path) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(file.Path)}.tonelsp-{Guid.NewGuid():N}.tmp");
        try
        {
            byte[] preamble = file.HadByteOrderMark ? file.Encoding.GetPreamble() : [];
            if (file.HadByteOrderMark && preamble.Length == 0)
            {
                preamble = new UTF8Encoding(true).GetPreamble();
            }

            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(preamble);
                stream.Write(file.Encoding.GetBytes(newText));
                stream.Flush(flushToDisk: true);
            }

            beforeReplace?.Invoke(temp);
            File.Move(temp, file.Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

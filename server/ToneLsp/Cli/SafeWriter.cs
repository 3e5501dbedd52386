using System.Text;
using ToneLsp.Core.Text;

namespace ToneLsp.Cli;

/// <summary>
/// Writes fixes into a file without harming what they do not touch: bytes outside the edits (invalid UTF-8, lone
/// surrogates, the byte order mark) stay exactly as they were, the mode and owner are kept, a symbolic link keeps
/// pointing at the file it names, and hard links stay linked. The file is replaced atomically through a temporary
/// file next to it, and only if it did not change since it was read.
/// </summary>
public static class SafeWriter
{
    /// <summary>The end of a temporary file's name: <c>.name.md.tonelsp-tmp</c> next to <c>name.md</c>.</summary>
    public const string TemporarySuffix = ".tonelsp-tmp";

    /// <summary>
    /// Applies non-overlapping edits (offsets into <see cref="TemplateFile.Text"/>) to the file's original bytes;
    /// throws <see cref="IOException"/> when the file changed on disk since it was read or cannot be written.
    /// <paramref name="beforeReplace"/> runs just before the original is replaced, with the temporary file's path, or
    /// with the file's own path when it is written in place (tests use it to simulate a failure or a concurrent change).
    /// </summary>
    public static void Write(TemplateFile file, IReadOnlyList<TextEdit> edits, Action<string>? beforeReplace = null)
    {
        byte[] content = Splice(file, edits);
        string target = FileStatus.RealPath(file.Path) ?? file.Path;
        DeleteStaleTemporaryFiles(target);
        EnsureUnchanged(file, target);

        FileStatus status = FileStatus.Of(target);
        if (status.Links > 1)
        {
            // Renaming would leave the other names with the old content; writing in place keeps them linked.
            beforeReplace?.Invoke(target);
            WriteInPlace(file, target, content);
            return;
        }

        string temp = TemporaryPath(target);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!TakeOverModeAndOwner(target, temp, status))
            {
                // Only the owner may give a file away; writing in place keeps the owner instead.
                File.Delete(temp);
                beforeReplace?.Invoke(target);
                WriteInPlace(file, target, content);
                return;
            }

            beforeReplace?.Invoke(temp);
            EnsureUnchanged(file, target);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Replaces the file's whole text; the part that did not change keeps its original bytes.</summary>
    public static void Write(TemplateFile file, string newText, Action<string>? beforeReplace = null)
    {
        string old = file.Text;
        int prefix = old.AsSpan().CommonPrefixLength(newText);
        int maxSuffix = Math.Min(old.Length, newText.Length) - prefix;
        int suffix = 0;
        while (suffix < maxSuffix && old[old.Length - 1 - suffix] == newText[newText.Length - 1 - suffix])
        {
            suffix++;
        }

        var edit = new TextEdit(new TextSpan(prefix, old.Length - suffix - prefix), newText[prefix..(newText.Length - suffix)]);
        Write(file, [edit], beforeReplace);
    }

    /// <summary>The file's original bytes with each edit's span replaced by its new text in the file's encoding.</summary>
    public static byte[] Splice(TemplateFile file, IReadOnlyList<TextEdit> edits)
    {
        TemplateFiles.EncodingOf(file.Bytes, out int preamble);
        ReadOnlySpan<byte> body = file.Bytes.AsSpan(preamble);
        var offsets = new List<int>(file.Text.Length + 1);
        if (!string.Equals(TemplateFiles.Decode(body, file.Encoding, offsets), file.Text, StringComparison.Ordinal))
        {
            throw new IOException("the text to fix is not the text that was read; the file was left as it is");
        }

        using var output = new MemoryStream(file.Bytes.Length + 64);
        output.Write(file.Bytes, 0, preamble);
        int position = 0;
        foreach (TextEdit edit in edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End))
        {
            int start = offsets[Math.Clamp(edit.Span.Start, 0, file.Text.Length)];
            int end = offsets[Math.Clamp(edit.Span.End, edit.Span.Start, file.Text.Length)];
            if (start < position)
            {
                continue;
            }

            output.Write(body[position..start]);
            output.Write(file.Encoding.GetBytes(edit.NewText));
            position = end;
        }

        output.Write(body[position..]);
        return output.ToArray();
    }

    // A name that says what the file is, so one left behind by a killed run is recognised and removed next time.
    private static string TemporaryPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}{TemporarySuffix}");

    // Temporary files of this file left by a run that was killed, in today's naming and the earlier one.
    private static void DeleteStaleTemporaryFiles(string target)
    {
        string directory = Path.GetDirectoryName(target) ?? ".";
        string name = Path.GetFileName(target);
        var stale = Directory.EnumerateFiles(directory, $".{name}.tonelsp-*.tmp").Append(TemporaryPath(target));
        foreach (string temp in stale.Where(File.Exists))
        {
            File.Delete(temp);
        }
    }

    // The file must still have the length, modification time and bytes it had when it was read.
    private static void EnsureUnchanged(TemplateFile file, string target)
    {
        FileStatus now = FileStatus.Of(target);
        bool same = file.Status is not { } then || (now.Size == then.Size && now.ModifiedUtc == then.ModifiedUtc);
        if (same)
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            same = TemplateFiles.ReadAtMost(stream, TemplateFiles.MaxBytes).AsSpan().SequenceEqual(file.Bytes);
        }

        if (!same)
        {
            throw new IOException("changed on disk while it was being fixed; it was left as it is");
        }
    }

    // Gives the temporary file the original's permissions and, where it differs, its owner; false when the owner cannot be kept.
    private static bool TakeOverModeAndOwner(string target, string temp, FileStatus original)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        if (original.Owner is not { } owner || original.Group is not { } group)
        {
            return true;
        }

        FileStatus created = FileStatus.Of(temp);
        return (created.Owner == owner && created.Group == group) || FileStatus.TrySetOwner(temp, owner, group);
    }

    // Overwrites the file itself, checking once more under the open handle that nobody changed it.
    private static void WriteInPlace(TemplateFile file, string target, byte[] content)
    {
        EnsureUnchanged(file, target);
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(content);
        stream.SetLength(content.Length);
        stream.Flush(flushToDisk: true);
    }
}

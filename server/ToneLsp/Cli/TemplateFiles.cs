using System.Text;
using System.Text.Unicode;

namespace ToneLsp.Cli;

/// <summary>A template read from disk, with what is needed to write it back unchanged in form.</summary>
public sealed record TemplateFile(string Path, string DisplayPath, string Text, Encoding Encoding, bool HadByteOrderMark)
{
    /// <summary>The file's bytes as read, byte order mark included, so bytes outside an edit can be written back exactly.</summary>
    public byte[] Bytes { get; init; } = [];

    /// <summary>The file's status when it was read, to notice a change before it is replaced.</summary>
    public FileStatus? Status { get; init; }
}

/// <summary>Reads Markdown templates with their encoding: only regular files, and none larger than <see cref="MaxBytes"/>.</summary>
public static class TemplateFiles
{
    /// <summary>The largest template that is read (10 MB); a larger file is reported instead of being read into memory.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Reads a file, detecting a UTF-8 or UTF-16 byte order mark; without one the file is read as UTF-8. Throws
    /// <see cref="IOException"/> with a short reason for a file that is missing, not a regular file, or too large.
    /// </summary>
    public static TemplateFile Read(string path, string display)
    {
        FileStatus status = RegularFile(FileStatus.Of(path));
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1))
        {
            // The path may have been replaced between the check and the open; what was opened is what counts.
            status = RegularFile(FileStatus.Of(stream.SafeFileHandle, path));
            bytes = ReadAtMost(stream, MaxBytes);
        }

        Encoding encoding = EncodingOf(bytes, out int skip);
        ReadOnlySpan<byte> body = bytes.AsSpan(skip);
        string text = encoding is UTF8Encoding && Utf8.IsValid(body) ? encoding.GetString(body) : Decode(body, encoding, null);
        return new TemplateFile(path, display, text, encoding, skip > 0) { Bytes = bytes, Status = status };
    }

    /// <summary>
    /// Decodes text the way <see cref="Read"/> does, each invalid sequence becoming one U+FFFD, and fills
    /// <paramref name="byteOffsets"/> (when given) with the byte offset in <paramref name="body"/> of each UTF-16 unit
    /// and, at the end, of the text's end.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> body, Encoding encoding, List<int>? byteOffsets)
    {
        var text = new StringBuilder(body.Length);
        var units = new char[2];
        if (encoding is UnicodeEncoding)
        {
            bool bigEndian = encoding.CodePage == 1201;
            var chars = new char[body.Length / 2];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)(bigEndian ? body[2 * i] << 8 | body[2 * i + 1] : body[2 * i + 1] << 8 | body[2 * i]);
            }

            for (int i = 0; i < chars.Length;)
            {
                Rune.DecodeFromUtf16(chars.AsSpan(i), out Rune rune, out int consumed);
                Append(rune, 2 * i);
                i += consumed;
            }

            if (body.Length % 2 == 1)
            {
                Append(Rune.ReplacementChar, body.Length - 1);
            }
        }
        else
        {
            for (int i = 0; i < body.Length;)
            {
                Rune.DecodeFromUtf8(body[i..], out Rune rune, out int consumed);
                Append(rune, i);
                i += consumed;
            }
        }

        byteOffsets?.Add(body.Length);
        return text.ToString();

        void Append(Rune rune, int offset)
        {
            int written = rune.EncodeToUtf16(units);
            text.Append(units, 0, written);
            for (int k = 0; k < written; k++)
            {
                byteOffsets?.Add(offset);
            }
        }
    }

    /// <summary>The encoding a file's bytes use, and how many bytes of byte order mark precede the text.</summary>
    public static Encoding EncodingOf(byte[] bytes, out int byteOrderMarkLength)
    {
        switch (bytes)
        {
            case [0xEF, 0xBB, 0xBF, ..]:
                byteOrderMarkLength = 3;
                return new UTF8Encoding(false);
            case [0xFF, 0xFE, ..]:
                byteOrderMarkLength = 2;
                return new UnicodeEncoding(false, true);
            case [0xFE, 0xFF, ..]:
                byteOrderMarkLength = 2;
                return new UnicodeEncoding(true, true);
            default:
                byteOrderMarkLength = 0;
                return new UTF8Encoding(false);
        }
    }

    /// <summary>Reads a stream to its end, throwing <see cref="IOException"/> once it holds more than the limit.</summary>
    public static byte[] ReadAtMost(Stream stream, long limit)
    {
        using var content = new MemoryStream();
        byte[] buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > limit)
            {
                throw TooLarge(content.Length, more: true);
            }
        }

        return content.ToArray();
    }

    private static FileStatus RegularFile(FileStatus status)
    {
        if (status.Kind != FileKind.Regular)
        {
            throw new IOException($"{status.KindName}, not a regular file");
        }

        return status.Size > MaxBytes ? throw TooLarge(status.Size, more: false) : status;
    }

    private static IOException TooLarge(long size, bool more) =>
        new($"larger than the limit of {MaxBytes / (1024 * 1024)} MB ({(more ? "more than " : string.Empty)}{size} bytes)");
}

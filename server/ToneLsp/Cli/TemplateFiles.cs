using System.Text;

namespace ToneLsp.Cli;

/// <summary>A template read from disk, with what is needed to write it back unchanged in form.</summary>
public sealed record TemplateFile(string Path, string DisplayPath, string Text, Encoding Encoding, bool HadByteOrderMark);

/// <summary>Reads Markdown templates with their encoding.</summary>
public static class TemplateFiles
{
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
}

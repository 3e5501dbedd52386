using System.Text;

namespace ToneLsp.Tests.Support;

/// <summary>A fresh directory for one test's files, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>The directory's full path.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("tonelsp-tests-").FullName;

    /// <summary>Writes a file as UTF-8 without a byte order mark and returns its full path.</summary>
    public string Write(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes a file byte for byte and returns its full path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Deletes the directory and everything in it.</summary>
    public void Dispose() => Directory.Delete(Root, recursive: true);
}

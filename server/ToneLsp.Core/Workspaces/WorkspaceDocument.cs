using ToneLsp.Core.Configuration;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Workspaces;

/// <summary>
/// One template as the host gave it: its full path (or the URI of a document without one), its text, the name to
/// show for it, and the stamp the workspace gave this version of it. An open editor buffer overrides the file.
/// </summary>
public sealed record WorkspaceDocument(string Path, SourceText Text, string DisplayName, long Stamp, bool IsOpen);

/// <summary>One configuration file as the host read it, parsed at most once.</summary>
public sealed class ConfigurationInput
{
    private readonly Lazy<(ToneConfiguration Configuration, IReadOnlyList<ConfigurationError> Errors)> _parsed;

    /// <summary>Creates the input; the text is parsed on first use.</summary>
    public ConfigurationInput(string path, string text, long stamp)
    {
        Path = path;
        Text = text;
        Stamp = stamp;
        _parsed = new(() => ConfigurationParser.Parse(text, path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>The stamp the workspace gave this version of the file.</summary>
    public long Stamp { get; }

    /// <summary>The parsed configuration.</summary>
    public ToneConfiguration Configuration => _parsed.Value.Configuration;

    /// <summary>What was wrong with the file, with lines.</summary>
    public IReadOnlyList<ConfigurationError> Errors => _parsed.Value.Errors;
}

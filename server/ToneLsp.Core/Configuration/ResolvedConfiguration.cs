namespace ToneLsp.Core.Configuration;

/// <summary>The configuration that applies to one template, where it came from, and what was wrong with it.</summary>
public sealed record ResolvedConfiguration(ToneConfiguration Configuration, string? BaseDirectory, IReadOnlyList<string> Files, IReadOnlyList<ConfigurationError> Errors)
{
    /// <summary>No configuration file anywhere above the template.</summary>
    public static ResolvedConfiguration None { get; } = new(ToneConfiguration.Empty, null, [], []);

    /// <summary>Merges the configuration files found above a template, nearest first; nearer files override farther ones.</summary>
    public static ResolvedConfiguration FromFiles(IReadOnlyList<(string File, ToneConfiguration Configuration, IReadOnlyList<ConfigurationError> Errors)> nearestFirst) =>
        nearestFirst.Count == 0
            ? None
            : new ResolvedConfiguration(
                ToneConfiguration.Merge([.. nearestFirst.Select(f => f.Configuration)]),
                Path.GetDirectoryName(nearestFirst[^1].File),
                [.. nearestFirst.Select(f => f.File)],
                [.. nearestFirst.SelectMany(f => f.Errors)]);

    /// <summary>The template's path relative to the outermost configuration's directory, with forward slashes.</summary>
    public string? RelativePath(string fullPath) =>
        BaseDirectory is null ? null : Path.GetRelativePath(BaseDirectory, fullPath).Replace('\\', '/');

    /// <summary>Whether the configuration leaves the template out (<c>include</c>/<c>exclude</c>).</summary>
    public bool Excludes(string fullPath) => RelativePath(fullPath) is { } relative && !Configuration.Includes(relative);
}

using System.Collections.Concurrent;
using ToneLsp.Core.Configuration;

namespace ToneLsp.Repository;

/// <summary>
/// Finds and reads <c>.tonelsp.yaml</c> files by walking up from a template's directory; nearer files override
/// farther ones. Files are cached by path and last write time, so a changed file is read again.
/// </summary>
/// <param name="rememberDirectories">
/// Whether to look each directory up only once, for a single run over a repository (the CLI); a long-lived host
/// leaves it off so that a configuration file created later is found.
/// </param>
public sealed class ConfigurationProvider(bool rememberDirectories = false)
{
    private readonly Dictionary<string, (DateTime Stamp, string Text, ToneConfiguration Configuration, IReadOnlyList<ConfigurationError> Errors)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResolvedConfiguration>? _directories = rememberDirectories ? new(StringComparer.Ordinal) : null;
    private readonly object _gate = new();

    /// <summary>The merged configuration for a template file (or a directory).</summary>
    public ResolvedConfiguration For(string path)
    {
        string full = Path.GetFullPath(path);
        return ForDirectory(Directory.Exists(full) ? full : Path.GetDirectoryName(full));
    }

    /// <summary>The merged configuration for a path known to be a file, given in full.</summary>
    public ResolvedConfiguration ForFile(string fullPath) => ForDirectory(Path.GetDirectoryName(fullPath));

    /// <summary>Forgets a cached file, for example after the editor reports a change.</summary>
    public void Invalidate(string file)
    {
        lock (_gate)
        {
            _cache.Remove(Path.GetFullPath(file));
        }

        _directories?.Clear();
    }

    /// <summary>Reads one configuration file, from the cache when it has not changed.</summary>
    public (ToneConfiguration Configuration, IReadOnlyList<ConfigurationError> Errors) Read(string file)
    {
        string full = Path.GetFullPath(file);
        DateTime stamp;
        try
        {
            stamp = File.GetLastWriteTimeUtc(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (ToneConfiguration.Empty, [new ConfigurationError(full, 1, 1, $"Cannot read the configuration: {exception.Message}")]);
        }

        lock (_gate)
        {
            if (_cache.TryGetValue(full, out var cached) && cached.Stamp == stamp)
            {
                return (cached.Configuration, cached.Errors);
            }
        }

        string text;
        try
        {
            text = Cli.TemplateFiles.Read(full, full).Text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (ToneConfiguration.Empty, [new ConfigurationError(full, 1, 1, $"Cannot read the configuration: {exception.Message}")]);
        }

        var parsed = ConfigurationParser.Parse(text, full);
        lock (_gate)
        {
            _cache[full] = (stamp, text, parsed.Configuration, parsed.Errors);
        }

        return parsed;
    }

    /// <summary>The text of a configuration file as last read, for a workspace that the disk feeds; null when it was not read.</summary>
    public string? TextOf(string file)
    {
        lock (_gate)
        {
            return _cache.TryGetValue(Path.GetFullPath(file), out var cached) ? cached.Text : null;
        }
    }

    private ResolvedConfiguration ForDirectory(string? directory)
    {
        if (directory is null)
        {
            return ResolvedConfiguration.None;
        }

        if (_directories is null)
        {
            return Resolve(directory);
        }

        return _directories.GetOrAdd(directory, Resolve);
    }

    private ResolvedConfiguration Resolve(string directory)
    {
        var found = new List<(string File, ToneConfiguration Configuration, IReadOnlyList<ConfigurationError> Errors)>();
        for (string? current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            string candidate = Path.Combine(current, ConfigurationParser.FileName);
            if (File.Exists(candidate))
            {
                var (configuration, errors) = Read(candidate);
                found.Add((candidate, configuration, errors));
            }
        }

        return ResolvedConfiguration.FromFiles(found);
    }
}

using Microsoft.Extensions.Logging;
using ToneLsp.Core.Configuration;
using ToneLsp.Repository;

namespace ToneLsp.Server;

/// <summary>
/// What the server knows about the repositories around the open documents: their <c>.tonelsp.yaml</c> files, the
/// templates in the workspace folders, and the placeholder names those templates use.
/// </summary>
public sealed class RepositoryContext(ILogger logger)
{
    private readonly object _gate = new();
    private IReadOnlyList<string> _templateDirectories = [];
    private List<string> _roots = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Ticks, long Length)> _stamps = new(StringComparer.Ordinal);

    /// <summary>The configuration files, cached by path and modification time.</summary>
    public ConfigurationProvider Configurations { get; } = new();

    /// <summary>The workspace folders as local paths.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Sets the workspace folders from the initialize request's URIs.</summary>
    public void SetRoots(IEnumerable<string?> uris)
    {
        _roots = [.. uris.Select(LocalPath).OfType<string>().Where(Directory.Exists).Distinct()];
    }

    /// <summary>The local file path of a file URI, or null for other schemes.</summary>
    public static string? LocalPath(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) || !parsed.IsFile)
        {
            return null;
        }

        return parsed.LocalPath;
    }

    /// <summary>The file URI of a local path.</summary>
    public static string ToUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The configuration files that apply to a document, with their errors.</summary>
    public ResolvedConfiguration ConfigurationFor(string uri) =>
        LocalPath(uri) is { } path ? Configurations.For(path) : ResolvedConfiguration.None;

    /// <summary>The templates in the workspace folders, as the CLI would check them.</summary>
    public IReadOnlyList<TemplatePath> Templates()
    {
        try
        {
            return _roots.Count == 0 ? [] : TemplateDiscovery.Find(_roots, Configurations);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not list the workspace's templates: {Error}", exception.Message);
            return [];
        }
    }

    /// <summary>
    /// Reads every template in the workspace folders, as the CLI would check them, for the core workspace: full path,
    /// text and the name to show. One unreadable file is skipped, not the scan.
    /// </summary>
    public IReadOnlyList<(string Path, string Text, string DisplayName)> ScanTemplates(CancellationToken cancellationToken) =>
        ReadTemplates(Templates(), onlyChanged: false, cancellationToken);

    /// <summary>
    /// The templates in the workspace folders whose size or time differ from when they were last read, read again;
    /// <paramref name="all"/> gets every template path the walk found, so the caller can forget the others.
    /// </summary>
    public IReadOnlyList<(string Path, string Text, string DisplayName)> ChangedTemplates(out IReadOnlySet<string> all, CancellationToken cancellationToken)
    {
        IReadOnlyList<TemplatePath> templates = Templates();
        all = templates.Select(t => t.FullPath).ToHashSet(StringComparer.Ordinal);
        return ReadTemplates(templates, onlyChanged: true, cancellationToken);
    }

    private List<(string Path, string Text, string DisplayName)> ReadTemplates(IReadOnlyList<TemplatePath> found, bool onlyChanged, CancellationToken cancellationToken)
    {
        var templates = new List<(string Path, string Text, string DisplayName)>();
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TemplatePath template in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            directories.Add(Path.GetDirectoryName(template.FullPath)!);
            var info = new FileInfo(template.FullPath);
            var stamp = (info.Exists ? info.LastWriteTimeUtc.Ticks : 0, info.Exists ? info.Length : -1);
            if (onlyChanged && _stamps.TryGetValue(template.FullPath, out var known) && known == stamp)
            {
                continue;
            }

            try
            {
                templates.Add((template.FullPath, Cli.TemplateFiles.Read(template.FullPath, template.DisplayPath).Text, DisplayName(template.FullPath)));
                _stamps[template.FullPath] = stamp;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogDebug("Skipped {Path} while scanning the workspace: {Error}", template.DisplayPath, exception.Message);
            }
        }

        lock (_gate)
        {
            _templateDirectories = [.. directories];
        }

        return templates;
    }

    /// <summary>A template's text when its size or time differ from when it was last read (or it was never read); null otherwise or when it is gone.</summary>
    public string? TextIfChanged(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return null;
        }

        var stamp = (info.LastWriteTimeUtc.Ticks, info.Length);
        if (_stamps.TryGetValue(fullPath, out var known) && known == stamp)
        {
            return null;
        }

        string? text = TemplateText(fullPath);
        if (text is not null)
        {
            _stamps[fullPath] = stamp;
        }

        return text;
    }

    /// <summary>Whether a template belongs to the workspace, as the scan would find it: in a workspace folder and not excluded.</summary>
    public bool IsInWorkspace(string fullPath) =>
        RootOf(fullPath) is not null && !Configurations.For(fullPath).Excludes(fullPath);

    /// <summary>The nearest workspace folder that holds a path, without a trailing slash; null when none does.</summary>
    public string? RootOf(string fullPath) =>
        _roots.Where(r => fullPath.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal)).MaxBy(r => r.Length)?.TrimEnd('/');

    /// <summary>A template's text as the disk has it now; null when it cannot be read.</summary>
    public string? TemplateText(string fullPath)
    {
        try
        {
            return Cli.TemplateFiles.Read(fullPath, fullPath).Text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            logger.LogDebug("Cannot read {Path}: {Error}", fullPath, exception.Message);
            return null;
        }
    }

    /// <summary>The text of a configuration file as the disk has it now (read through the cache); null when it cannot be read.</summary>
    public string? ConfigurationText(string file)
    {
        Configurations.Read(file);
        return Configurations.TextOf(file);
    }

    /// <summary>A template's name to show: its path relative to the nearest workspace folder, else its full path.</summary>
    public string DisplayName(string fullPath) =>
        RootOf(fullPath) is { } root
            ? Path.GetRelativePath(root, fullPath).Replace('\\', '/')
            : fullPath;

    /// <summary>The team's snippets for a document: the <c>snippets/*.md</c> files beside its outermost configuration (else in the first workspace folder).</summary>
    public IReadOnlyList<Core.Snippets.Snippet> SnippetsFor(string uri)
    {
        var snippets = new List<Core.Snippets.Snippet>();
        string? directory = ConfigurationFor(uri).BaseDirectory ?? _roots.FirstOrDefault();
        string? folder = directory is null ? null : Path.Combine(directory, "snippets");
        if (folder is null || !Directory.Exists(folder))
        {
            return snippets;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            try
            {
                snippets.Add(Core.Snippets.Snippet.FromFile(file, Cli.TemplateFiles.Read(file, file).Text));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogDebug("Skipped snippet {File}: {Error}", file, exception.Message);
            }
        }

        return snippets;
    }

    /// <summary>The folders that held templates at the last scan.</summary>
    public IReadOnlyList<string> TemplateDirectories
    {
        get
        {
            lock (_gate)
            {
                return _templateDirectories;
            }
        }
    }
}

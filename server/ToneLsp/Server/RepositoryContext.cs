using Microsoft.Extensions.Logging;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
using ToneLsp.Repository;

namespace ToneLsp.Server;

/// <summary>
/// What the server knows about the repositories around the open documents: their <c>.tonelsp.yaml</c> files, the
/// templates in the workspace folders, and the placeholder names those templates use.
/// </summary>
public sealed class RepositoryContext(ILogger logger)
{
    private readonly object _gate = new();
    private IReadOnlyDictionary<string, int> _placeholders = new Dictionary<string, int>(StringComparer.Ordinal);
    private Dictionary<string, string> _translationSources = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _templateDirectories = [];
    private List<string> _roots = [];

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

    /// <summary>The options for a document: the client's options with the configuration above the file and the repository's placeholders.</summary>
    public ToneOptions OptionsFor(string uri, ToneOptions baseOptions)
    {
        ToneOptions options = baseOptions with { KnownPlaceholders = _placeholders };
        if (LocalPath(uri) is not { } path)
        {
            return options;
        }

        ResolvedConfiguration resolved = Configurations.For(path);
        return resolved.Configuration == ToneConfiguration.Empty ? options : resolved.Configuration.Apply(options, resolved.RelativePath(path));
    }

    /// <summary>Whether the configuration above a document leaves it out (<c>include</c>/<c>exclude</c>), as the CLI would.</summary>
    public bool IsExcluded(string uri)
    {
        if (LocalPath(uri) is not { } path)
        {
            return false;
        }

        ResolvedConfiguration resolved = Configurations.For(path);
        return resolved.RelativePath(path) is { } relative && !resolved.Configuration.Includes(relative);
    }

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

    /// <summary>Counts the placeholders of every template in the workspace, for typo detection; safe to call again after changes.</summary>
    public void IndexPlaceholders(CancellationToken cancellationToken)
    {
        // One template in memory at a time: the documents are parsed as the count asks for them.
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        Dictionary<string, int> counts = PlaceholderAnalyzer.CountAcross(ReadTemplates(translations, directories, cancellationToken));
        lock (_gate)
        {
            _placeholders = counts;
            _translationSources = translations;
            _templateDirectories = [.. directories];
        }
    }

    private IEnumerable<TemplateDocument> ReadTemplates(Dictionary<string, string> translations, SortedSet<string> directories, CancellationToken cancellationToken)
    {
        foreach (TemplatePath template in Templates())
        {
            directories.Add(Path.GetDirectoryName(template.FullPath)!);
            cancellationToken.ThrowIfCancellationRequested();
            TemplateDocument document;
            try
            {
                document = TemplateDocument.Parse(Cli.TemplateFiles.Read(template.FullPath, template.DisplayPath).Text);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogDebug("Skipped {Path} while indexing placeholders: {Error}", template.DisplayPath, exception.Message);
                continue;
            }

            if (TwinTemplates.TranslationOf(template.FullPath.TrimStart('/'), document) is { } named)
            {
                translations["/" + named] = template.FullPath;
            }

            yield return document;
        }
    }

    /// <summary>The folders that held templates at the last index.</summary>
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

    /// <summary>The template whose front matter names this one in <c>translationOf:</c>, as of the last index; null when none does.</summary>
    public string? TranslationSourceOf(string fullPath)
    {
        lock (_gate)
        {
            return _translationSources.GetValueOrDefault(fullPath);
        }
    }
}

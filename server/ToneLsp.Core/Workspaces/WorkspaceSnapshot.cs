using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Workspaces;

/// <summary>
/// The workspace's inputs at one moment, immutable, in the manner of rust-analyzer's <c>Analysis</c>: it answers
/// for every template the configuration that applies, the options, the analysis with the findings that need other
/// templates (language twins, placeholder names counted across all templates), and a result ID that changes exactly
/// when one of the inputs that produced the findings changes. Results are cached by the versions of their inputs, so
/// a later snapshot reuses what did not change. Nothing here does IO or throws on any input.
/// </summary>
public sealed class WorkspaceSnapshot
{
    /// <summary>The file name of a configuration file.</summary>
    public const string ConfigurationFileName = ConfigurationParser.FileName;

    private readonly WorkspaceCaches _caches;
    private readonly ConcurrentDictionary<string, (ResolvedConfiguration Resolved, long Key)> _configurationByDirectory;
    private readonly Lazy<PlaceholderIndex> _placeholders;
    private readonly Lazy<ImmutableDictionary<string, string>> _translationSources;
    private readonly ConcurrentDictionary<string, string?> _twins = new(StringComparer.Ordinal);

    // How many snapshots before this one derive their indexes from their predecessor without having evaluated them.
    private const int MaxUnevaluated = 32;
    private readonly int _unevaluated;

    internal WorkspaceSnapshot(
        WorkspaceCaches caches,
        ImmutableDictionary<string, WorkspaceDocument> files,
        ImmutableDictionary<string, WorkspaceDocument> buffers,
        ImmutableDictionary<string, ConfigurationInput> configurations,
        ToneOptions settings,
        long settingsStamp,
        ImmutableArray<string> roots,
        long stamp,
        WorkspaceSnapshot? previous,
        string? changedPath = null)
    {
        _caches = caches;
        Files = files;
        Buffers = buffers;
        Configurations = configurations;
        Settings = settings;
        SettingsStamp = settingsStamp;
        Roots = roots;
        Stamp = stamp;

        // The configuration of a directory depends only on the configuration files, so it carries over while they stay.
        _configurationByDirectory = previous is not null && ReferenceEquals(previous.Configurations, configurations)
            ? previous._configurationByDirectory
            : new(StringComparer.Ordinal);
        // The placeholder counts and the translationOf: index change only when a template's placeholder names or its
        // translationOf: do, not with every keystroke: after a change to one template they carry over when its facts stay.
        bool sameInputs = previous is not null && ReferenceEquals(previous.Configurations, configurations) && previous.Roots == roots;
        int unevaluated = previous is null || (previous._placeholders.IsValueCreated && previous._translationSources.IsValueCreated) ? 0 : previous._unevaluated + 1;
        if (sameInputs && ReferenceEquals(previous!.Files, files) && ReferenceEquals(previous.Buffers, buffers))
        {
            _placeholders = previous._placeholders;
            _translationSources = previous._translationSources;
            _unevaluated = previous._unevaluated;
        }
        else if (sameInputs && changedPath is not null && unevaluated <= MaxUnevaluated)
        {
            // Derived from the previous snapshot's indexes, evaluated first if need be; a chain of snapshots that nobody
            // asked about is cut after a few, so that no long history stays alive.
            WorkspaceSnapshot before = previous!;
            _placeholders = new(() => before._placeholders.Value.Update(before.FactsOf(changedPath)?.Shape.Placeholders, FactsOf(changedPath)?.Shape.Placeholders),
                                LazyThreadSafetyMode.ExecutionAndPublication);
            _translationSources = new(() => UpdatedSources(before, changedPath) ?? TranslationSources(), LazyThreadSafetyMode.ExecutionAndPublication);
            _unevaluated = unevaluated;
        }
        else
        {
            _placeholders = new(() => PlaceholderIndex.Of(Documents.Select(Facts)), LazyThreadSafetyMode.ExecutionAndPublication);
            _translationSources = new(TranslationSources, LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>A number that grows with every change to any input.</summary>
    public long Stamp { get; }

    /// <summary>The template files as they are on disk.</summary>
    public ImmutableDictionary<string, WorkspaceDocument> Files { get; }

    /// <summary>The open editor buffers, which override the files at the same paths.</summary>
    public ImmutableDictionary<string, WorkspaceDocument> Buffers { get; }

    /// <summary>The configuration files by full path.</summary>
    public ImmutableDictionary<string, ConfigurationInput> Configurations { get; }

    /// <summary>The host's options under every configuration file.</summary>
    public ToneOptions Settings { get; }

    /// <summary>The stamp of the settings.</summary>
    public long SettingsStamp { get; }

    /// <summary>The workspace folders, without a trailing slash.</summary>
    public ImmutableArray<string> Roots { get; }

    /// <summary>The engine that analyses and fixes.</summary>
    public ToneEngine Engine => _caches.Engine.Value;

    /// <summary>Every template: the open buffers, and the files that are not open.</summary>
    public IEnumerable<WorkspaceDocument> Documents => Buffers.Values.Concat(Files.Values.Where(f => !Buffers.ContainsKey(f.Path)));

    /// <summary>How many templates use each placeholder name, over every template of the workspace.</summary>
    public IReadOnlyDictionary<string, int> PlaceholderCounts => _placeholders.Value.Counts;

    /// <summary>A template as it is now: its open buffer, else its file; null when the workspace has neither.</summary>
    public WorkspaceDocument? Document(string path) => Buffers.GetValueOrDefault(path) ?? Files.GetValueOrDefault(path);

    /// <summary>The merged configuration files above a template (or in a directory, given with a trailing slash).</summary>
    public ResolvedConfiguration ConfigurationFor(string path) => ResolvedFor(path).Resolved;

    /// <summary>Whether the configuration above a template leaves it out (<c>include</c>/<c>exclude</c>), as the command line would.</summary>
    public bool IsExcluded(string path) => ConfigurationFor(path).Excludes(path);

    /// <summary>The options a template is analysed with: the settings, the configuration above it, the workspace's placeholder names.</summary>
    public ToneOptions OptionsFor(string path) => OwnOptions(path) with { KnownPlaceholders = _placeholders.Value.Counts };

    /// <summary>The analysis of a template on its own (without the findings that compare it with others); null when the workspace does not have it.</summary>
    public AnalysisResult? Analyze(string path, CancellationToken cancellationToken = default)
    {
        if (Document(path) is not { } document)
        {
            return null;
        }

        AnalysisKey key = KeyOf(document);
        if (_caches.TryGetAnalysis(path, key, out AnalysisResult? cached))
        {
            return cached;
        }

        ToneOptions options = OptionsFor(path);
        TemplateDocument parsed = _caches.TakeParsed(document, options.DefaultLanguage) ?? TemplateDocument.Parse(document.Text, options.DefaultLanguage);
        AnalysisResult result = Engine.Analyze(parsed, options, cancellationToken);
        _caches.StoreAnalysis(document, key, result);
        return result;
    }

    /// <summary>
    /// A template converted between du and Sie with the options its brand and channel set (<c>capitalizeDu</c>,
    /// <c>audience</c>; the front matter's <c>audience:</c> still wins in the converter), which <paramref name="adjust"/>
    /// may change (a command line flag); null when the workspace does not have the template.
    /// </summary>
    public ConversionResult? Convert(string path, AddressForm target, Func<ConversionOptions, ConversionOptions>? adjust = null)
    {
        if (Document(path) is not { } document)
        {
            return null;
        }

        // The conversion is German by definition; the options come from the configuration and the front matter's channel,
        // resolved as for an analysis, without running the rules.
        TemplateDocument parsed = TemplateDocument.ParseAs(document.Text.Text, Language.German);
        ConversionOptions options;
        try
        {
            options = new AnalysisInput(parsed, OwnOptions(path)).Options.Conversion;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // As in the engine: a failed address-form detection leaves the configured options.
            options = OwnOptions(path).Conversion;
        }

        return AddressFormConverter.ConvertDocumentWithNotes(parsed, target, adjust is null ? options : adjust(options));
    }

    /// <summary>
    /// The findings that need another template: the placeholder and tone comparison with the template's language twin
    /// (<see cref="TwinTemplates"/>), as <c>tonelsp check</c> and the editor both report them.
    /// </summary>
    public IReadOnlyList<ToneDiagnostic> CrossDocumentDiagnostics(string path, CancellationToken cancellationToken = default)
    {
        if (Analyze(path, cancellationToken) is not { } own || TwinOf(path) is not { } twin || Analyze(twin, cancellationToken) is not { } other)
        {
            return [];
        }

        return TwinTemplates.Compare(own, other, Document(twin)!.DisplayName);
    }

    /// <summary>The analysis of a template with the findings that need other templates; null when the workspace does not have it.</summary>
    public AnalysisResult? AnalyzeWithCrossDocument(string path, CancellationToken cancellationToken = default)
    {
        if (Analyze(path, cancellationToken) is not { } own)
        {
            return null;
        }

        IReadOnlyList<ToneDiagnostic> more = CrossDocumentDiagnostics(path, cancellationToken);
        return more.Count == 0 ? own : own.WithDiagnostics([.. own.Diagnostics, .. more]);
    }

    /// <summary>
    /// The path of a template's language twin, paired by <see cref="TwinTemplates.FindTwin"/>; a template that another
    /// names in its <c>translationOf:</c> is that one's twin as well. Null when it has none.
    /// </summary>
    public string? TwinOf(string path) => _twins.GetOrAdd(path, FindTwin);

    /// <summary>The open buffers whose twin is the given template, which must be checked again when it changes.</summary>
    public IReadOnlyList<string> DependentsOf(string path)
    {
        // Only a template at one of the swapped paths, the one that names this template and the one this template
        // names can pair with it; only those are paired, so a keystroke costs nothing for the other open buffers.
        var candidates = TwinTemplates.CandidateTwins(Relative(path)).Select(relative => FullOf(path, relative)).ToHashSet(StringComparer.Ordinal);
        if (FactsOf(path)?.TranslationOf is { } named)
        {
            candidates.Add(FullOf(path, named));
        }

        if (_translationSources.Value.TryGetValue(path, out string? naming))
        {
            candidates.Add(naming);
        }

        return [.. candidates.Where(c => c != path && Buffers.ContainsKey(c) && TwinOf(c) == path).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// An ID for a template's findings that derives from the inputs that produced them: its text, the configuration
    /// files above it, the settings, the placeholder names across the workspace and its twin. Equal IDs, equal findings.
    /// </summary>
    public string ResultId(string path)
    {
        if (Document(path) is not { } document)
        {
            return "none";
        }

        AnalysisKey key = KeyOf(document);
        long twin = TwinOf(path) is { } other && Document(other) is { } twinDocument ? Mix(KeyOf(twinDocument).Hash, 1) : 0;
        return Mix(key.Hash, twin).ToString("x16", CultureInfo.InvariantCulture);
    }

    internal WorkspaceSnapshot With(
        ImmutableDictionary<string, WorkspaceDocument>? files = null,
        ImmutableDictionary<string, WorkspaceDocument>? buffers = null,
        ImmutableDictionary<string, ConfigurationInput>? configurations = null,
        ToneOptions? settings = null,
        long? settingsStamp = null,
        ImmutableArray<string>? roots = null,
        string? changedPath = null) =>
        new(_caches, files ?? Files, buffers ?? Buffers, configurations ?? Configurations, settings ?? Settings, settingsStamp ?? SettingsStamp,
            roots ?? Roots, Stamp, this, changedPath);

    internal WorkspaceSnapshot Stamped(long stamp) =>
        new(_caches, Files, Buffers, Configurations, Settings, SettingsStamp, Roots, stamp, this);

    private DocumentFacts? FactsOf(string path) => Document(path) is { } document ? Facts(document) : null;

    // The translationOf: index after one template changed, from the previous snapshot's; null when only a full
    // recount gives it (the template named a twin that another template names too).
    private ImmutableDictionary<string, string>? UpdatedSources(WorkspaceSnapshot before, string path)
    {
        ImmutableDictionary<string, string> sources = before._translationSources.Value;
        string? named = before.FactsOf(path)?.TranslationOf, now = FactsOf(path)?.TranslationOf;
        if (named == now)
        {
            return sources;
        }

        if (named is not null)
        {
            string target = FullOf(path, named);
            if (sources.GetValueOrDefault(target) != path || Documents.Any(d => d.Path != path && Facts(d).TranslationOf is { } other && FullOf(d.Path, other) == target))
            {
                return null;
            }

            sources = sources.Remove(target);
        }

        if (now is not null)
        {
            string target = FullOf(path, now);
            if (sources.TryGetValue(target, out string? existing) && string.CompareOrdinal(existing, path) > 0)
            {
                return sources;
            }

            sources = sources.SetItem(target, path);
        }

        return sources;
    }

    // The full path of a relative path that a template names, resolved against the template's workspace folder.
    private string FullOf(string path, string relative) => RootOf(path) is { } root ? root + "/" + relative : "/" + relative;

    private ToneOptions OwnOptions(string path)
    {
        ResolvedConfiguration resolved = ConfigurationFor(path);
        return resolved.Configuration == ToneConfiguration.Empty ? Settings : resolved.Configuration.Apply(Settings, resolved.RelativePath(path));
    }

    private (ResolvedConfiguration Resolved, long Key) ResolvedFor(string path)
    {
        string? directory = path.EndsWith('/') ? path.TrimEnd('/') : Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory))
        {
            return (ResolvedConfiguration.None, 0);
        }

        return _configurationByDirectory.GetOrAdd(directory, d =>
        {
            var found = new List<(string File, ToneConfiguration Configuration, IReadOnlyList<ConfigurationError> Errors)>();
            long key = 0;
            for (string? current = d; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
            {
                if (Configurations.TryGetValue(Path.Combine(current, ConfigurationFileName), out ConfigurationInput? input))
                {
                    found.Add((input.Path, input.Configuration, input.Errors));
                    key = Mix(key, input.Stamp);
                }
            }

            return (ResolvedConfiguration.FromFiles(found), key);
        });
    }

    private AnalysisKey KeyOf(WorkspaceDocument document) =>
        new(document.Stamp, ResolvedFor(document.Path).Key, SettingsStamp, _placeholders.Value.Key);

    private DocumentFacts Facts(WorkspaceDocument document) => _caches.FactsOf(document, () => OwnOptions(document.Path).DefaultLanguage, Relative);

    // Pairs on the templates' facts (placeholder names, length, translationOf:), so nothing is analysed to find a twin.
    private string? FindTwin(string path)
    {
        if (Document(path) is not { } document)
        {
            return null;
        }

        DocumentFacts facts = Facts(document);
        string Full(string relative) => FullOf(path, relative);
        string? twin = TwinTemplates.FindTwin(Relative(path), facts.TranslationOf, facts.Shape, relative =>
        {
            string full = Full(relative);
            return full != path && Document(full) is { } other ? Facts(other).Shape : null;
        });
        if (twin is not null)
        {
            return Full(twin);
        }

        return _translationSources.Value.TryGetValue(path, out string? source) && source != path && Document(source) is not null ? source : null;
    }

    // Which template names which in its translationOf:, reversed: the named template's path → the naming one's.
    private ImmutableDictionary<string, string> TranslationSources()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (WorkspaceDocument document in Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (Facts(document).TranslationOf is { } named)
            {
                builder[FullOf(document.Path, named)] = document.Path;
            }
        }

        return builder.ToImmutable();
    }

    // The path relative to the nearest workspace folder; without one, the full path without its leading slash.
    private string Relative(string path) => RootOf(path) is { } root ? path[(root.Length + 1)..] : path.TrimStart('/');

    private string? RootOf(string path) => Roots.Where(r => path.StartsWith(r + "/", StringComparison.Ordinal)).MaxBy(r => r.Length);

    internal static long Mix(long a, long b) => unchecked((a ^ (b + Golden + (a << 6) + (a >> 2))) * 0x100000001B3L);

    private const long Golden = unchecked((long)0x9E3779B97F4A7C15UL);
}

/// <summary>The versions of the inputs one analysis was made from.</summary>
internal readonly record struct AnalysisKey(long DocumentStamp, long ConfigurationKey, long SettingsStamp, long PlaceholderKey)
{
    public long Hash => WorkspaceSnapshot.Mix(WorkspaceSnapshot.Mix(WorkspaceSnapshot.Mix(DocumentStamp, ConfigurationKey), SettingsStamp), PlaceholderKey);
}

/// <summary>What the workspace's indexes need of one template: its placeholder names and the twin its front matter names.</summary>
internal sealed record DocumentFacts(TwinShape Shape, string? TranslationOf);

/// <summary>How many templates use each placeholder name, with a key that changes when the counts do.</summary>
internal sealed record PlaceholderIndex(IReadOnlyDictionary<string, int> Counts, long Key)
{
    public static PlaceholderIndex Of(IEnumerable<DocumentFacts> documents)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (DocumentFacts facts in documents)
        {
            foreach (string name in facts.Shape.Placeholders)
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        // Order-independent: the same counts give the same key whatever order the templates came in.
        long key = 0;
        foreach (var (name, count) in counts)
        {
            key = unchecked(key + WorkspaceSnapshot.Mix(StableHash(name), count));
        }

        return new PlaceholderIndex(counts, key);
    }

    /// <summary>The index after one template's names went from <paramref name="removed"/> to <paramref name="added"/> (null: no template).</summary>
    public PlaceholderIndex Update(IReadOnlyList<string>? removed, IReadOnlyList<string>? added)
    {
        if ((removed ?? []).SequenceEqual(added ?? []))
        {
            return this;
        }

        var counts = new Dictionary<string, int>(Counts, StringComparer.Ordinal);
        long key = Key;
        void Add(string name, int delta)
        {
            int before = counts.GetValueOrDefault(name);
            int after = before + delta;
            key = unchecked(key - (before > 0 ? WorkspaceSnapshot.Mix(StableHash(name), before) : 0) + (after > 0 ? WorkspaceSnapshot.Mix(StableHash(name), after) : 0));
            if (after > 0)
            {
                counts[name] = after;
            }
            else
            {
                counts.Remove(name);
            }
        }

        foreach (string name in removed ?? [])
        {
            Add(name, -1);
        }

        foreach (string name in added ?? [])
        {
            Add(name, +1);
        }

        return new PlaceholderIndex(counts, key);
    }

    private static long StableHash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return unchecked((long)hash);
    }
}

using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Configuration;

/// <summary>The form of address a brand or channel asks for.</summary>
public enum AddressPreference
{
    /// <summary>Always du.</summary>
    Du,

    /// <summary>Always Sie.</summary>
    Sie,

    /// <summary>Mirror the customer.</summary>
    Mirror,
}

/// <summary>How a brand or channel treats emoji.</summary>
public enum EmojiPolicy
{
    /// <summary>Emoji are fine.</summary>
    Allowed,

    /// <summary>Emoji are discouraged (a hint).</summary>
    Avoid,

    /// <summary>Emoji are not allowed (a warning).</summary>
    Forbidden,
}

/// <summary>A problem in a configuration file, with its location (1-based line and column).</summary>
public sealed record ConfigurationError(string Source, int Line, int Column, string Message)
{
    /// <summary>The message in both languages with its <see cref="Arguments"/>, when it comes from the catalogue.</summary>
    public LocalText? Text { get; init; }

    /// <summary>The arguments of <see cref="Text"/>.</summary>
    public object?[] Arguments { get; init; } = [];

    /// <summary>An error from the catalogue; <see cref="Message"/> is its English.</summary>
    public static ConfigurationError Of(string source, int line, int column, LocalText text, params object?[] arguments) =>
        new(source, line, column, text.Format(Language.English, arguments)) { Text = text, Arguments = arguments };

    /// <summary>The message in the language (English where the error has no catalogue text).</summary>
    public string MessageIn(Language language) => Text?.Format(language, Arguments) ?? Message;

    /// <inheritdoc />
    public bool Equals(ConfigurationError? other) =>
        other is not null && Source == other.Source && Line == other.Line && Column == other.Column && Message == other.Message;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, Line, Column, Message);

    /// <inheritdoc />
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}

/// <summary>The tonality settings of the brand or of one channel; unset values inherit.</summary>
public sealed record Tonality
{
    /// <summary>The language of replies.</summary>
    public Language? Language { get; init; }

    /// <summary>The form of address.</summary>
    public AddressPreference? Address { get; init; }

    /// <summary>Whether du-forms are capitalised.</summary>
    public bool? CapitalizeDu { get; init; }

    /// <summary>Whom replies converted to du address: one reader (du) or several (ihr).</summary>
    public Audience? Audience { get; init; }

    /// <summary>Whether humour is allowed (sarcasm findings become information).</summary>
    public bool? Humor { get; init; }

    /// <summary>The emoji policy.</summary>
    public EmojiPolicy? Emoji { get; init; }

    /// <summary>Whether a greeting is required.</summary>
    public bool? RequireGreeting { get; init; }

    /// <summary>Whether a closing is required.</summary>
    public bool? RequireClosing { get; init; }

    /// <summary>The language of ToneLsp's messages (<c>messages: auto | de | en</c>).</summary>
    public MessageChoice? Messages { get; init; }
    /// <summary>The registers replies may use (formal, neutral, casual); null allows all.</summary>
    public IReadOnlyList<Text.Register>? Registers { get; init; }

    /// <summary>The most characters a reply may have once its placeholders are filled.</summary>
    public int? MaxLength { get; init; }

    /// <summary>How many characters a placeholder counts for the length limit.</summary>
    public int? PlaceholderLength { get; init; }

    /// <summary>The team's greeting and closing per language and register, for fixes that move a reply's register.</summary>
    public IReadOnlyDictionary<(Language Language, Text.Register Register), SalutationPair>? Salutations { get; init; }

    /// <summary>Values set here win over <paramref name="fallback"/>.</summary>
    public Tonality Over(Tonality fallback) => new()
    {
        Language = Language ?? fallback.Language,
        Address = Address ?? fallback.Address,
        CapitalizeDu = CapitalizeDu ?? fallback.CapitalizeDu,
        Audience = Audience ?? fallback.Audience,
        Humor = Humor ?? fallback.Humor,
        Emoji = Emoji ?? fallback.Emoji,
        RequireGreeting = RequireGreeting ?? fallback.RequireGreeting,
        RequireClosing = RequireClosing ?? fallback.RequireClosing,
        Messages = Messages ?? fallback.Messages,
        Registers = Registers ?? fallback.Registers,
        MaxLength = MaxLength ?? fallback.MaxLength,
        PlaceholderLength = PlaceholderLength ?? fallback.PlaceholderLength,
        Salutations = MergeSalutations(Salutations, fallback.Salutations),
    };

    private static IReadOnlyDictionary<(Language, Text.Register), SalutationPair>? MergeSalutations(
        IReadOnlyDictionary<(Language, Text.Register), SalutationPair>? near, IReadOnlyDictionary<(Language, Text.Register), SalutationPair>? far)
    {
        if (near is null || far is null)
        {
            return near ?? far;
        }

        var merged = new Dictionary<(Language, Text.Register), SalutationPair>(far);
        foreach (var (key, pair) in near)
        {
            merged[key] = far.TryGetValue(key, out SalutationPair? farther) ? new SalutationPair(pair.Greeting ?? farther.Greeting, pair.Closing ?? farther.Closing) : pair;
        }

        return merged;
    }
}

/// <summary>A configured greeting ("Guten Tag") and closing ("Freundliche Grüße"); either may be left to the default.</summary>
public sealed record SalutationPair(string? Greeting, string? Closing);

/// <summary>A channel profile: its tonality and the path globs that select it when the front matter names no channel.</summary>
public sealed record ChannelProfile(string Name, Tonality Tonality, IReadOnlyList<Glob> Paths);

/// <summary>
/// A repository's <c>.tonelsp.yaml</c>: brand tonality, channel profiles, rule severities, the team's own phrase
/// rules, accepted phrases, and include/exclude globs. Parsing never throws; see <see cref="ConfigurationParser"/>.
/// </summary>
public sealed record ToneConfiguration
{
    /// <summary>A configuration with nothing set.</summary>
    public static ToneConfiguration Empty { get; } = new();

    /// <summary>Where the configuration came from, for messages.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The brand's tonality.</summary>
    public Tonality Brand { get; init; } = new();

    /// <summary>Channel profiles by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, ChannelProfile> Channels { get; init; } = new Dictionary<string, ChannelProfile>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severity by rule ID or category.</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The team's own phrase rules, one per phrase; the ID is given or derived from the phrase's content (TEAM-1A2B3C4D).</summary>
    public IReadOnlyList<LexiconRule> TeamRules { get; init; } = [];

    /// <summary>Phrases that are never flagged.</summary>
    public IReadOnlyList<string> Accept { get; init; } = [];

    /// <summary>Templates to check; empty means every Markdown file.</summary>
    public IReadOnlyList<Glob> Include { get; init; } = [];

    /// <summary>Templates to skip.</summary>
    public IReadOnlyList<Glob> Exclude { get; init; } = [];

    /// <summary>Merges configurations, nearest first: nearer values win, lists and maps are combined.</summary>
    public static ToneConfiguration Merge(IReadOnlyList<ToneConfiguration> nearestFirst)
    {
        var result = Empty;
        foreach (ToneConfiguration farther in nearestFirst.Reverse())
        {
            var channels = new Dictionary<string, ChannelProfile>(result.Channels, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, profile) in farther.Channels)
            {
                channels[name] = channels.TryGetValue(name, out ChannelProfile? existing)
                    ? profile with { Tonality = profile.Tonality.Over(existing.Tonality), Paths = profile.Paths.Count > 0 ? profile.Paths : existing.Paths }
                    : profile;
            }

            var rules = new Dictionary<string, RuleSetting>(result.Rules, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in farther.Rules)
            {
                rules[key] = value;
            }

            var nearerIds = farther.TeamRules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            List<LexiconRule> team = [.. result.TeamRules.Where(r => !nearerIds.Contains(r.Descriptor.Id)), .. farther.TeamRules];
            result = new ToneConfiguration
            {
                Source = farther.Source,
                Brand = farther.Brand.Over(result.Brand),
                Channels = channels,
                Rules = rules,
                TeamRules = team,
                Accept = [.. result.Accept, .. farther.Accept],
                Include = farther.Include.Count > 0 ? farther.Include : result.Include,
                Exclude = [.. result.Exclude, .. farther.Exclude],
            };
        }

        return result;
    }

    /// <summary>Whether a template at the relative path is checked.</summary>
    public bool Includes(string relativePath) =>
        (Include.Count == 0 || Include.Any(g => g.IsMatch(relativePath))) && !Exclude.Any(g => g.IsMatch(relativePath));

    /// <summary>The channel for a template: the front matter's <c>channel:</c>, else the first profile whose path globs match.</summary>
    public ChannelProfile? FindChannel(string? frontMatterChannel, string? relativePath)
    {
        if (frontMatterChannel is { Length: > 0 } && Channels.TryGetValue(frontMatterChannel.Trim(), out ChannelProfile? named))
        {
            return named;
        }

        return relativePath is null ? null : Channels.Values.FirstOrDefault(c => c.Paths.Any(g => g.IsMatch(relativePath)));
    }

    /// <summary>
    /// Options for analysing a template: the configuration applied over <paramref name="baseOptions"/>. The channel
    /// is resolved again once the front matter is known (<see cref="AnalysisInput"/>).
    /// </summary>
    public ToneOptions Apply(ToneOptions baseOptions, string? relativePath)
    {
        Tonality tonality = (FindChannel(null, relativePath)?.Tonality ?? new Tonality()).Over(Brand);
        return baseOptions with
        {
            Configuration = this,
            DocumentPath = relativePath,
            DefaultLanguage = tonality.Language ?? baseOptions.DefaultLanguage,
            Rules = Combine(baseOptions.Rules, Rules),
        };
    }

    private static Dictionary<string, RuleSetting> Combine(IReadOnlyDictionary<string, RuleSetting> under, IReadOnlyDictionary<string, RuleSetting> over)
    {
        var combined = new Dictionary<string, RuleSetting>(under, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in over)
        {
            combined[key] = value;
        }

        return combined;
    }
}

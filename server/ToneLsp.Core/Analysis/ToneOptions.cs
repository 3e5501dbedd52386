using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Analysis;

/// <summary>A severity set by configuration, or off.</summary>
public enum RuleSetting
{
    /// <summary>The rule does not run.</summary>
    Off,

    /// <summary>Reported as a hint.</summary>
    Hint,

    /// <summary>Reported as information.</summary>
    Information,

    /// <summary>Reported as a warning.</summary>
    Warning,

    /// <summary>Reported as an error.</summary>
    Error,
}

/// <summary>The configuration an analysis runs with. Plain data; the host reads it from wherever it lives.</summary>
public sealed record ToneOptions
{
    /// <summary>Options with every default.</summary>
    public static ToneOptions Default { get; } = new();

    /// <summary>The language assumed when neither front matter nor detection decides.</summary>
    public Language DefaultLanguage { get; init; } = Language.German;

    /// <summary>Which language messages are in; a choice other than auto wins over the configuration's <c>messages:</c>.</summary>
    public MessageChoice Messages { get; init; }

    /// <summary>
    /// The message language where <see cref="MessageChoice.Auto"/> finds no template language: the editor's locale or
    /// the command line's <c>LANG</c>; null means English.
    /// </summary>
    public Language? FallbackMessages { get; init; }

    /// <summary>The address form a reply should use when neither front matter nor the customer's message says.</summary>
    public AddressForm? DefaultAddressForm { get; init; }

    /// <summary>Whether informal forms are capitalised (Du, Dich, Dein) in rewrites and conversions.</summary>
    public bool CapitalizeDu { get; init; }

    /// <summary>Whom replies converted to du address: one reader (du) or several (ihr); front matter <c>audience:</c> overrides it.</summary>
    public Audience Audience { get; init; }

    /// <summary>The team's greetings and closings per language and register, for conversions and fixes; null for the built-in ones.</summary>
    public IReadOnlyDictionary<(Language Language, Text.Register Register), SalutationPair>? Salutations { get; init; }

    /// <summary>Whether the brand allows humour: sarcasm findings are then information instead of warnings.</summary>
    public bool HumorAllowed { get; init; }

    /// <summary>How the brand or channel treats emoji.</summary>
    public EmojiPolicy EmojiPolicy { get; init; } = EmojiPolicy.Allowed;

    /// <summary>Whether the reply must open with a greeting.</summary>
    public bool RequireGreeting { get; init; }

    /// <summary>Whether the reply must end with a closing.</summary>
    public bool RequireClosing { get; init; }

    /// <summary>Placeholder names used across the repository with how many templates use each, for typo detection.</summary>
    public IReadOnlyDictionary<string, int> KnownPlaceholders { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The repository configuration, if any; channel profiles are resolved from it per template.</summary>
    public ToneConfiguration? Configuration { get; init; }

    /// <summary>The template's path relative to the configuration, for channel path globs.</summary>
    public string? DocumentPath { get; init; }

    /// <summary>Severity overrides keyed by rule ID or category slug; a rule ID beats its category.</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The severity a rule is reported with, or null when it is off.</summary>
    public DiagnosticSeverity? GetSeverity(DiagnosticDescriptor descriptor)
    {
        if (Rules.TryGetValue(descriptor.Id, out RuleSetting setting) || Rules.TryGetValue(descriptor.Category, out setting))
        {
            return setting switch
            {
                RuleSetting.Off => null,
                RuleSetting.Hint => DiagnosticSeverity.Hint,
                RuleSetting.Information => DiagnosticSeverity.Information,
                RuleSetting.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Error,
            };
        }

        if (HumorAllowed && descriptor.Category == Categories.Sarcasm && descriptor.DefaultSeverity < DiagnosticSeverity.Information)
        {
            return DiagnosticSeverity.Information;
        }

        return descriptor.DefaultSeverity;
    }

    /// <summary>
    /// The severity a diagnostic is reported with, or null when its rule is off: a configured severity wins; otherwise
    /// a severity the analyzer chose for this finding; otherwise the rule's default.
    /// </summary>
    public DiagnosticSeverity? Resolve(ToneDiagnostic diagnostic)
    {
        bool configured = Rules.ContainsKey(diagnostic.Descriptor.Id) || Rules.ContainsKey(diagnostic.Descriptor.Category);
        DiagnosticSeverity? severity = GetSeverity(diagnostic.Descriptor);
        return configured || severity is null || diagnostic.Severity == diagnostic.Descriptor.DefaultSeverity ? severity : diagnostic.Severity;
    }

    /// <summary>The conversion options implied by these options.</summary>
    public ConversionOptions Conversion => new() { CapitalizeDu = CapitalizeDu, Audience = Audience, Salutations = Salutations };

    /// <summary>Parses off, hint, information (or info, suggestion), warning or error.</summary>
    public static RuleSetting? ParseSetting(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "off" or "none" or "false" => RuleSetting.Off,
        "hint" => RuleSetting.Hint,
        "information" or "info" or "suggestion" => RuleSetting.Information,
        "warning" or "warn" => RuleSetting.Warning,
        "error" => RuleSetting.Error,
        _ => null,
    };
}

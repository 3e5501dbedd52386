using System.Text.Json;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Documents;

namespace ToneLsp.Server;

/// <summary>The client's <c>tonelsp</c> settings section, read leniently: unknown or invalid values are reported and ignored.</summary>
public sealed record ServerSettings(bool Enable, ToneOptions Options)
{
    /// <summary>Settings with every default.</summary>
    public static ServerSettings Default { get; } = new(true, ToneOptions.Default);

    /// <summary>A pull result ID for findings made from inputs with the given ID under these settings (checking off reports none).</summary>
    public string ResultIdFor(string inputs) => Enable ? inputs : inputs + "-off";

    /// <summary>
    /// Reads settings from a JSON object; <paramref name="warnings"/> receives what was ignored. The editor's locale
    /// (<c>initialize</c>'s <c>locale</c>) is the message language where auto finds no template language.
    /// </summary>
    public static ServerSettings Parse(JsonElement? element, List<string> warnings, Language? editorLanguage = null)
    {
        ServerSettings settings = Parse(element, warnings);
        return settings with { Options = settings.Options with { FallbackMessages = editorLanguage } };
    }

    private static ServerSettings Parse(JsonElement? element, List<string> warnings)
    {
        if (element is not { ValueKind: JsonValueKind.Object } settings)
        {
            return Default;
        }

        // Accept both { "tonelsp": { … } } and the section itself.
        if (settings.TryGetProperty("tonelsp", out JsonElement section) && section.ValueKind == JsonValueKind.Object)
        {
            settings = section;
        }

        bool enable = true;
        var options = ToneOptions.Default;
        foreach (JsonProperty property in settings.EnumerateObject())
        {
            JsonElement value = property.Value;
            switch (property.Name)
            {
                case "enable":
                    enable = value.ValueKind != JsonValueKind.False;
                    break;
                case "defaultAddressForm" or "addressForm":
                    if (value.ValueKind == JsonValueKind.String && AddressFormNames.Parse(value.GetString()) is { } form)
                    {
                        options = options with { DefaultAddressForm = form };
                    }
                    else if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.String) || !string.IsNullOrEmpty(value.GetString()) && value.GetString() != "mirror")
                    {
                        warnings.Add($"tonelsp.{property.Name} must be \"du\", \"sie\" or \"mirror\"; ignored.");
                    }

                    break;
                case "defaultLanguage" or "language":
                    string? language = value.ValueKind == JsonValueKind.String ? value.GetString()?.ToLowerInvariant() : null;
                    if (language is "de" or "en")
                    {
                        options = options with { DefaultLanguage = language == "de" ? Language.German : Language.English };
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        warnings.Add($"tonelsp.{property.Name} must be \"de\" or \"en\"; ignored.");
                    }

                    break;
                case "humorAllowed" or "humourAllowed":
                    options = options with { HumorAllowed = value.ValueKind == JsonValueKind.True };
                    break;
                case "messages":
                    string? messages = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    if (messages is not null && Core.Diagnostics.Messages.ParseChoice(messages) is { } choice)
                    {
                        options = options with { Messages = choice };
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        warnings.Add($"tonelsp.{property.Name} must be \"auto\", \"de\" or \"en\"; ignored.");
                    }

                    break;
                case "capitalizeDu":
                    options = options with { CapitalizeDu = value.ValueKind == JsonValueKind.True };
                    break;
                case "rules" or "severity":
                    options = options with { Rules = ReadRules(value, warnings) };
                    break;
            }
        }

        return new ServerSettings(enable, options);
    }

    private static Dictionary<string, RuleSetting> ReadRules(JsonElement value, List<string> warnings)
    {
        var rules = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);
        if (value.ValueKind != JsonValueKind.Object)
        {
            if (value.ValueKind != JsonValueKind.Null)
            {
                warnings.Add("tonelsp.rules must be an object such as { \"TONE001\": \"off\" }; ignored.");
            }

            return rules;
        }

        foreach (JsonProperty rule in value.EnumerateObject())
        {
            if (ToneOptions.ParseSetting(rule.Value.ValueKind == JsonValueKind.String ? rule.Value.GetString() : null) is { } setting)
            {
                rules[rule.Name] = setting;
            }
            else
            {
                warnings.Add($"tonelsp.rules.{rule.Name} must be off, hint, information, warning or error; ignored.");
            }
        }

        return rules;
    }
}

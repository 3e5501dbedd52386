using ToneLsp.Core.AddressForms;
using System.Globalization;
using System.Text.RegularExpressions;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Rules;
using ToneLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ToneLsp.Core.Configuration;

/// <summary>
/// Reads <c>.tonelsp.yaml</c>. Never throws: every problem becomes a <see cref="ConfigurationError"/> with its line,
/// and the parts that are valid still apply, so a typo never silently switches checking off.
/// </summary>
public static partial class ConfigurationParser
{
    /// <summary>The file name looked for in each directory.</summary>
    public const string FileName = ".tonelsp.yaml";

    private static readonly string[] TopLevelKeys = ["brand", "channels", "rules", "phrases", "accept", "include", "exclude"];
    private static readonly string[] TonalityKeys = ["language", "address", "capitalizeDu", "audience", "humor", "emoji", "greeting", "closing", "messages", "register", "maxLength", "placeholderLength", "salutations"];

    // The built-in rule IDs and categories, which rules: may name.
    // Known without building an engine: the command line's interpreted engine and the server's compiled one need not load twice.
    private static readonly Lazy<HashSet<string>> KnownRuleKeys = new(() =>
    {
        HashSet<string> keys = BuiltInRules.RuleKeys();
        keys.Add("team");
        return keys;
    });

    /// <summary>Parses a configuration file's text.</summary>
    public static (ToneConfiguration Configuration, IReadOnlyList<ConfigurationError> Errors) Parse(string yaml, string source)
    {
        yaml ??= string.Empty;
        var errors = new List<ConfigurationError>();
        YamlMappingNode? root;
        var (document, error) = Load(yaml, source);
        if (error is null)
        {
            if (document is null)
            {
                return (ToneConfiguration.Empty with { Source = source }, errors);
            }

            root = document.RootNode as YamlMappingNode;
            if (root is null && document.RootNode is not YamlScalarNode { Value: null or "" })
            {
                errors.Add(Error(source, document.RootNode, Messages.ConfigNotMapping));
            }
        }
        else
        {
            root = LoadSections(yaml, source, error, errors);
        }

        if (root is null)
        {
            return (ToneConfiguration.Empty with { Source = source }, errors);
        }

        var reader = new Reader(source, errors);
        foreach (var (keyNode, value) in root.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!TopLevelKeys.Contains(key))
            {
                errors.Add(Error(source, keyNode, Messages.ConfigUnknownKey, key, Suggest(key, TopLevelKeys), string.Join(", ", TopLevelKeys)));
            }
        }

        var configuration = new ToneConfiguration
        {
            Source = source,
            Brand = reader.Tonality(Child(root, "brand")),
            Channels = reader.Channels(Child(root, "channels")),
            Rules = reader.Rules(Child(root, "rules")),
            TeamRules = reader.TeamRules(Child(root, "phrases")),
            Accept = reader.Strings(Child(root, "accept"), "accept"),
            Include = reader.Globs(Child(root, "include"), "include"),
            Exclude = reader.Globs(Child(root, "exclude"), "exclude"),
        };
        reader.UnknownRules(Child(root, "rules"), configuration.TeamRules);
        return (configuration, errors);
    }

    /// <summary>Loads the first YAML document of the text, or says why it cannot: too deep, or not valid YAML.</summary>
    private static (YamlDocument? Document, ConfigurationError? Error) Load(string yaml, string source)
    {
        if (YamlDepth.FindTooDeep(yaml) is >= 0 and int deep)
        {
            var (line, column) = YamlDepth.Position(yaml, deep);
            return (null, ConfigurationError.Of(source, line, column, Messages.ConfigTooDeep, YamlDepth.Limit));
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return (stream.Documents.Count > 0 ? stream.Documents[0] : null, null);
        }
        catch (YamlException exception)
        {
            return (null, ConfigurationError.Of(source, Math.Max(1, (int)exception.Start.Line), Math.Max(1, (int)exception.Start.Column), Messages.ConfigNotYaml, FirstLine(exception.Message)));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // YamlDotNet also throws InvalidOperationException and ArgumentException on some broken input, without a position.
            return (null, ConfigurationError.Of(source, 0, 0, Messages.ConfigNotYamlUnclosed, FirstLine(exception.Message)));
        }
    }

    /// <summary>
    /// After a YAML error, reads each top-level section (a line <c>key:</c> at column 0 and the lines below it) on its
    /// own, so the valid sections still apply and the broken one is reported at its own lines.
    /// </summary>
    private static YamlMappingNode? LoadSections(string yaml, string source, ConfigurationError wholeError, List<ConfigurationError> errors)
    {
        List<(int FirstLine, int Start)> sections = [];
        int lineNumber = 1;
        for (int start = 0; start <= yaml.Length; lineNumber++)
        {
            int end = yaml.IndexOf('\n', start);
            if (SectionKey().IsMatch(yaml.AsSpan(start, (end < 0 ? yaml.Length : end) - start)))
            {
                sections.Add((lineNumber, start));
            }

            start = end < 0 ? yaml.Length + 1 : end + 1;
        }

        // Text before the first key is read as a section of its own.
        if (sections.Count > 0 && sections[0].Start > 0 && HasContent(yaml.AsSpan(0, sections[0].Start)))
        {
            sections.Insert(0, (1, 0));
        }

        if (sections.Count < 2)
        {
            errors.Add(wholeError with { Line = Math.Max(1, wholeError.Line), Column = Math.Max(1, wholeError.Column) });
            return null;
        }

        var root = new YamlMappingNode();
        int reported = errors.Count;
        for (int i = 0; i < sections.Count; i++)
        {
            var (firstLine, start) = sections[i];
            int end = i + 1 < sections.Count ? sections[i + 1].Start : yaml.Length;
            int lastLine = firstLine + yaml.AsSpan(start, end - start).TrimEnd().Count('\n');

            // Blank lines before the section keep YamlDotNet's line numbers those of the file.
            string text = new string('\n', firstLine - 1) + yaml[start..end];
            var (document, error) = Load(text, source);
            if (error is not null)
            {
                int line = error.Line == 0 ? firstLine : Math.Clamp(error.Line, firstLine, lastLine);
                errors.Add(error with { Line = line, Column = line == error.Line ? Math.Max(1, error.Column) : 1 });
            }
            else if (document?.RootNode is YamlMappingNode section)
            {
                foreach (var (key, value) in section.Children)
                {
                    if (!root.Children.TryAdd(key, value))
                    {
                        errors.Add(Error(source, key, Messages.ConfigDuplicateKey, key));
                    }
                }
            }
            else if (document is not null && document.RootNode is not YamlScalarNode { Value: null or "" })
            {
                errors.Add(Error(source, document.RootNode, Messages.ConfigNotMapping));
            }
        }

        if (errors.Count == reported)
        {
            errors.Add(wholeError with { Line = Math.Max(1, wholeError.Line), Column = Math.Max(1, wholeError.Column) });
        }

        return root;
    }

    private static bool HasContent(ReadOnlySpan<char> text)
    {
        foreach (ReadOnlySpan<char> line in text.EnumerateLines())
        {
            ReadOnlySpan<char> trimmed = line.Trim();
            if (!trimmed.IsEmpty && trimmed[0] != '#' && trimmed[0] != '%' && !trimmed.SequenceEqual("---"))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.-]*[ \t]*:([ \t\r]|$)")]
    private static partial Regex SectionKey();

    [GeneratedRegex("^TEAM-[0-9A-F]{8}$", RegexOptions.IgnoreCase)]
    private static partial Regex TeamRuleId();

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static ConfigurationError Error(string source, YamlNode node, LocalText text, params object?[] arguments) =>
        ConfigurationError.Of(source, (int)node.Start.Line, (int)node.Start.Column, text, arguments);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    // " (did you mean 'address'?)" in the error's language, or nothing.
    private static LocalText Suggest(string key, IEnumerable<string> known) =>
        EditDistance.Closest(key, known) is { } best ? new LocalText(Messages.DidYouMean.En.Replace("{0}", best, StringComparison.Ordinal), Messages.DidYouMean.De.Replace("{0}", best, StringComparison.Ordinal)) : new LocalText(string.Empty, string.Empty);

    private sealed class Reader(string source, List<ConfigurationError> errors)
    {
        public Tonality Tonality(YamlNode? node, string context = "brand", bool allowPaths = false)
        {
            if (node is null)
            {
                return new Tonality();
            }

            if (node is not YamlMappingNode map)
            {
                errors.Add(Error(source, node, Messages.ConfigTonalityNotMapping, context, string.Join(", ", TonalityKeys)));
                return new Tonality();
            }

            foreach (var (keyNode, _) in map.Children)
            {
                string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!TonalityKeys.Contains(key) && !(allowPaths && key == "paths"))
                {
                    var known = allowPaths ? TonalityKeys.Append("paths") : TonalityKeys;
                    errors.Add(Error(source, keyNode, Messages.ConfigUnknownKeyIn, key, context, Suggest(key, known), string.Join(", ", known)));
                }
            }

            return new Tonality
            {
                Language = Enum<Language>(Child(map, "language"), context + ".language", new() { ["de"] = Language.German, ["en"] = Language.English }),
                Address = Enum<AddressPreference>(Child(map, "address"), context + ".address", new() { ["du"] = AddressPreference.Du, ["sie"] = AddressPreference.Sie, ["mirror"] = AddressPreference.Mirror }),
                CapitalizeDu = Bool(Child(map, "capitalizeDu"), context + ".capitalizeDu"),
                Audience = Enum<Audience>(Child(map, "audience"), context + ".audience", new() { ["singular"] = Audience.Singular, ["plural"] = Audience.Plural }),
                Humor = Bool(Child(map, "humor"), context + ".humor"),
                Emoji = Enum<EmojiPolicy>(Child(map, "emoji"), context + ".emoji", new() { ["allowed"] = EmojiPolicy.Allowed, ["avoid"] = EmojiPolicy.Avoid, ["forbidden"] = EmojiPolicy.Forbidden }),
                RequireGreeting = Required(Child(map, "greeting"), context + ".greeting"),
                RequireClosing = Required(Child(map, "closing"), context + ".closing"),
                Messages = Enum<MessageChoice>(Child(map, "messages"), context + ".messages", new() { ["auto"] = MessageChoice.Auto, ["de"] = MessageChoice.German, ["en"] = MessageChoice.English }),
                Registers = Registers(Child(map, "register"), context + ".register"),
                MaxLength = Count(Child(map, "maxLength"), context + ".maxLength", minimum: 1),
                PlaceholderLength = Count(Child(map, "placeholderLength"), context + ".placeholderLength", minimum: 0),
                Salutations = Salutations(Child(map, "salutations"), context + ".salutations"),
            };
        }

        public Dictionary<string, ChannelProfile> Channels(YamlNode? node)
        {
            var channels = new Dictionary<string, ChannelProfile>(StringComparer.OrdinalIgnoreCase);
            if (node is null)
            {
                return channels;
            }

            if (node is not YamlMappingNode map)
            {
                errors.Add(Error(source, node, Messages.ConfigChannelsNotMapping));
                return channels;
            }

            foreach (var (keyNode, value) in map.Children)
            {
                string name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                IReadOnlyList<Glob> paths = value is YamlMappingNode profile ? Globs(Child(profile, "paths"), $"channels.{name}.paths") : [];
                channels[name] = new ChannelProfile(name, Tonality(value, $"channels.{name}", allowPaths: true), paths);
            }

            return channels;
        }

        public Dictionary<string, RuleSetting> Rules(YamlNode? node)
        {
            var rules = new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);
            if (node is null)
            {
                return rules;
            }

            if (node is not YamlMappingNode map)
            {
                errors.Add(Error(source, node, Messages.ConfigRulesNotMapping));
                return rules;
            }

            foreach (var (keyNode, value) in map.Children)
            {
                string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                string? text = (value as YamlScalarNode)?.Value;
                if (ToneOptions.ParseSetting(text) is { } setting)
                {
                    rules[key] = setting;
                }
                else
                {
                    errors.Add(Error(source, value, Messages.ConfigNotASeverity, key, text));
                }
            }

            return rules;
        }

        /// <summary>
        /// Reports keys under rules: that name no rule or category (a key is either, see ToneOptions.GetSeverity). Team
        /// phrases in another .tonelsp.yaml may define any ID or category, so only TONE… IDs and lower-case near
        /// misses of a known name are reported.
        /// </summary>
        public void UnknownRules(YamlNode? node, IReadOnlyList<LexiconRule> teamRules)
        {
            if (node is not YamlMappingNode map)
            {
                return;
            }

            foreach (var (keyNode, _) in map.Children)
            {
                string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (KnownRuleKeys.Value.Contains(key) || TeamRuleId().IsMatch(key)
                    || teamRules.Any(r => string.Equals(r.Descriptor.Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Descriptor.Category, key, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                LocalText suggestion = Suggest(key, KnownRuleKeys.Value.Concat(teamRules.Select(r => r.Descriptor.Id)));
                if (key.StartsWith("TONE", StringComparison.OrdinalIgnoreCase) || (suggestion.En.Length > 0 && key == key.ToLowerInvariant()))
                {
                    errors.Add(Error(source, keyNode, Messages.ConfigUnknownRule, key, suggestion));
                }
            }
        }

        public List<LexiconRule> TeamRules(YamlNode? node)
        {
            var rules = new List<LexiconRule>();
            if (node is null)
            {
                return rules;
            }

            if (node is not YamlSequenceNode list)
            {
                errors.Add(Error(source, node, Messages.ConfigPhrasesNotList));
                return rules;
            }

            // The same schema and reader as the built-in lexicon files; only the IDs and the time bound differ.
            var lexiconErrors = new List<LexiconError>();
            foreach (YamlNode item in list)
            {
                if (LexiconLoader.ParseTeamRule(item, source, lexiconErrors) is { } rule)
                {
                    rules.Add(rule);
                }
            }

            errors.AddRange(lexiconErrors.Select(e => new ConfigurationError(source, e.Line, e.Column, e.Message)));
            return rules;
        }

        public List<string> Strings(YamlNode? node, string context)
        {
            if (node is null)
            {
                return [];
            }

            if (node is YamlSequenceNode list)
            {
                var items = new List<string>();
                foreach (YamlNode item in list)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        items.Add(text);
                    }
                    else
                    {
                        errors.Add(Error(source, item, Messages.ConfigEntryNotText, context));
                    }
                }

                return items;
            }

            errors.Add(Error(source, node, Messages.ConfigNotList, context));
            return [];
        }

        public List<Glob> Globs(YamlNode? node, string context) => [.. Strings(node, context).Select(g => new Glob(g))];

        private T? Enum<T>(YamlNode? node, string context, Dictionary<string, T> values)
            where T : struct
        {
            if (node is null)
            {
                return null;
            }

            string? text = (node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            if (text is not null && values.TryGetValue(text, out T value))
            {
                return value;
            }

            errors.Add(Error(source, node, Messages.ConfigNotAllowed, context, text, string.Join(", ", values.Keys)));
            return null;
        }

        // salutations: { de: { formal: { greeting: "Guten Tag", closing: "Freundliche Grüße" } } }
        private Dictionary<(Language, Text.Register), SalutationPair>? Salutations(YamlNode? node, string context)
        {
            if (node is null)
            {
                return null;
            }

            var result = new Dictionary<(Language, Text.Register), SalutationPair>();
            if (node is not YamlMappingNode languages)
            {
                errors.Add(Error(source, node, Messages.ConfigSalutationsNotMapping, context));
                return null;
            }

            foreach (var (languageNode, registersNode) in languages.Children)
            {
                string languageName = (languageNode as YamlScalarNode)?.Value ?? string.Empty;
                Language? language = languageName switch { "de" => Language.German, "en" => Language.English, _ => null };
                if (language is null || registersNode is not YamlMappingNode registers)
                {
                    errors.Add(language is null
                        ? Error(source, languageNode, Messages.ConfigNotALanguage, context, languageName)
                        : Error(source, registersNode, Messages.ConfigRegistersNotMapping, context + "." + languageName));
                    continue;
                }

                foreach (var (registerNode, pairNode) in registers.Children)
                {
                    string registerName = (registerNode as YamlScalarNode)?.Value ?? string.Empty;
                    string where = $"{context}.{languageName}.{registerName}";
                    if (ToneLsp.Core.Tonality.RegisterDetector.ParseRegister(registerName) is not { } register)
                    {
                        errors.Add(Error(source, registerNode, Messages.ConfigNotARegister, context + "." + languageName, registerName, Suggest(registerName, ["formal", "neutral", "casual"])));
                        continue;
                    }

                    if (pairNode is not YamlMappingNode pair || pair.Children.Keys.Any(k => (k as YamlScalarNode)?.Value is not ("greeting" or "closing")))
                    {
                        errors.Add(Error(source, pairNode, Messages.ConfigSalutationPair, where));
                        continue;
                    }

                    string? greeting = Scalar(pair, "greeting")?.Trim();
                    string? closing = Scalar(pair, "closing")?.Trim();
                    result[(language.Value, register)] = new SalutationPair(string.IsNullOrEmpty(greeting) ? null : greeting, string.IsNullOrEmpty(closing) ? null : closing);
                }
            }

            return result.Count > 0 ? result : null;
        }

        // One register or a list of them: `register: casual`, `register: [neutral, casual]`.
        private IReadOnlyList<Text.Register>? Registers(YamlNode? node, string context)
        {
            if (node is null)
            {
                return null;
            }

            IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : [node];
            var registers = new List<Text.Register>();
            foreach (YamlNode item in items)
            {
                string? text = (item as YamlScalarNode)?.Value;
                if (ToneLsp.Core.Tonality.RegisterDetector.ParseRegister(text) is { } register)
                {
                    if (!registers.Contains(register))
                    {
                        registers.Add(register);
                    }
                }
                else
                {
                    errors.Add(Error(source, item, Messages.ConfigNotARegister, context, text, Suggest(text ?? string.Empty, ["formal", "neutral", "casual"])));
                }
            }

            return registers.Count > 0 ? registers : null;
        }

        private int? Count(YamlNode? node, string context, int minimum)
        {
            if (node is null)
            {
                return null;
            }

            string? text = (node as YamlScalarNode)?.Value?.Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= minimum)
            {
                return value;
            }

            errors.Add(Error(source, node, Messages.ConfigNotACount, context, text, minimum));
            return null;
        }

        private bool? Bool(YamlNode? node, string context)
        {
            if (node is null)
            {
                return null;
            }

            string? text = (node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            if (text is "true" or "yes" or "on")
            {
                return true;
            }

            if (text is "false" or "no" or "off")
            {
                return false;
            }

            errors.Add(Error(source, node, Messages.ConfigNotBoolean, context, text));
            return null;
        }

        private bool? Required(YamlNode? node, string context)
        {
            if (node is null)
            {
                return null;
            }

            string? text = (node as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            return text switch
            {
                "required" or "true" or "yes" => true,
                "optional" or "false" or "no" => false,
                _ => Invalid(),
            };

            bool? Invalid()
            {
                errors.Add(Error(source, node, Messages.ConfigNotRequired, context, text));
                return null;
            }
        }

        private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
    }
}

using System.Reflection;
using System.Text.RegularExpressions;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ToneLsp.Core.Rules;

/// <summary>An error in a lexicon file, with its location.</summary>
public sealed record LexiconError(string Source, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}

/// <summary>
/// Reads lexicon files: YAML documents that define one phrase rule each. The built-in ones are
/// embedded in this assembly; hosts may pass others as text.
/// </summary>
public static partial class LexiconLoader
{
    private const string ResourcePrefix = "ToneLsp.Core.Lexicon.";

    /// <summary>The built-in lexicon rules. Errors in built-in files are bugs, caught by the test suite.</summary>
    public static IReadOnlyList<LexiconRule> BuiltIn => LazyBuiltIn.Value.Rules;

    /// <summary>Errors found in the built-in files; empty in a correct build.</summary>
    public static IReadOnlyList<LexiconError> BuiltInErrors => LazyBuiltIn.Value.Errors;

    /// <summary>Whether the built-in rules were read from the precompiled catalogue rather than from their YAML files.</summary>
    public static bool BuiltInFromCatalogue => LazyBuiltIn.Value.FromCatalogue;

    private static readonly Lazy<(IReadOnlyList<LexiconRule> Rules, IReadOnlyList<LexiconError> Errors, bool FromCatalogue)> LazyBuiltIn = new(() => LoadBuiltIn(PhraseExpressions.Compiled));
    private static readonly Lazy<(IReadOnlyList<LexiconRule> Rules, IReadOnlyList<LexiconError> Errors, bool FromCatalogue)> LazyBuiltInInterpreted = new(() => LoadBuiltIn(PhraseExpressions.Interpreted));

    /// <summary>The built-in phrase rules with their expressions run as <paramref name="expressions"/> says.</summary>
    public static IReadOnlyList<LexiconRule> BuiltInFor(PhraseExpressions expressions) =>
        (expressions == PhraseExpressions.Interpreted ? LazyBuiltInInterpreted : LazyBuiltIn).Value.Rules;

    /// <summary>The <c>id</c> and <c>category</c> of every built-in lexicon file, read from their header lines alone.</summary>
    public static IEnumerable<string> BuiltInRuleKeys()
    {
        Assembly assembly = typeof(LexiconLoader).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using Stream? stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            for (string? line = reader.ReadLine(); line is not null && !line.StartsWith("phrases:", StringComparison.Ordinal); line = reader.ReadLine())
            {
                if (line.StartsWith("id:", StringComparison.Ordinal) || line.StartsWith("category:", StringComparison.Ordinal))
                {
                    yield return line[(line.IndexOf(':') + 1)..].Trim().Trim('"', '\'');
                }
            }
        }
    }

    /// <summary>Parses one lexicon file. Never throws; problems are returned as errors with line numbers.</summary>
    public static (LexiconRule? Rule, IReadOnlyList<LexiconError> Errors) Parse(string yaml, string sourceName) =>
        Parse(yaml, sourceName, PhraseReading.BuiltIn);

    // Built-in phrases are checked by their own test lines, so their expressions may wait for first use.
    private static (LexiconRule? Rule, IReadOnlyList<LexiconError> Errors) Parse(string yaml, string sourceName, PhraseReading reading)
    {
        var errors = new List<LexiconError>();
        YamlMappingNode? root = LoadMapping(yaml, sourceName, errors);
        if (root is null)
        {
            return (null, errors);
        }

        CheckKeys(root, RuleKeys, sourceName, "a lexicon file", errors);
        string? id = Scalar(root, "id");
        string? category = Scalar(root, "category");
        RuleSetting? severity = ToneOptions.ParseSetting(Scalar(root, "severity"));
        foreach (var (name, value) in new[] { ("id", id), ("category", category) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(Error(sourceName, root, $"Missing required key '{name}'."));
            }
        }

        // What the rule says is given in both languages: "title: {en: …, de: …}", the same placeholders in each.
        LocalText? title = Bilingual(root, "title", sourceName, errors);
        LocalText? message = Bilingual(root, "message", sourceName, errors);
        LocalText? help = Bilingual(root, "help", sourceName, errors);
        LocalText? example = Bilingual(root, "example", sourceName, errors);
        if (severity is null or RuleSetting.Off)
        {
            errors.Add(Error(sourceName, root, "Key 'severity' must be one of hint, information, warning, error."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var descriptor = new DiagnosticDescriptor(id!, category!, ToSeverity(severity!.Value),
            new RuleTexts(title!.En, message!.En, help!.En.Trim(), example!.En.Trim()),
            new RuleTexts(title.De, message.De, help.De.Trim(), example.De.Trim()));
        var phrases = new List<LexiconPhrase>();
        if (root.Children.TryGetValue(new YamlScalarNode("phrases"), out YamlNode? list) && list is YamlSequenceNode sequence)
        {
            foreach (YamlNode node in sequence)
            {
                phrases.AddRange(ParsePhrase(node, sourceName, errors, reading));
            }
        }
        else
        {
            errors.Add(Error(sourceName, root, "Missing list 'phrases'."));
        }

        return (new LexiconRule(descriptor, phrases, sourceName, List(root, "skipChannels"), AlongsideHelp(root, sourceName, errors)), errors);
    }

    // One reader for every phrase, built-in or a team's: the same keys, pattern language, exceptions and rewrites.
    private static IReadOnlyList<LexiconPhrase> ParsePhrase(YamlNode node, string sourceName, List<LexiconError> errors, PhraseReading reading)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(sourceName, node, "Each phrase must be a mapping with 'lang' and 'match'."));
            return [];
        }

        CheckKeys(map, reading.Keys, sourceName, "a phrase", errors);
        string? pattern = Scalar(map, "match");
        string? lang = Scalar(map, "lang")?.Trim().ToLowerInvariant();
        Language[]? languages = lang switch
        {
            "de" => [Language.German],
            "en" => [Language.English],
            null or "" or "any" when reading.LanguageOptional => [Language.German, Language.English],
            _ => null,
        };
        if (languages is null || string.IsNullOrWhiteSpace(pattern))
        {
            errors.Add(Error(sourceName, Child(map, "lang") ?? map, reading.LanguageOptional
                ? $"A phrase needs a non-empty 'match'{(languages is null ? $", and 'lang' is de, en or any, not '{lang}'" : "")}."
                : "A phrase needs 'lang: de|en' and a non-empty 'match'."));
            return [];
        }

        RewriteScope Invalid(string value)
        {
            errors.Add(Error(sourceName, map, $"Unknown scope '{value}'; use 'match' or 'sentence'."));
            return RewriteScope.Match;
        }

        Lazy<Regex> regex;
        IReadOnlyList<IReadOnlyList<string>> anchors;
        IReadOnlyList<PhrasePart>? parts = null;
        try
        {
            // The pattern is checked now and compiled on first use (compiled matching takes a third less time per
            // keystroke, but compiling every phrase up front cost about 30 ms of start-up). Where compilation is
            // deferred, so is building the expression's source: only the anchors are needed before a phrase runs,
            // and most phrases never run on a given template (the source of all built-in phrases is 1.5 MB).
            RegexOptions options = reading.RegexOptions;
            (Lazy<Regex> Matcher, IReadOnlyList<IReadOnlyList<string>> Anchors) Prepare(string source)
            {
                if (reading.DeferCompilation)
                {
                    return (DeferredMatcher(source, reading), PhrasePattern.Anchors(source));
                }

                var (expression, sourceAnchors) = PhrasePattern.Translate(source);
                return (new Lazy<Regex>(() => new Regex(expression, options, reading.MatchTimeout)), sourceAnchors);
            }

            (regex, anchors) = Prepare(pattern);

            // A pattern that is one alternation of whole phrases runs as its parts: each has its own anchors, so it
            // runs only where its own words occur, and a small expression finds its start far faster than a big one.
            var alternatives = PhrasePattern.TopLevelAlternatives(pattern);
            if (alternatives.Count > 1)
            {
                var prepared = alternatives.Select(Prepare).ToList();
                if (prepared.All(t => t.Anchors.Count > 0))
                {
                    parts = [.. prepared.Select((t, i) => Part(t.Matcher, t.Anchors, alternatives[i], reading))];
                }
            }

            if (!reading.DeferCompilation)
            {
                _ = regex.Value;
                foreach (PhrasePart part in parts ?? [])
                {
                    _ = part.Matcher.Value;
                }
            }
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            errors.Add(Error(sourceName, Child(map, "match") ?? map, $"Invalid pattern '{pattern}': {exception.Message}"));
            return [];
        }

        var rewrites = new List<LexiconRewrite>();
        if (map.Children.TryGetValue(new YamlScalarNode("rewrite"), out YamlNode? rewriteNode) ||
            (reading.LanguageOptional && map.Children.TryGetValue(new YamlScalarNode("replace"), out rewriteNode)))
        {
            IEnumerable<YamlNode> items = rewriteNode is YamlSequenceNode rs ? rs.Children : [rewriteNode];
            foreach (YamlNode item in items)
            {
                switch (item)
                {
                    case YamlScalarNode scalar:
                        rewrites.Add(new LexiconRewrite(scalar.Value ?? string.Empty, null, null));
                        break;
                    case YamlMappingNode variants when Scalar(variants, "use") is { } name:
                        CheckKeys(variants, ["use"], sourceName, "a shared rewrite", errors);
                        if (SharedRewrites.Value.TryGetValue(name, out LexiconRewrite? shared))
                        {
                            rewrites.Add(shared);
                        }
                        else
                        {
                            errors.Add(Error(sourceName, variants, $"Unknown shared rewrite '{name}'{EditDistance.DidYouMean(name, SharedRewrites.Value.Keys)}; they are defined in Rules/Rewrites/rewrites.yaml."));
                        }

                        break;
                    case YamlMappingNode variants:
                        CheckKeys(variants, RewriteKeys, sourceName, "a rewrite", errors);
                        rewrites.Add(new LexiconRewrite(Scalar(variants, "text"), Scalar(variants, "du"), Scalar(variants, "sie")));
                        break;
                    default:
                        errors.Add(Error(sourceName, item, "A rewrite is a text or a mapping with 'du' and 'sie'."));
                        break;
                }
            }
        }

        // Exceptions are checked now and built when their phrase first matches (where compilation is deferred, their
        // source is built then too).
        var unlessPatterns = new List<string>();
        var unlessWritten = new List<string>();
        foreach (string exception in List(map, "unless"))
        {
            try
            {
                _ = reading.DeferCompilation ? PhrasePattern.Anchors(exception) : null;
                unlessPatterns.Add(reading.DeferCompilation ? exception : PhrasePattern.ToRegex(exception));
                unlessWritten.Add(exception);
            }
            catch (Exception error) when (error is FormatException or ArgumentException)
            {
                errors.Add(Error(sourceName, map, $"Invalid 'unless' pattern '{exception}': {error.Message}"));
            }
        }

        Lazy<IReadOnlyList<Regex>> unless = UnlessMatchers(unlessPatterns, reading);
        if (!reading.DeferCompilation)
        {
            _ = unless.Value;
        }

        RewriteScope scope = Scalar(map, "scope")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "match" => RewriteScope.Match,
            "sentence" => RewriteScope.Sentence,
            var other => Invalid(other),
        };

        SubjectConstraint subject = Scalar(map, "subject")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "any" => SubjectConstraint.Any,
            "reader" => SubjectConstraint.Reader,
            "not-reader" => SubjectConstraint.NotReader,
            var other => InvalidSubject(other),
        };

        SubjectConstraint InvalidSubject(string value)
        {
            errors.Add(Error(sourceName, Child(map, "subject") ?? map, $"Unknown subject '{value}'; use reader, not-reader or any."));
            return SubjectConstraint.Any;
        }

        string? message = reading.LanguageOptional ? null : Scalar(map, "message");
        return [.. languages.Select(language => new LexiconPhrase(language, pattern, regex, anchors, message, scope, rewrites, unless, List(map, "flag"), List(map, "pass"), (int)map.Start.Line) { Subject = subject, Parts = parts ?? [Part(regex, anchors, pattern, reading)], UnlessPatterns = unlessWritten })];
    }

    // A part of a phrase, with where its matches can begin (found from its pattern when it first runs).
    private static PhrasePart Part(Lazy<Regex> matcher, IReadOnlyList<IReadOnlyList<string>> anchors, string source, PhraseReading reading) =>
        new(matcher, anchors)
        {
            Start = new Lazy<PhraseStart?>(() => PhraseStart.For(source, () => PhrasePattern.Translate(source).Regex, reading.RegexOptions, reading.MatchTimeout)),
        };

    // The expression of a phrase whose compilation is deferred: its source is built from the pattern on first use too.
    private static Lazy<Regex> DeferredMatcher(string pattern, PhraseReading reading) =>
        new(() => new Regex(PhrasePattern.Translate(pattern).Regex, reading.RegexOptions, reading.MatchTimeout));

    // The exceptions of a phrase, built when it first matches: from their patterns where compilation is deferred, else
    // from their regular-expression source; compiled as the phrases are, since they run on every match.
    private static Lazy<IReadOnlyList<Regex>> UnlessMatchers(IReadOnlyList<string> patterns, PhraseReading reading) =>
        new(() => [.. patterns.Select(source => new Regex(reading.DeferCompilation ? PhrasePattern.ToRegex(source) : source, reading.RegexOptions, reading.MatchTimeout))]);

    /// <summary>
    /// How long one match of a team's pattern may take before it is abandoned (a pathological pattern cannot hang
    /// analysis). Generous, because the bound is wall-clock time and a busy machine may pause a thread for a while.
    /// </summary>
    public static readonly TimeSpan TeamMatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Reads one of a team's own phrases (the <c>phrases:</c> list of <c>.tonelsp.yaml</c>) with the schema of a built-in
    /// phrase (<c>match</c>, <c>unless</c>, <c>scope</c>, <c>rewrite</c>, <c>flag</c>, <c>pass</c>; <c>lang</c> may be
    /// omitted for both languages) and the keys of a rule (<c>id</c>, <c>category</c>, <c>severity</c>, <c>message</c>,
    /// <c>help</c>); <c>replace</c> is another name for <c>rewrite</c>. The ID is the given one or derived from the
    /// phrase's content (<see cref="TeamRuleId"/>), so it stays when phrases are added or reordered. Returns null when the
    /// phrase is invalid (with errors) or switched off.
    /// </summary>
    public static LexiconRule? ParseTeamRule(YamlNode node, string sourceName, List<LexiconError> errors)
    {
        IReadOnlyList<LexiconPhrase> phrases = ParsePhrase(node, sourceName, errors, PhraseReading.Team);
        if (phrases.Count == 0 || node is not YamlMappingNode map)
        {
            return null;
        }

        // One text for both message languages, or {en: …, de: …} for a team that writes both.
        LocalText? message = Child(map, "message") is YamlMappingNode
            ? Bilingual(map, "message", sourceName, errors)
            : Scalar(map, "message") is { Length: > 0 } single && !string.IsNullOrWhiteSpace(single) ? new LocalText(single, single) : null;
        if (message is null)
        {
            if (Child(map, "message") is not YamlMappingNode)
            {
                errors.Add(Error(sourceName, map, "A phrase needs a 'message': what the writer should know or do."));
            }

            return null;
        }

        LocalText help = Child(map, "help") is YamlMappingNode
            ? Bilingual(map, "help", sourceName, errors) ?? message
            : Scalar(map, "help") is { Length: > 0 } singleHelp ? new LocalText(singleHelp, singleHelp)
            : new LocalText($"{message.En} ({sourceName})", $"{message.De} ({sourceName})");

        string? given = Scalar(map, "severity");
        RuleSetting? severity = given is null ? RuleSetting.Warning : ToneOptions.ParseSetting(given);
        if (severity is null)
        {
            errors.Add(Error(sourceName, Child(map, "severity")!, $"'{given}' is not a severity; use off, hint, information, warning or error."));
            return null;
        }

        if (severity == RuleSetting.Off)
        {
            return null;
        }

        string id = Scalar(map, "id") is { Length: > 0 } explicitId ? explicitId : TeamRuleId(phrases[0].Pattern, Scalar(map, "lang"));
        var descriptor = new DiagnosticDescriptor(id, Scalar(map, "category") ?? "team", ToSeverity(severity.Value),
            new RuleTexts(message.En, message.En, help.En, string.Empty),
            new RuleTexts(message.De, message.De, help.De, string.Empty));
        return new LexiconRule(descriptor, phrases, sourceName, [], AlongsideHelp(map, sourceName, errors));
    }

    // "alongsideHelp: hint": the severity of a finding where the reply also helps in a clause of its own (ReplyHelp).
    private static DiagnosticSeverity? AlongsideHelp(YamlMappingNode map, string sourceName, List<LexiconError> errors)
    {
        if (Scalar(map, "alongsideHelp") is not { } given)
        {
            return null;
        }

        if (ToneOptions.ParseSetting(given) is RuleSetting setting and not RuleSetting.Off)
        {
            return ToSeverity(setting);
        }

        errors.Add(Error(sourceName, Child(map, "alongsideHelp") ?? map, $"'{given}' is not a severity for 'alongsideHelp'; use hint, information, warning or error."));
        return null;
    }

    /// <summary>The ID of a team phrase without an <c>id:</c>: <c>TEAM-</c> and eight hex digits of the SHA-1 of its pattern and language.</summary>
    public static string TeamRuleId(string pattern, string? language)
    {
        string content = $"{(language ?? "any").Trim().ToLowerInvariant()}\n{pattern.Trim()}";
        byte[] hash = System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(content));
        return "TEAM-" + Convert.ToHexString(hash, 0, 4);
    }

    // How a phrase is read: built-in phrases may be compiled on first use and are not bounded in time (their own test
    // lines check them); a team's phrase is compiled at once, so an error shows on load, and each match is bounded.
    // A team's expressions are interpreted: a handful of them gains little from compiling, and compiled code is
    // generated on the first match, whose time would count against the bound.
    private sealed record PhraseReading(bool DeferCompilation, TimeSpan MatchTimeout, bool LanguageOptional, string[] Keys, bool Interpreted = false)
    {
        public static readonly PhraseReading BuiltIn = new(false, Regex.InfiniteMatchTimeout, false, PhraseKeys);
        public static readonly PhraseReading BuiltInDeferred = BuiltIn with { DeferCompilation = true };
        public static readonly PhraseReading Team = new(false, TeamMatchTimeout, true, TeamPhraseKeys, Interpreted: true);

        /// <summary>The options of the phrases' expressions and their exceptions.</summary>
        public RegexOptions RegexOptions => PhrasePattern.Options | (Interpreted ? RegexOptions.None : RegexOptions.Compiled);
    }

    /// <summary>The rewrites several phrases share (<c>rewrite: [{use: direct-message}]</c>), from <c>Rules/Rewrites/*.yaml</c>.</summary>
    public static IReadOnlyDictionary<string, LexiconRewrite> SharedRewriteCatalog => SharedRewrites.Value;

    private static readonly Lazy<Dictionary<string, LexiconRewrite>> SharedRewrites = new(LoadSharedRewrites);

    private static Dictionary<string, LexiconRewrite> LoadSharedRewrites()
    {
        var shared = new Dictionary<string, LexiconRewrite>(StringComparer.Ordinal);
        Assembly assembly = typeof(LexiconLoader).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ToneLsp.Core.Rewrites.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var errors = new List<LexiconError>();
            if (LoadMapping(reader.ReadToEnd(), name, errors) is { } root && root.Children.TryGetValue(new YamlScalarNode("rewrites"), out YamlNode? node) && node is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } id } && value is YamlMappingNode variants)
                    {
                        shared[id] = new LexiconRewrite(Scalar(variants, "text"), Scalar(variants, "du"), Scalar(variants, "sie"));
                    }
                }
            }
        }

        return shared;
    }

    // The precompiled catalogue when it was made from the YAML files this build embeds, else the YAML files themselves.
    private static (IReadOnlyList<LexiconRule>, IReadOnlyList<LexiconError>, bool) LoadBuiltIn(PhraseExpressions expressions)
    {
        if (ReadCatalogue(EmbeddedCatalogue(), BuiltInSourceHash(), expressions) is { } rules)
        {
            return (rules, [], true);
        }

        var (fromYaml, errors) = LoadBuiltInFromYaml(expressions);
        return (fromYaml, errors, false);
    }

    /// <summary>The built-in rules parsed from their YAML files, the source of truth the catalogue is made from.</summary>
    internal static (IReadOnlyList<LexiconRule> Rules, IReadOnlyList<LexiconError> Errors) LoadBuiltInFromYaml(PhraseExpressions expressions)
    {
        PhraseReading reading = BuiltInReading(expressions);
        var rules = new List<LexiconRule>();
        var errors = new List<LexiconError>();
        Assembly assembly = typeof(LexiconLoader).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream? stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            var (rule, fileErrors) = Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..], reading);
            errors.AddRange(fileErrors);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return (rules, errors);
    }

    private static PhraseReading BuiltInReading(PhraseExpressions expressions) =>
        PhraseReading.BuiltInDeferred with { Interpreted = expressions == PhraseExpressions.Interpreted };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static IReadOnlyList<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList()
            : [];

    private static DiagnosticSeverity ToSeverity(RuleSetting setting) => setting switch
    {
        RuleSetting.Hint => DiagnosticSeverity.Hint,
        RuleSetting.Information => DiagnosticSeverity.Information,
        RuleSetting.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Error,
    };

    /// <summary>The root mapping of a YAML file, or null with the error (a syntax error with its position, or not a mapping).</summary>
    internal static YamlMappingNode? LoadMapping(string yaml, string sourceName, List<LexiconError> errors)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }
        }
        catch (YamlException exception)
        {
            errors.Add(new LexiconError(sourceName, (int)exception.Start.Line, (int)exception.Start.Column, exception.Message));
            return null;
        }

        errors.Add(new LexiconError(sourceName, 1, 1, "The file must be a YAML mapping."));
        return null;
    }

    private static readonly string[] RuleKeys = ["id", "category", "severity", "title", "message", "help", "example", "phrases", "skipChannels", "alongsideHelp"];
    private static readonly string[] LanguageKeys = ["en", "de"];

    // A text of a built-in rule in both languages: a mapping with non-empty 'en' and 'de' and nothing else, whose
    // {0}-style placeholders match.
    private static LocalText? Bilingual(YamlMappingNode root, string key, string sourceName, List<LexiconError> errors)
    {
        if (Child(root, key) is not { } node)
        {
            errors.Add(Error(sourceName, root, $"Missing required key '{key}' (a mapping with 'en' and 'de')."));
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(Error(sourceName, node, $"Key '{key}' must be a mapping with 'en' and 'de', such as '{key}: {{en: …, de: …}}'."));
            return null;
        }

        CheckKeys(map, LanguageKeys, sourceName, $"'{key}'", errors);
        string? en = Scalar(map, "en");
        string? de = Scalar(map, "de");
        if (string.IsNullOrWhiteSpace(en) || string.IsNullOrWhiteSpace(de))
        {
            errors.Add(Error(sourceName, map, $"Key '{key}' needs a non-empty text for both 'en' and 'de'."));
            return null;
        }

        if (!Placeholders(en).SequenceEqual(Placeholders(de)))
        {
            errors.Add(Error(sourceName, map, $"The placeholders of '{key}' differ between 'en' ({string.Join(", ", Placeholders(en))}) and 'de' ({string.Join(", ", Placeholders(de))})."));
            return null;
        }

        return new LocalText(en, de);
    }

    /// <summary>The distinct <c>{0}</c>-style placeholders of a format, sorted.</summary>
    public static IReadOnlyList<string> Placeholders(string format) =>
        [.. PlaceholderPattern().Matches(format).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
    private static readonly string[] PhraseKeys = ["lang", "match", "rewrite", "flag", "pass", "unless", "scope", "subject", "message"];
    private static readonly string[] TeamPhraseKeys = [.. PhraseKeys, "id", "category", "severity", "help", "replace", "alongsideHelp"];
    private static readonly string[] RewriteKeys = ["text", "du", "sie"];

    // "unles:" is an error with its line and "did you mean 'unless'?", not a key that is silently ignored.
    private static void CheckKeys(YamlMappingNode map, string[] known, string sourceName, string what, List<LexiconError> errors)
    {
        foreach (var (keyNode, _) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.Contains(key))
            {
                errors.Add(Error(sourceName, keyNode, $"Unknown key '{key}' in {what}{EditDistance.DidYouMean(key, known)}. Known keys: {string.Join(", ", known)}."));
            }
        }
    }

    private static LexiconError Error(string source, YamlNode node, string message) =>
        new(source, (int)node.Start.Line, (int)node.Start.Column, message);
}

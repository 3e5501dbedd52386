using System.Collections.Concurrent;
using System.Reflection;
using ToneLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ToneLsp.Core.Rules;

/// <summary>A word class shared by all phrase rules: its members and its own test lines.</summary>
/// <param name="Name">The name patterns refer to it by, as <c>{name}</c>.</param>
/// <param name="Members">Member patterns in the phrase pattern language.</param>
/// <param name="Flag">Lines that contain a member.</param>
/// <param name="Pass">Lines that contain none.</param>
/// <param name="Line">The line of the class in its file.</param>
public sealed record WordClass(string Name, IReadOnlyList<string> Members, IReadOnlyList<string> Flag, IReadOnlyList<string> Pass, int Line);

/// <summary>
/// The word classes defined once, in <c>Rules/WordClasses/*.yaml</c>, for every phrase rule (built-in and a team's own):
/// intensifiers, minimisers, modal particles, sources of information, verbs of not looking, feelings, praise.
/// A pattern uses a class as <c>{name}</c>; it matches any member.
/// </summary>
public static class WordClassCatalog
{
    private const string ResourcePrefix = "ToneLsp.Core.WordClasses.";
    private static readonly string[] ClassKeys = ["name", "members", "flag", "pass"];
    private static readonly Lazy<(IReadOnlyDictionary<string, WordClass> Classes, IReadOnlyList<LexiconError> Errors)> Loaded = new(LoadBuiltIn);
    private static readonly ConcurrentDictionary<string, (string Regex, IReadOnlyList<string>? Anchors)> Translated = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The built-in classes by name.</summary>
    public static IReadOnlyDictionary<string, WordClass> Classes => Loaded.Value.Classes;

    /// <summary>Errors in the built-in class files; empty in a correct build.</summary>
    public static IReadOnlyList<LexiconError> Errors => Loaded.Value.Errors;

    /// <summary>
    /// The regular expression of a class (an alternation of its members) and its anchors (every member's words, or
    /// null when a member has none); false for an unknown name.
    /// </summary>
    public static bool TryTranslate(string name, out string regex, out IReadOnlyList<string>? anchors)
    {
        regex = string.Empty;
        anchors = null;
        if (!Classes.TryGetValue(name, out WordClass? wordClass))
        {
            return false;
        }

        (regex, anchors) = Translated.GetOrAdd(wordClass.Name, _ => Translate(wordClass));
        return true;
    }

    /// <summary>A class's anchors without its regular expression (see <see cref="PhrasePattern.Anchors"/>); false for an unknown name.</summary>
    public static bool TryAnchors(string name, out IReadOnlyList<string>? anchors)
    {
        anchors = null;
        if (!Classes.TryGetValue(name, out WordClass? wordClass))
        {
            return false;
        }

        anchors = AnchorsOnly.GetOrAdd(wordClass.Name, _ => AnchorsOf(wordClass, member => PhrasePattern.Translate(member, allowClasses: false, buildRegex: false).Anchors));
        return true;
    }

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>?> AnchorsOnly = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The words a member of the class can begin with (see <see cref="PhrasePattern.FirstWords(string)"/>); null for an
    /// unknown name or when a member may begin otherwise.
    /// </summary>
    public static IReadOnlyList<string>? FirstWordsOf(string name) =>
        Classes.TryGetValue(name, out WordClass? wordClass)
            ? FirstWords.GetOrAdd(wordClass.Name, _ =>
            {
                var first = new List<string>();
                foreach (string member in wordClass.Members)
                {
                    if (PhrasePattern.FirstWords(member, allowClasses: false) is not { } words)
                    {
                        return null;
                    }

                    first.AddRange(words);
                }

                return first.Distinct().ToList();
            })
            : null;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>?> FirstWords = new(StringComparer.OrdinalIgnoreCase);

    // One word of each member's rarest group must occur; that group stands for the member. Null when a member has no anchors.
    private static IReadOnlyList<string>? AnchorsOf(WordClass wordClass, Func<string, IReadOnlyList<IReadOnlyList<string>>> anchorsOfMember)
    {
        var anchors = new List<string>();
        foreach (string member in wordClass.Members)
        {
            IReadOnlyList<IReadOnlyList<string>> memberAnchors = anchorsOfMember(member);
            if (memberAnchors.Count == 0)
            {
                return null;
            }

            anchors.AddRange(memberAnchors.OrderBy(a => a.Count).First());
        }

        return anchors.Distinct().ToList();
    }

    /// <summary>Parses one class file. Never throws; problems come back as errors with their lines.</summary>
    public static (IReadOnlyList<WordClass> Classes, IReadOnlyList<LexiconError> Errors) Parse(string yaml, string sourceName)
    {
        var classes = new List<WordClass>();
        var errors = new List<LexiconError>();
        YamlMappingNode? root = LexiconLoader.LoadMapping(yaml, sourceName, errors);
        if (root is null)
        {
            return (classes, errors);
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("classes"), out YamlNode? list) || list is not YamlSequenceNode sequence)
        {
            errors.Add(new LexiconError(sourceName, 1, 1, "A word class file must be a mapping with a list 'classes'."));
            return (classes, errors);
        }

        foreach (YamlNode node in sequence)
        {
            if (node is not YamlMappingNode map)
            {
                errors.Add(Error(sourceName, node, "Each class must be a mapping with 'name' and 'members'."));
                continue;
            }

            foreach (var (keyNode, _) in map.Children)
            {
                string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!ClassKeys.Contains(key))
                {
                    errors.Add(Error(sourceName, keyNode, $"Unknown key '{key}'{EditDistance.DidYouMean(key, ClassKeys)}. Known keys: {string.Join(", ", ClassKeys)}."));
                }
            }

            string? name = map.Children.TryGetValue(new YamlScalarNode("name"), out YamlNode? nameNode) ? (nameNode as YamlScalarNode)?.Value : null;
            IReadOnlyList<string> members = List(map, "members");
            if (string.IsNullOrWhiteSpace(name) || members.Count == 0)
            {
                errors.Add(Error(sourceName, map, "A class needs a 'name' and at least one member."));
                continue;
            }

            // The anchors-only parse finds the same errors as a full translation, at a fraction of the cost; a class's
            // expression is built when a phrase that uses it first runs.
            foreach (string member in members)
            {
                try
                {
                    PhrasePattern.Translate(member, allowClasses: false, buildRegex: false);
                }
                catch (FormatException error)
                {
                    errors.Add(Error(sourceName, map, $"Class '{name}': member '{member}': {error.Message}"));
                }
            }

            classes.Add(new WordClass(name.Trim(), members, List(map, "flag"), List(map, "pass"), (int)map.Start.Line));
        }

        return (classes, errors);
    }

    private static (string Regex, IReadOnlyList<string>? Anchors) Translate(WordClass wordClass)
    {
        var translated = new Dictionary<string, (string Regex, IReadOnlyList<IReadOnlyList<string>> Anchors)>(StringComparer.Ordinal);
        foreach (string member in wordClass.Members)
        {
            translated.TryAdd(member, PhrasePattern.Translate(member, allowClasses: false));
        }

        return (Alternation(wordClass.Members.Select(m => translated[m].Regex).ToList()), AnchorsOf(wordClass, m => translated[m].Anchors));
    }

    // The members as one group. Where every member opens (or closes) with the same word boundary, the boundary stands
    // once around the group instead of in every member: the same matches, but the regular-expression engine can then
    // merge the members' common prefixes and search for their first letters, which the lookarounds in front of every
    // member prevented (a class of 300 words ran about twice as fast).
    internal static string Alternation(IReadOnlyList<string> members)
    {
        string before = PhrasePattern.WordBoundaryBefore, after = PhrasePattern.WordBoundaryAfter;
        bool allBefore = members.Count > 0 && members.All(m => m.StartsWith(before, StringComparison.Ordinal));
        bool allAfter = members.Count > 0 && members.All(m => m.EndsWith(after, StringComparison.Ordinal) && m.Length >= after.Length + (allBefore ? before.Length : 0));
        IEnumerable<string> bodies = members.Select(m => m[(allBefore ? before.Length : 0)..(m.Length - (allAfter ? after.Length : 0))]);
        return (allBefore ? before : string.Empty) + "(?:" + string.Join("|", bodies) + ")" + (allAfter ? after : string.Empty);
    }

    private static (IReadOnlyDictionary<string, WordClass>, IReadOnlyList<LexiconError>) LoadBuiltIn()
    {
        var classes = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<LexiconError>();
        Assembly assembly = typeof(WordClassCatalog).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            string name = resource[ResourcePrefix.Length..];
            var (parsed, fileErrors) = Parse(reader.ReadToEnd(), name);
            errors.AddRange(fileErrors);
            foreach (WordClass wordClass in parsed)
            {
                if (!classes.TryAdd(wordClass.Name, wordClass))
                {
                    errors.Add(new LexiconError(name, wordClass.Line, 1, $"Class '{wordClass.Name}' is defined twice."));
                }
            }
        }

        return (classes, errors);
    }

    private static IReadOnlyList<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList()
            : [];

    private static LexiconError Error(string source, YamlNode node, string message) => new(source, (int)node.Start.Line, (int)node.Start.Column, message);
}

using System.Text.RegularExpressions;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;
using YamlDotNet.RepresentationModel;

namespace ToneLsp.Core.Tonality;

/// <summary>One list of register words for one language: what it shows, its weight, and the expression that finds its entries.</summary>
internal sealed record RegisterWordList(RegisterEvidenceKind Kind, Register Side, int Weight, PhraseSet? Phrases, Regex? Symbols);

/// <summary>
/// The word lists of <c>Tonality/register-words.yaml</c>, compiled once: colloquial words, contractions, abbreviations,
/// interjections and emoticons for casual, business-letter phrases for formal, and the words of hostile messages.
/// A broken resource gives empty lists, never an exception.
/// </summary>
internal sealed class RegisterWords
{
    private const string ResourceName = "ToneLsp.Core.Tonality.register-words.yaml";

    private static readonly Lazy<RegisterWords> LazyBuiltIn = new(Load);

    /// <summary>The built-in lists.</summary>
    public static RegisterWords BuiltIn => LazyBuiltIn.Value;

    public IReadOnlyList<RegisterWordList> German { get; private init; } = [];

    public IReadOnlyList<RegisterWordList> English { get; private init; } = [];

    public int FormalSalutationWeight { get; private init; } = 2;

    public int CasualSalutationWeight { get; private init; } = 2;

    public IReadOnlySet<string> LightCasualSalutations { get; private init; } = new HashSet<string>();

    public int EmojiWeight { get; private init; } = 1;

    public int MaxEmoji { get; private init; } = 3;

    public int ExclamationRunWeight { get; private init; } = 1;

    public int LowerCaseWeight { get; private init; } = 2;

    public int MinLowerCaseWords { get; private init; } = 6;

    public int Threshold { get; private init; } = 2;

    /// <summary>The hostile-message lists by language: the group ("ihr alle"), the verdict ("unfähig"), the concern ("Paket").</summary>
    public IReadOnlyDictionary<Language, (PhraseSet? Group, PhraseSet? Verdict, PhraseSet? Concern)> Hostile { get; private init; } =
        new Dictionary<Language, (PhraseSet?, PhraseSet?, PhraseSet?)>();

    /// <summary>The markers of principle and justification by language, for replies to a hostile customer.</summary>
    public IReadOnlyDictionary<Language, PhraseSet?> Justification { get; private init; } = new Dictionary<Language, PhraseSet?>();

    /// <summary>The sentences a reply to a hostile customer may have before one justification makes it defensive.</summary>
    public int MaxCalmSentences { get; private init; } = 5;

    public IReadOnlyList<RegisterWordList> For(Language language) => language == Language.English ? English : German;

    private static RegisterWords Load()
    {
        try
        {
            using Stream? stream = typeof(RegisterWords).Assembly.GetManifestResourceStream(ResourceName);
            if (stream is null)
            {
                return new RegisterWords();
            }

            using var reader = new StreamReader(stream);
            var yaml = new YamlStream();
            yaml.Load(reader);
            return yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root ? new RegisterWords() : Parse(root);
        }
        catch (Exception exception) when (exception is YamlDotNet.Core.YamlException or IOException or ArgumentException)
        {
            return new RegisterWords();
        }
    }

    private static RegisterWords Parse(YamlMappingNode root)
    {
        var german = new List<RegisterWordList>();
        var english = new List<RegisterWordList>();
        foreach (var (sideName, side) in (ReadOnlySpan<(string, Register)>)[("casual", Register.Casual), ("formal", Register.Formal)])
        {
            if (Child(root, sideName) is not YamlMappingNode lists)
            {
                continue;
            }

            foreach (var (keyNode, value) in lists.Children)
            {
                if (value is not YamlMappingNode list || KindOf((keyNode as YamlScalarNode)?.Value) is not { } kind)
                {
                    continue;
                }

                int weight = Number(list, "weight", 1);
                foreach (var (key, target) in (ReadOnlySpan<(string, List<RegisterWordList>)>)[("de", german), ("en", english)])
                {
                    IReadOnlyList<string> words = Words(list, key);
                    if (words.Count == 0)
                    {
                        continue;
                    }

                    // Emoticons are punctuation, which the tokenizer splits: they alone are matched by an expression.
                    target.Add(kind == RegisterEvidenceKind.Emoticon
                        ? new RegisterWordList(kind, side, weight, null, Pattern(words))
                        : new RegisterWordList(kind, side, weight, new PhraseSet(words), null));
                }
            }
        }

        var hostile = new Dictionary<Language, (PhraseSet?, PhraseSet?, PhraseSet?)>();
        if (Child(root, "hostile") is YamlMappingNode hostileNode)
        {
            foreach (var (language, key) in (ReadOnlySpan<(Language, string)>)[(Language.German, "de"), (Language.English, "en")])
            {
                hostile[language] = (ListSet(hostileNode, "group", key), ListSet(hostileNode, "verdict", key), ListSet(hostileNode, "concern", key));
            }
        }

        return new RegisterWords
        {
            German = german,
            English = english,
            FormalSalutationWeight = Number(root, "formalSalutationWeight", 2),
            CasualSalutationWeight = Number(root, "casualSalutationWeight", 2),
            LightCasualSalutations = Words(root, "lightCasualSalutations").Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            EmojiWeight = Number(root, "emojiWeight", 1),
            MaxEmoji = Number(root, "maxEmoji", 3),
            ExclamationRunWeight = Number(root, "exclamationRunWeight", 1),
            LowerCaseWeight = Number(root, "lowerCaseWeight", 2),
            MinLowerCaseWords = Number(root, "minLowerCaseWords", 6),
            Threshold = Number(root, "threshold", 2),
            Hostile = hostile,
            Justification = Child(root, "justification") is YamlMappingNode justification
                ? new Dictionary<Language, PhraseSet?> { [Language.German] = new PhraseSet(Words(justification, "de")), [Language.English] = new PhraseSet(Words(justification, "en")) }
                : new Dictionary<Language, PhraseSet?>(),
            MaxCalmSentences = Number(root, "maxCalmSentences", 5),
        };
    }

    private static PhraseSet? ListSet(YamlMappingNode map, string list, string language) =>
        Child(map, list) is YamlMappingNode node ? new PhraseSet(Words(node, language)) : null;

    private static RegisterEvidenceKind? KindOf(string? name) => name switch
    {
        "colloquial" => RegisterEvidenceKind.Colloquial,
        "contractions" => RegisterEvidenceKind.Contraction,
        "abbreviations" => RegisterEvidenceKind.Abbreviation,
        "interjections" => RegisterEvidenceKind.Interjection,
        "emoticons" => RegisterEvidenceKind.Emoticon,
        "phrases" => RegisterEvidenceKind.FormalPhrase,
        _ => null,
    };

    // Entries as one alternation, longest first. Entries of up to two letters ("LG", "u") match only as written or in
    // lower case, so that "U.S." is no "u"; longer ones match in any case. An apostrophe matches ' and ’.
    internal static Regex? Pattern(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var alternatives = new List<string>();
        foreach (string word in words.Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length))
        {
            string body = string.Join(@"\s+", word.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Escape));
            bool letters = word.Any(char.IsLetter);
            bool shortWord = letters && word.Count(char.IsLetter) <= 2;
            string lower = string.Join(@"\s+", word.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Escape));
            string exact = shortWord ? "(?-i:" + body + (lower != body ? "|" + lower : string.Empty) + ")" : body;
            string before = char.IsLetterOrDigit(word[0]) ? @"(?<![\p{L}\p{N}'’])" : @"(?<![\p{L}\p{N}:;<^])";
            string after = char.IsLetterOrDigit(word[^1]) ? @"(?![\p{L}\p{N}]|['’]\p{L})" : @"(?![\p{L}\p{N}])";
            alternatives.Add(before + "(?:" + exact + ")" + after);
        }

        return new Regex(string.Join("|", alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string Escape(string word) => Regex.Escape(word).Replace("'", "['’]", StringComparison.Ordinal);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static IReadOnlyList<string> Words(YamlMappingNode map, string key) =>
        Child(map, key) is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0).ToList()
            : [];

    private static int Number(YamlMappingNode map, string key, int fallback) =>
        Child(map, key) is YamlScalarNode { Value: { } text } && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            ? value
            : fallback;
}

using System.Text;
using System.Text.RegularExpressions;

namespace ToneLsp.Core.Rules;

/// <summary>
/// The phrase pattern language of lexicon files, compiled to a .NET regular expression.
/// <list type="bullet">
/// <item><c>wie bereits erwähnt</c>: words in order, separated by any white space, case-insensitive, whole words.</item>
/// <item><c>(bereits|schon)</c>: alternatives, each a sequence; <c>[mal|einmal]</c>: optional words or alternatives.</item>
/// <item><c>erwähn*</c>: any ending; <c>*trottel</c>: any beginning (a compound that ends in the word), <c>*idiot*</c> both; <c>...</c>: a gap of up to three words, <c>...6</c> of up to six; <c>^</c>: the start of a sentence, <c>$</c> its end.</item>
/// <item><c>{du}</c>, <c>{dich}</c>, <c>{dir}</c>, <c>{dein}</c>: either address form (du|Sie, dich|Sie, dir|Ihnen, dein…|Ihr…).</item>
/// <item><c>{intensifier}</c>, <c>{minimiser}</c>, <c>{information-source}</c> …: any member of a word class defined once in
/// <c>Rules/WordClasses/*.yaml</c> (<see cref="WordClassCatalog"/>).</item>
/// <item><c>&lt;übersehen&gt;</c>: every inflected form of a German lemma, from the lexicon (übersiehst, übersah, übersehen …);
/// <c>&lt;Anleitung&gt;</c> a noun's, <c>&lt;einfach&gt;</c> an adjective's; <c>&lt;Ärger:noun&gt;</c>, <c>&lt;ärgern:verb&gt;</c>, <c>&lt;einfach:adj&gt;</c> choose the part of speech.</item>
/// <item>Umlauts also match their transliteration (ä|ae) and ß matches ss; punctuation is literal; <c>\)</c> escapes a special character.</item>
/// </list>
/// </summary>
public static class PhrasePattern
{
    private const string WordChars = @"[\p{L}\p{M}\p{N}'’\-]";
    private const string NotAfterWord = @"(?<![\p{L}\p{M}\p{N}])";
    private const string NotBeforeWord = @"(?![\p{L}\p{M}\p{N}])";

    /// <summary>The lookbehind a translated pattern opens with when it starts with a word.</summary>
    internal const string WordBoundaryBefore = NotAfterWord;

    /// <summary>The lookahead a translated pattern closes with when it ends with a word.</summary>
    internal const string WordBoundaryAfter = NotBeforeWord;
    private const string SentenceStart = @"(?:(?<=^[\s""„“»(*_]*)|(?<=[.!?:…][\s""„“»(*_]+))";
    private const string SentenceEnd = @"(?=[\s""“”«)*_]*(?:[.!?…]|$))";

    private static string GapOf(int words) => $@"(?:\s+[\p{{L}}\p{{M}}\p{{N}}'’\-]+){{0,{words}}}";

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["du"] = "(?:du|sie)",
        ["dich"] = "(?:dich|sie)",
        ["dir"] = "(?:dir|ihnen)",
        ["dein"] = "(?:dein|deine|deinen|deinem|deiner|deines|ihr|ihre|ihren|ihrem|ihrer|ihres)",
        ["sich"] = "(?:dich|dir|sich)",
        ["euch"] = "(?:euch|ihnen|dir|dich)",
    };

    /// <summary>The options every phrase expression is built with.</summary>
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>
    /// Translates a pattern in one pass into regular-expression source and its anchors: groups of words a text must
    /// contain for the pattern to match, one word of every group, folded with <see cref="Fold"/>; a trailing
    /// <c>*</c> marks a prefix. The anchors are empty when the pattern has no such words (then it must always run).
    /// Throws <see cref="FormatException"/> with the position when the pattern is malformed.
    /// </summary>
    public static (string Regex, IReadOnlyList<IReadOnlyList<string>> Anchors) Translate(string pattern) => Translate(pattern, allowClasses: true);

    /// <summary>
    /// The anchors of a pattern without its regular expression: the same parse and the same errors as
    /// <see cref="Translate(string)"/>, at a fraction of the cost, for phrases whose expression is built on first use.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Anchors(string pattern) => Translate(pattern, allowClasses: true, buildRegex: false).Anchors;

    /// <summary>
    /// The words a match of the pattern can begin with, folded and in the anchors' notation (<c>erwaehn*</c> a prefix,
    /// <c>*trottel</c> an ending, <c>*idiot*</c> a part); null when a match may begin elsewhere (a gap or a mark first).
    /// Every match begins at a word start whose word (or the part of it before an apostrophe or hyphen) fits one of
    /// them, so that a phrase need only be tried there.
    /// </summary>
    public static IReadOnlyList<string>? FirstWords(string pattern) => FirstWords(pattern, allowClasses: true);

    internal static IReadOnlyList<string>? FirstWords(string pattern, bool allowClasses)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return null;
        }

        var parser = new Parser(pattern, allowClasses, buildRegex: false);
        Node sequence = parser.ParseSequence(endChar: null);
        return parser.AtEnd && !sequence.CanBeEmpty ? sequence.First : null;
    }

    /// <summary>Translates a pattern; word classes (<c>{name}</c>) only where allowed (a class's own members may not use them).</summary>
    internal static (string Regex, IReadOnlyList<IReadOnlyList<string>> Anchors) Translate(string pattern, bool allowClasses, bool buildRegex = true)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new FormatException("The pattern is empty.");
        }

        var parser = new Parser(pattern, allowClasses, buildRegex);
        Node sequence = parser.ParseSequence(endChar: null);
        if (!parser.AtEnd)
        {
            throw new FormatException($"Unexpected '{pattern[parser.Position]}' at position {parser.Position + 1}.");
        }

        if (sequence.CanBeEmpty)
        {
            throw new FormatException("The pattern matches the empty string; it needs at least one required word.");
        }

        if (!buildRegex)
        {
            return (string.Empty, sequence.AllAnchors);
        }

        string regex = (sequence.StartsWithWord, sequence.EndsWithWord) switch
        {
            (true, true) => NotAfterWord + sequence.Regex + NotBeforeWord,
            (true, false) => NotAfterWord + sequence.Regex,
            (false, true) => sequence.Regex + NotBeforeWord,
            _ => sequence.Regex,
        };
        return (regex, sequence.AllAnchors);
    }

    /// <summary>
    /// The alternatives of a pattern that is one parenthesised alternation ("(A|B|C)"), split at its top level; the
    /// pattern itself when it is anything else.
    /// </summary>
    public static IReadOnlyList<string> TopLevelAlternatives(string pattern)
    {
        string trimmed = pattern.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '(' || trimmed[^1] != ')')
        {
            return [pattern];
        }

        var alternatives = new List<string>();
        int depth = 0, start = 1;
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (c is '(' or '[' or '{' or '<')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' or '>')
            {
                depth--;
                if (depth == 0 && i != trimmed.Length - 1)
                {
                    return [pattern];
                }
            }
            else if (c == '|' && depth == 1)
            {
                alternatives.Add(trimmed[start..i]);
                start = i + 1;
            }
        }

        alternatives.Add(trimmed[start..^1]);
        return alternatives.All(a => !string.IsNullOrWhiteSpace(a)) ? alternatives : [pattern];
    }

    /// <summary>Folds a word for anchor lookups: lower case, umlauts and ß transliterated.</summary>
    public static string Fold(string word)
    {
        if (!NeedsFolding(word))
        {
            return word.ToLowerInvariant();
        }

        var builder = new StringBuilder(word.Length + 2);
        foreach (char c in word)
        {
            char lower = char.ToLowerInvariant(c);
            ReadOnlySpan<char> folded = FoldedLetter(lower);
            if (folded.IsEmpty)
            {
                builder.Append(lower);
            }
            else
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>What <see cref="Fold"/> writes for a lower-case letter it transliterates ("ae" for ä); empty for the others.</summary>
    internal static ReadOnlySpan<char> FoldedLetter(char lower) => lower switch
    {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        '’' => "'",
        _ => default,
    };

    /// <summary>Whether <see cref="Fold"/> changes more than the case of a word.</summary>
    public static bool NeedsFolding(string word) => word.AsSpan().IndexOfAny("äöüßÄÖÜ’") >= 0;

    /// <summary>Translates a pattern into regular-expression source.</summary>
    public static string ToRegex(string pattern) => Translate(pattern).Regex;

    private sealed record Node(string Regex, bool CanBeEmpty, bool StartsWithWord, bool EndsWithWord, bool IsOptional = false, bool IsGap = false, bool IsAnchor = false)
    {
        // Folded words, one of which must occur for the node to match ("erwähn*" is a prefix); null when unknown.
        public IReadOnlyList<string>? Anchors { get; init; }

        // For a sequence: every required item's anchors; all of them must occur.
        public IReadOnlyList<IReadOnlyList<string>> AllAnchors { get; init; } = [];

        // The folded words a match of the node can begin with (anchor notation); null when unknown or not a word.
        public IReadOnlyList<string>? First { get; init; }
    }

    // Without buildRegex the parser only finds the anchors and the shape of the pattern; every node's Regex is empty.
    private sealed class Parser(string text, bool allowClasses, bool buildRegex)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public Node ParseSequence(char? endChar)
        {
            var items = new List<Node>();
            while (true)
            {
                SkipSpaces();
                if (AtEnd)
                {
                    if (endChar is not null)
                    {
                        throw new FormatException($"Missing '{endChar}' at the end of the pattern.");
                    }

                    break;
                }

                char c = text[Position];
                if (c == endChar || (endChar is ')' or ']' && c == '|'))
                {
                    break;
                }

                items.Add(ParseItem());
            }

            return Join(items);
        }

        private Node ParseItem()
        {
            char c = text[Position];
            if (c is '(' or '[')
            {
                char close = c == '(' ? ')' : ']';
                Position++;
                var alternatives = new List<Node> { ParseSequence(close) };
                while (!AtEnd && text[Position] == '|')
                {
                    Position++;
                    alternatives.Add(ParseSequence(close));
                }

                Expect(close);

                // In a group that mixes words with marks ("(Tag|€)"), each word alternative carries its own word
                // boundaries, so that a gap before the group cannot end inside a word ("Montag").
                bool mixedStart = alternatives.Any(a => a.StartsWithWord) && !alternatives.All(a => a.StartsWithWord);
                bool mixedEnd = alternatives.Any(a => a.EndsWithWord) && !alternatives.All(a => a.EndsWithWord);
                IEnumerable<string> bodies = alternatives.Select(a =>
                    (mixedStart && a.StartsWithWord ? NotAfterWord : string.Empty) + a.Regex + (mixedEnd && a.EndsWithWord ? NotBeforeWord : string.Empty));
                var group = new Node(
                    buildRegex ? "(?:" + string.Join("|", bodies) + ")" : string.Empty,
                    alternatives.Any(a => a.CanBeEmpty),
                    alternatives.All(a => a.StartsWithWord),
                    alternatives.All(a => a.EndsWithWord))
                {
                    Anchors = alternatives.All(a => a.Anchors is not null) ? alternatives.SelectMany(a => a.Anchors!).Distinct().ToList() : null,
                    First = alternatives.All(a => a.First is not null) ? alternatives.SelectMany(a => a.First!).Distinct().ToList() : null,
                };
                return c == '[' ? group with { IsOptional = true, CanBeEmpty = true } : group;
            }

            if (c == '{')
            {
                int close = text.IndexOf('}', Position);
                if (close < 0)
                {
                    throw new FormatException($"Missing '}}' after position {Position + 1}.");
                }

                string name = text[(Position + 1)..close];
                if (Macros.TryGetValue(name, out string? macro))
                {
                    Position = close + 1;
                    return new Node(macro, false, true, true) { Anchors = MacroWords(macro), First = MacroWords(macro) };
                }

                if (allowClasses && !buildRegex && WordClassCatalog.TryAnchors(name, out IReadOnlyList<string>? onlyAnchors))
                {
                    Position = close + 1;
                    return new Node(string.Empty, false, true, true) { Anchors = onlyAnchors, First = WordClassCatalog.FirstWordsOf(name) };
                }

                if (allowClasses && WordClassCatalog.TryTranslate(name, out string classRegex, out IReadOnlyList<string>? classAnchors))
                {
                    Position = close + 1;
                    return new Node(classRegex, false, true, true) { Anchors = classAnchors, First = WordClassCatalog.FirstWordsOf(name) };
                }

                var known = Macros.Keys.Concat(allowClasses ? WordClassCatalog.Classes.Keys : []).Select(k => "{" + k + "}");
                throw new FormatException($"Unknown placeholder or word class '{{{name}}}' at position {Position + 1}{ToneLsp.Core.Text.EditDistance.DidYouMean(name, Macros.Keys.Concat(allowClasses ? WordClassCatalog.Classes.Keys : []))}; known: {string.Join(", ", known)}.");
            }

            if (c == '<')
            {
                return ParseLemma();
            }

            if (text.AsSpan(Position).StartsWith("...") || c == '…')
            {
                Position += c == '…' ? 1 : 3;
                int words = 3;
                if (!AtEnd && char.IsAsciiDigit(text[Position]))
                {
                    words = text[Position] - '0';
                    Position++;
                }

                return new Node(GapOf(words), true, false, false, IsGap: true);
            }

            if (c == '^')
            {
                Position++;
                return new Node(SentenceStart, true, false, false, IsGap: true, IsAnchor: true);
            }

            if (c == '$')
            {
                Position++;
                return new Node(SentenceEnd, true, false, false, IsGap: true, IsAnchor: true);
            }

            // "*trottel" is any compound that ends in the word ("Volltrottel", "Schultrottel"); "*idiot*" one that contains it.
            if (c == '*' && Position + 1 < text.Length && IsWordChar(text[Position + 1]))
            {
                Position++;
                int start = Position;
                var inner = new StringBuilder(WordChars + "*");
                while (!AtEnd && IsWordChar(text[Position]))
                {
                    inner.Append(Letter(text[Position]));
                    Position++;
                }

                string part = Fold(text[start..Position]);
                bool infix = !AtEnd && text[Position] == '*';
                if (infix)
                {
                    Position++;
                    inner.Append(WordChars).Append('*');
                }

                string innerAnchor = "*" + part + (infix ? "*" : string.Empty);
                return new Node(inner.ToString(), false, true, true) { Anchors = [innerAnchor], First = [innerAnchor] };
            }

            if (IsWordChar(c))
            {
                var word = new StringBuilder();
                int begin = Position;
                while (!AtEnd && IsWordChar(text[Position]))
                {
                    word.Append(Letter(text[Position]));
                    Position++;
                }

                string folded = Fold(text[begin..Position]);
                bool prefix = false;
                if (!AtEnd && text[Position] == '*')
                {
                    Position++;
                    word.Append(WordChars).Append('*');
                    prefix = true;
                }

                // Words with inner apostrophes or hyphens are indexed by their first part.
                int split = folded.IndexOfAny(['\'', '-']);
                string anchor = split > 0 ? folded[..split] + "*" : folded + (prefix ? "*" : string.Empty);
                return new Node(word.ToString(), false, true, true) { Anchors = split == 0 ? null : [anchor], First = split == 0 ? null : [anchor] };
            }

            if (c == '\\' && Position + 1 < text.Length)
            {
                Position += 2;
                return new Node(System.Text.RegularExpressions.Regex.Escape(text[Position - 1].ToString()), false, false, false);
            }

            if (c is ')' or ']' or '}' or '|' or '*' or '>')
            {
                throw new FormatException($"Unexpected '{c}' at position {Position + 1}.");
            }

            Position++;
            string literal = char.IsHighSurrogate(c) && !AtEnd ? c.ToString() + text[Position++] : c.ToString();
            return new Node(System.Text.RegularExpressions.Regex.Escape(literal), false, false, false);
        }

        // "<übersehen>": the lemma's forms from the lexicon, as one word with alternatives; each form is an anchor.
        private Node ParseLemma()
        {
            int close = text.IndexOf('>', Position);
            if (close < 0)
            {
                throw new FormatException($"Missing '>' after position {Position + 1}.");
            }

            // "<Ärger:noun>", "<ärgern:verb>", "<einfach:adj>": the part of speech, where a lemma has more than one.
            string lemma = text[(Position + 1)..close].Trim();
            var partOfSpeech = Morphology.PartOfSpeech.None;
            if (lemma.IndexOf(':') is var colon and > 0)
            {
                string tag = lemma[(colon + 1)..].Trim().ToLowerInvariant();
                partOfSpeech = tag switch
                {
                    "verb" => Morphology.PartOfSpeech.Verb,
                    "noun" => Morphology.PartOfSpeech.Noun,
                    "adj" or "adjective" => Morphology.PartOfSpeech.Adjective,
                    _ => throw new FormatException($"Unknown part of speech '{tag}' in '<{lemma}>' at position {Position + 1}; use verb, noun or adj."),
                };
                lemma = lemma[..colon].Trim();
            }

            IReadOnlyList<string> forms = lemma.Length == 0 ? [] : Morphology.LemmaForms.Of(Morphology.GermanLexicon.Shared, lemma, partOfSpeech);
            if (forms.Count == 0)
            {
                throw new FormatException($"Unknown lemma '<{text[(Position + 1)..close].Trim()}>' at position {Position + 1}: the German lexicon does not know it{(partOfSpeech == Morphology.PartOfSpeech.None ? "" : " with that part of speech")} (try its infinitive, nominative singular or base form).");
            }

            Position = close + 1;
            string regex = buildRegex ? "(?:" + string.Join("|", forms.Select(f => string.Concat(f.Select(Letter)))) + ")" : string.Empty;
            var foldedForms = forms.Select(Fold).Distinct().ToList();
            return new Node(regex, false, true, true) { Anchors = foldedForms, First = foldedForms };
        }

        private void Expect(char c)
        {
            if (AtEnd || text[Position] != c)
            {
                throw new FormatException($"Missing '{c}' at position {Position + 1}.");
            }

            Position++;
        }

        private void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        private static IReadOnlyList<string> MacroWords(string macro) =>
            macro.Trim('(', ')', '?', ':').Split('|').Select(Fold).ToList();

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-';

        private static string Letter(char c) => char.ToLowerInvariant(c) switch
        {
            'ä' => "(?:ä|ae)",
            'ö' => "(?:ö|oe)",
            'ü' => "(?:ü|ue)",
            'ß' => "(?:ß|ss)",
            '\'' or '’' => "['’]",
            '-' => @"\-",
            _ => System.Text.RegularExpressions.Regex.Escape(c.ToString()),
        };

        private Node Join(List<Node> items)
        {
            if (items.Count == 0)
            {
                return new Node(string.Empty, true, false, false);
            }

            var builder = buildRegex ? new StringBuilder() : null;
            Node? previous = null;
            bool canBeEmpty = true;
            bool separatorEmitted = false;
            foreach (Node item in items)
            {
                if (item.IsGap)
                {
                    builder?.Append(item.Regex);
                    previous = item;
                    separatorEmitted = item.IsAnchor;
                    continue;
                }

                // A leading optional item carries its own trailing separator.
                string separator = previous is null || separatorEmitted ? string.Empty : Separator(previous, item);
                if (item.IsOptional && canBeEmpty && previous is null or { IsOptional: true } or { IsAnchor: true })
                {
                    builder?.Append(separator.Length > 0 ? $"(?:{separator}{item.Regex})?" : $"(?:{item.Regex}{Separator(item, item)})?");
                    separatorEmitted = separator.Length == 0;
                }
                else if (item.IsOptional)
                {
                    builder?.Append($"(?:{separator}{item.Regex})?");
                    separatorEmitted = false;
                }
                else
                {
                    builder?.Append(separator).Append(item.Regex);
                    canBeEmpty = false;
                    separatorEmitted = false;
                }

                previous = item;
            }

            var required = items.Where(i => !i.IsOptional && !i.IsGap && i.Anchors is { Count: > 0 }).Select(i => i.Anchors!).ToList();
            IReadOnlyList<string>? anchors = required.OrderBy(a => a.Count).ThenByDescending(a => a.Min(w => w.Length)).FirstOrDefault();
            var leading = items.TakeWhile(i => i.IsOptional || i.IsGap).ToList();
            Node? firstRequired = items.FirstOrDefault(i => !i.IsOptional && !i.IsGap);
            bool startsWithWord = leading.All(i => i.StartsWithWord) && firstRequired is { StartsWithWord: true };
            var trailing = items.AsEnumerable().Reverse().TakeWhile(i => i.IsOptional).ToList();
            Node? lastRequired = items.LastOrDefault(i => !i.IsOptional && !i.IsGap);
            bool endsWithWord = lastRequired is { EndsWithWord: true } && trailing.All(i => i.EndsWithWord || !i.StartsWithWord);
            return new Node(builder?.ToString() ?? string.Empty, canBeEmpty, startsWithWord, endsWithWord) { Anchors = anchors, AllAnchors = required, First = FirstOf(items) };
        }

        // The words a sequence can begin with: those of its leading items up to the first that cannot be empty; the
        // sentence start takes no word; a gap or a mark first, or an item that does not know, makes it unknown.
        private static IReadOnlyList<string>? FirstOf(List<Node> items)
        {
            var first = new List<string>();
            foreach (Node item in items)
            {
                if (item.IsAnchor && item.Regex == SentenceStart)
                {
                    continue;
                }

                if (item.IsGap || item.First is null)
                {
                    return null;
                }

                first.AddRange(item.First);
                if (!item.IsOptional && !item.CanBeEmpty)
                {
                    return first.Distinct().ToList();
                }
            }

            return null;
        }

        // Between words there must be white space; next to punctuation it may be absent.
        private static string Separator(Node left, Node right) =>
            (left.EndsWithWord || left.IsGap) && right.StartsWithWord ? @"\s+" : @"\s*";
    }
}

using ToneLsp.Core.Text;

namespace ToneLsp.Core.Documents;

/// <summary>The language a reply is written in.</summary>
public enum Language
{
    /// <summary>German.</summary>
    German,

    /// <summary>English.</summary>
    English,
}

/// <summary>What kind of Markdown block a piece of prose comes from.</summary>
public enum ProseBlockKind
{
    /// <summary>A paragraph, also inside a list item or a table cell.</summary>
    Paragraph,

    /// <summary>An ATX or setext heading.</summary>
    Heading,
}

/// <summary>
/// One leaf block of prose. Its span indexes both the source and <see cref="TemplateDocument.Prose"/>,
/// which has the same length as the source. A heading carries its level (1 to 6) as Markdown parsed it; other
/// blocks have level 0.
/// </summary>
public sealed record ProseBlock(TextSpan Span, ProseBlockKind Kind, bool IsQuoted, bool IsCustomerMessage, int HeadingLevel = 0);

/// <summary>A template placeholder such as <c>{{vorname}}</c>: its name and where it stands.</summary>
public sealed record Placeholder(string Name, string Text, TextSpan Span);

/// <summary>A problem with the document itself, such as front matter that is not valid YAML.</summary>
public sealed record DocumentProblem(TextSpan Span, Diagnostics.LocalText Text, params object?[] Arguments)
{
    /// <summary>The problem in English.</summary>
    public string Message => MessageIn(Language.English);

    /// <summary>The problem in the language.</summary>
    public string MessageIn(Language language) => Text.Format(language, Arguments);
}

/// <summary>
/// A parsed reply template: the source, its front matter, and the prose the rules see. The prose is a
/// copy of the source in which everything that is not reply prose (markup, code, links, HTML,
/// placeholders, URLs, e-mail addresses) is blanked out with spaces, so offsets map one to one.
/// </summary>
public sealed class TemplateDocument
{
    internal TemplateDocument(
        SourceText source,
        string prose,
        IReadOnlyList<ProseBlock> blocks,
        TemplateMetadata metadata,
        Language language,
        bool languageFromMetadata,
        IReadOnlyList<SuppressionComment> suppressions,
        IReadOnlyList<DocumentProblem> problems)
    {
        Source = source;
        Prose = prose;
        Blocks = blocks;
        Metadata = metadata;
        Language = language;
        LanguageFromMetadata = languageFromMetadata;
        Suppressions = suppressions;
        Problems = problems;
    }

    /// <summary>The text as the user wrote it.</summary>
    public SourceText Source { get; }

    /// <summary>The source with everything but prose blanked out; same length as the source.</summary>
    public string Prose { get; }

    /// <summary>All blocks of prose in document order, including quoted ones.</summary>
    public IReadOnlyList<ProseBlock> Blocks { get; }

    /// <summary>The blocks that belong to the reply itself: not quoted, not the customer's message.</summary>
    public IEnumerable<ProseBlock> ReplyBlocks => Blocks.Where(b => !b.IsQuoted);

    /// <summary>The blocks of the customer's message that the document starts with, if any.</summary>
    public IEnumerable<ProseBlock> CustomerBlocks => Blocks.Where(b => b.IsCustomerMessage);

    /// <summary>What the front matter says about the template.</summary>
    public TemplateMetadata Metadata { get; }

    /// <summary>The language of the reply, from the front matter or detected from the prose.</summary>
    public Language Language { get; }

    /// <summary>Whether <see cref="Language"/> was given by the front matter.</summary>
    public bool LanguageFromMetadata { get; }

    /// <summary>Whether the language is known: given, or detected from the words rather than assumed for want of any.</summary>
    public bool LanguageKnown { get; init; } = true;

    /// <summary>The suppression comments in the document, in order.</summary>
    public IReadOnlyList<SuppressionComment> Suppressions { get; }

    /// <summary>Problems with the document itself, such as invalid front matter.</summary>
    public IReadOnlyList<DocumentProblem> Problems { get; }

    /// <summary>Parses a template. Never throws.</summary>
    public static TemplateDocument Parse(string text, Language? defaultLanguage = null) =>
        TemplateParser.Parse(new SourceText(text ?? string.Empty), defaultLanguage, forcedLanguage: null);

    /// <summary>Parses a template. Never throws.</summary>
    public static TemplateDocument Parse(SourceText source, Language? defaultLanguage = null) =>
        TemplateParser.Parse(source, defaultLanguage, forcedLanguage: null);

    /// <summary>Parses a template as the given language, whatever its front matter or text suggest. Never throws.</summary>
    public static TemplateDocument ParseAs(string text, Language language) =>
        TemplateParser.Parse(new SourceText(text ?? string.Empty), language, forcedLanguage: language);

    /// <summary>The placeholders in the document's prose blocks, in order; computed once.</summary>
    public IReadOnlyList<Placeholder> Placeholders => _placeholders ??= TemplateParser.FindPlaceholders(this);

    /// <summary>Every sentence of every prose block, in document order; computed once.</summary>
    public IReadOnlyList<BlockSentence> Sentences => _sentences ??= SplitSentences();

    /// <summary>The sentences of the reply itself, without quoted blocks.</summary>
    public IEnumerable<BlockSentence> ReplySentences => Sentences.Where(s => !s.Block.IsQuoted);

    /// <summary>The sentences of the customer's message.</summary>
    public IEnumerable<BlockSentence> CustomerSentences => Sentences.Where(s => s.Block.IsCustomerMessage);

    /// <summary>The index in <see cref="Sentences"/> of the sentence that contains the offset, or -1; a binary search.</summary>
    public int SentenceIndexAt(int offset)
    {
        IReadOnlyList<BlockSentence> sentences = Sentences;
        int low = 0, high = sentences.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            TextSpan span = sentences[middle].Sentence.Span;
            if (offset < span.Start)
            {
                high = middle - 1;
            }
            else if (offset >= span.End && !(span.Length == 0 && offset == span.Start))
            {
                low = middle + 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }

    /// <summary>The sentence that contains the whole span, or null.</summary>
    public BlockSentence? SentenceContaining(TextSpan span)
    {
        int index = SentenceIndexAt(span.Start);
        return index >= 0 && Sentences[index].Sentence.Span.Contains(span) ? Sentences[index] : null;
    }

    /// <summary>The tokens of a block's prose, computed once per block.</summary>
    public IReadOnlyList<Token> TokensOf(ProseBlock block) => TokenArrayOf(block);

    private Token[] TokenArrayOf(ProseBlock block)
    {
        _tokens ??= new Dictionary<ProseBlock, Token[]>(Blocks.Count, ReferenceEqualityComparer.Instance);
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(block, out Token[]? tokens))
            {
                // Large documents repeat words thousands of times; sharing their strings saves most allocations.
                _pool ??= Prose.Length > 32 * 1024 ? new StringPool() : null;
                tokens = ProseTokenizer.TokenizeToArray(Prose, block.Span, _pool);
                _tokens[block] = tokens;
            }

            return tokens;
        }
    }

    /// <summary>The span of a block's first words, where hints about the whole block are shown.</summary>
    public TextSpan LeadingWords(ProseBlock block, int count = 3)
    {
        var words = TokensOf(block).Where(t => t.IsWord).Take(count).ToList();
        return words.Count == 0 ? new TextSpan(block.Span.Start, 0) : TextSpan.FromBounds(words[0].Span.Start, words[^1].Span.End);
    }

    /// <summary>The span of a block's last words.</summary>
    public TextSpan TrailingWords(ProseBlock block, int count = 3)
    {
        var words = TokensOf(block).Where(t => t.IsWord).TakeLast(count).ToList();
        return words.Count == 0 ? new TextSpan(block.Span.End, 0) : TextSpan.FromBounds(words[0].Span.Start, words[^1].Span.End);
    }

    /// <summary>The offset of a block's first prose character (after markup such as "- " or "> ").</summary>
    public int FirstProseOffset(ProseBlock block)
    {
        for (int i = block.Span.Start; i < block.Span.End; i++)
        {
            if (!char.IsWhiteSpace(Prose[i]))
            {
                return i;
            }
        }

        return block.Span.Start;
    }

    /// <summary>The offset just past a block's last prose character.</summary>
    public int LastProseEnd(ProseBlock block)
    {
        for (int i = block.Span.End; i > block.Span.Start; i--)
        {
            if (!char.IsWhiteSpace(Prose[i - 1]))
            {
                return i;
            }
        }

        return block.Span.End;
    }

    /// <summary>The prose inside the span.</summary>
    public string GetProse(TextSpan span) => Prose.Substring(span.Start, span.Length);

    /// <summary>The prose inside the span, without a copy; a regular expression sees it as its whole input.</summary>
    public ReadOnlySpan<char> ProseSpan(TextSpan span) => Prose.AsSpan(span.Start, span.Length);

    private IReadOnlyList<BlockSentence>? _sentences;
    private IReadOnlyList<Placeholder>? _placeholders;
    private Dictionary<ProseBlock, Token[]>? _tokens;
    private StringPool? _pool;

    private List<BlockSentence> SplitSentences()
    {
        var list = new List<BlockSentence>(Blocks.Count * 2);
        var sentences = new List<Sentence>();
        foreach (ProseBlock block in Blocks)
        {
            sentences.Clear();
            ProseTokenizer.Sentences(TokenArrayOf(block), sentences);
            foreach (Sentence sentence in sentences)
            {
                list.Add(new BlockSentence(block, sentence));
            }
        }

        return list;
    }
}

/// <summary>A sentence and the block it stands in.</summary>
public sealed record BlockSentence(ProseBlock Block, Sentence Sentence);

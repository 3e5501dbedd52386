using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms.Conversion;

/// <summary>What every rewrite of one sentence shares: the tagged sentence, its mentions, the target and the output.</summary>
internal sealed class RewriteContext
{
    public RewriteContext(TaggedSentence sentence, List<Mention> mentions, AddressForm target, ConversionOptions options, List<TextEdit> edits)
    {
        Sentence = sentence;
        Mentions = mentions;
        Target = target;
        Options = options;
        Edits = edits;
    }

    /// <summary>The tagged sentence.</summary>
    public TaggedSentence Sentence { get; }

    /// <summary>The reader's words in the sentence.</summary>
    public List<Mention> Mentions { get; }

    /// <summary>The form to convert to.</summary>
    public AddressForm Target { get; }

    /// <summary>The options.</summary>
    public ConversionOptions Options { get; }

    /// <summary>The edits, shared by all rewrites of the document.</summary>
    public List<TextEdit> Edits { get; }

    /// <summary>Whether Sie becomes the plural ihr (a reply to several people).</summary>
    public bool PluralTarget => Target == AddressForm.Du && Options.Audience == Audience.Plural;

    /// <summary>The lexicon.</summary>
    public GermanLexicon Lexicon => Sentence.Lexicon;

    /// <summary>Replaces a token's text, keeping a capital at the start of a sentence.</summary>
    public void Replace(int token, string text)
    {
        Token original = Sentence.Tokens[token];
        if (!string.Equals(original.Text, text, StringComparison.Ordinal))
        {
            Edits.Add(new TextEdit(original.Span, text));
        }
    }

    /// <summary>Replaces a span of the prose.</summary>
    public void Replace(TextSpan span, string text) => Edits.Add(new TextEdit(span, text));

    /// <summary>An informal word as the options want it: capitalised at the start of a sentence or when CapitalizeDu is set.</summary>
    public string Informal(string word, int token) =>
        Options.CapitalizeDu || (Sentence.Tokens[token].IsCapitalized && Sentence.Tags[token].SentenceInitial) ? Capitalize(word) : word;

    /// <summary>A word with the capitalisation of the token it replaces (for verbs).</summary>
    public string LikeToken(string word, int token) => Sentence.Tokens[token].IsCapitalized ? Capitalize(word) : word;

    /// <summary>A word capitalised only where it starts the sentence and the token it replaces is capitalised ("hinter Dir" → "hinter sich").</summary>
    public string AtSentenceStart(string word, int token) =>
        Sentence.Tokens[token].IsCapitalized && Sentence.Tags[token].SentenceInitial ? Capitalize(word) : word;

    /// <summary>The word with its first letter in upper case.</summary>
    public static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}

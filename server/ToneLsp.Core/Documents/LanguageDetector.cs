using System.Text.RegularExpressions;

namespace ToneLsp.Core.Documents;

/// <summary>
/// Tells German from English by counting frequent function words and German letters. Short replies
/// work because greetings, pronouns and particles are in the lists.
/// </summary>
internal static partial class LanguageDetector
{
    private static readonly HashSet<string> GermanWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "und", "ist", "nicht", "ich", "du", "sie", "wir", "ihr", "ein", "eine", "einen", "zu", "mit",
        "für", "auf", "dass", "bitte", "danke", "uns", "dich", "dir", "dein", "deine", "ihnen", "ihre", "es", "den", "dem",
        "des", "im", "in", "von", "bei", "noch", "schon", "auch", "gern", "gerne", "hallo", "liebe", "lieber", "sehr",
        "geehrte", "geehrter", "grüße", "viele", "vielen", "dank", "wie", "was", "wann", "wo", "warum", "kein", "keine",
        "aber", "oder", "wenn", "doch", "mal", "hier", "dort", "habe", "hast", "hat", "haben", "bist", "sind", "wird",
        "werden", "kann", "kannst", "können", "leider", "natürlich", "jetzt", "heute", "morgen", "sich", "mir", "mich",
        "unser", "unsere", "euch", "nach", "über", "aus", "so", "da", "ja", "nein", "nur", "bereits", "tut", "leid",
        "einfach", "mehr", "sein", "war", "wurde", "gibt", "als", "am", "zum", "zur", "um", "man", "alles", "super",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "is", "not", "i", "you", "we", "to", "for", "with", "on", "that", "please", "thanks", "thank",
        "your", "our", "us", "it", "of", "a", "an", "in", "at", "this", "be", "are", "was", "have", "has", "can", "could",
        "would", "will", "do", "does", "don't", "hi", "hello", "dear", "regards", "sorry", "what", "when", "where",
        "why", "how", "no", "yes", "if", "but", "or", "just", "here", "there", "already", "again", "let", "know", "me",
        "my", "they", "them", "their", "from", "by", "as", "so", "all", "any", "get", "got", "it's", "that's", "we're",
        "you're", "we've", "of", "course", "great", "good", "help", "which", "should", "about", "more", "than", "were",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GermanLookup = GermanWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private const double EnoughEvidence = 500;

    public static Language Detect(string prose, IReadOnlyList<ProseBlock> blocks, Language fallback) => Detect(prose, blocks, fallback, out _);

    /// <summary>Detects the language; <paramref name="decided"/> is false when the words gave no evidence and the fallback was used.</summary>
    public static Language Detect(string prose, IReadOnlyList<ProseBlock> blocks, Language fallback, out bool decided)
    {
        var (german, english) = Score(prose, blocks.Where(b => !b.IsQuoted));
        if (german == english)
        {
            (german, english) = Score(prose, blocks);
        }

        decided = german != english;
        return german > english ? Language.German : english > german ? Language.English : fallback;
    }

    private static (double German, double English) Score(string prose, IEnumerable<ProseBlock> blocks)
    {
        double german = 0, english = 0;
        foreach (ProseBlock block in blocks)
        {
            ReadOnlySpan<char> text = prose.AsSpan(block.Span.Start, block.Span.Length);
            foreach (ValueMatch word in WordPattern().EnumerateMatches(text))
            {
                ReadOnlySpan<char> token = text.Slice(word.Index, word.Length);
                if (GermanLookup.Contains(token))
                {
                    german += 1;
                }

                if (EnglishLookup.Contains(token))
                {
                    english += 1;
                }

                if (token.IndexOfAny("äöüßÄÖÜ") >= 0)
                {
                    german += 0.5;
                }
            }

            // A few hundred function words decide it; a long document need not be read to its end.
            if (german + english >= EnoughEvidence)
            {
                break;
            }
        }

        return (german, english);
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

using System.Text.RegularExpressions;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tonality;

/// <summary>What a piece of register evidence is.</summary>
public enum RegisterEvidenceKind
{
    /// <summary>A greeting or closing: "Sehr geehrte", "Mit freundlichen Grüßen", "Hey", "LG".</summary>
    Salutation,

    /// <summary>A colloquial word: "mega", "krass", "awesome".</summary>
    Colloquial,

    /// <summary>A spoken contraction: "gibt's", "hab", "gonna".</summary>
    Contraction,

    /// <summary>A chat abbreviation: "lol", "btw".</summary>
    Abbreviation,

    /// <summary>An interjection: "haha", "boah", "oops".</summary>
    Interjection,

    /// <summary>A typed emoticon: ":)", "xD".</summary>
    Emoticon,

    /// <summary>An emoji.</summary>
    Emoji,

    /// <summary>A run of exclamation or question marks: "!!", "?!?".</summary>
    ExclamationRun,

    /// <summary>A whole message in lower case.</summary>
    LowerCase,

    /// <summary>A phrase of business letters: "ich bitte um", "bezüglich", "kindly".</summary>
    FormalPhrase,
}

/// <summary>One piece of evidence for a register: what it is, which side it speaks for, where it stands, and its points.</summary>
public sealed record RegisterEvidence(RegisterEvidenceKind Kind, Register Side, TextSpan Span, string Text, int Weight);

/// <summary>The register of a stretch of prose, its points for each side, and the evidence.</summary>
public sealed record RegisterResult(Register Register, int FormalScore, int CasualScore, IReadOnlyList<RegisterEvidence> Evidence)
{
    /// <summary>A neutral result without evidence.</summary>
    public static RegisterResult Neutral { get; } = new(Register.Neutral, 0, 0, []);

    /// <summary>The evidence for the detected register, strongest first; empty for neutral.</summary>
    public IEnumerable<RegisterEvidence> Deciding => Evidence.Where(e => e.Side == Register).OrderByDescending(e => e.Weight).ThenBy(e => e.Span.Start);

    /// <summary>A short description of the deciding evidence, such as “„Hey“, „LG“, 1 emoji”.</summary>
    public string Describe(Documents.Language language = Documents.Language.German, int count = 3)
    {
        var parts = Deciding.Take(count).Select(e => e.Kind switch
        {
            RegisterEvidenceKind.Emoji => Diagnostics.Messages.TonalityEmoji.In(language),
            RegisterEvidenceKind.LowerCase => Diagnostics.Messages.TonalityLowerCase.In(language),
            _ => Diagnostics.Messages.Quote(language, ProseTokenizer.CollapseWhitespace(e.Text)),
        }).Distinct().ToList();
        return string.Join(", ", parts);
    }
}

/// <summary>
/// Detects how formally a message is written: <see cref="Register.Formal"/> ("Sehr geehrte … ich bitte um … Mit
/// freundlichen Grüßen"), <see cref="Register.Casual"/> ("Hey ihr Lieben, mega Teil 😍 LG") or
/// <see cref="Register.Neutral"/>. Each piece of evidence adds points to its side; a side wins with at least the
/// threshold and more than twice the other side's points. The words are data (Tonality/register-words.yaml).
/// </summary>
public static partial class RegisterDetector
{
    /// <summary>The register of the customer's message, or null when the template quotes none.</summary>
    public static RegisterResult? DetectCustomer(TemplateDocument document)
    {
        var blocks = document.CustomerBlocks.ToList();
        return blocks.Count == 0 ? null : Detect(document, blocks);
    }

    /// <summary>The register of the reply (the blocks that are not quoted).</summary>
    public static RegisterResult DetectReply(TemplateDocument document) => Detect(document, document.ReplyBlocks.ToList());

    /// <summary>The register of a plain text in the given language.</summary>
    public static RegisterResult Detect(string text, Language language)
    {
        TemplateDocument document = TemplateDocument.ParseAs(text ?? string.Empty, language);
        return Detect(document, document.ReplyBlocks.ToList());
    }

    /// <summary>The register of the given blocks of a document, in the document's language.</summary>
    public static RegisterResult Detect(TemplateDocument document, IReadOnlyList<ProseBlock> blocks)
    {
        if (blocks.Count == 0)
        {
            return RegisterResult.Neutral;
        }

        RegisterWords words = RegisterWords.BuiltIn;
        var evidence = new List<RegisterEvidence>();
        string prose = document.Prose;
        int emoji = 0, wordCount = 0, index = 0;
        bool capitals = false;
        foreach (ProseBlock block in blocks)
        {
            IReadOnlyList<Token> tokens = document.TokensOf(block);
            foreach (RegisterWordList list in words.For(document.Language))
            {
                if (list.Phrases is { } phrases)
                {
                    foreach (TextSpan span in phrases.Matches(tokens))
                    {
                        evidence.Add(new RegisterEvidence(list.Kind, list.Side, span, prose.Substring(span.Start, span.Length), list.Weight));
                    }
                }
                else if (list.Symbols is { } symbols && prose.AsSpan(block.Span.Start, block.Span.Length).IndexOfAny(":;<^") >= 0)
                {
                    for (Match match = symbols.Match(prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
                    {
                        evidence.Add(new RegisterEvidence(list.Kind, list.Side, new TextSpan(match.Index, match.Length), match.Value, list.Weight));
                    }
                }
            }

            // Greetings and closings stand in the first and last blocks; the expression is not run over the rest.
            int position = index++;
            IEnumerable<(Register, TextSpan)> salutations = position < 2 || position >= blocks.Count - 2 ? Salutations.AllOf(prose, block.Span) : [];
            foreach ((Register register, TextSpan span) in salutations)
            {
                string text = prose.Substring(span.Start, span.Length);
                int weight = register switch
                {
                    Register.Formal => words.FormalSalutationWeight,
                    Register.Casual => words.LightCasualSalutations.Contains(ProseTokenizer.CollapseWhitespace(text).ToLowerInvariant()) ? 1 : words.CasualSalutationWeight,
                    _ => 0,
                };
                if (weight > 0)
                {
                    evidence.Add(new RegisterEvidence(RegisterEvidenceKind.Salutation, register, span, text, weight));
                }
            }

            for (Match match = EmojiPattern().Match(prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                if (emoji++ < words.MaxEmoji)
                {
                    evidence.Add(new RegisterEvidence(RegisterEvidenceKind.Emoji, Register.Casual, new TextSpan(match.Index, match.Length), match.Value, words.EmojiWeight));
                }
            }

            for (Match match = ExclamationRun().Match(prose, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                evidence.Add(new RegisterEvidence(RegisterEvidenceKind.ExclamationRun, Register.Casual, new TextSpan(match.Index, match.Length), match.Value, words.ExclamationRunWeight));
            }

            foreach (Token token in tokens)
            {
                if (token.IsWord && Characters.HasLetter(token.Text))
                {
                    wordCount++;
                    capitals |= Characters.HasUpper(token.Text);
                }
            }
        }

        if (!capitals && wordCount >= words.MinLowerCaseWords)
        {
            TextSpan all = TextSpan.FromBounds(document.FirstProseOffset(blocks[0]), document.LastProseEnd(blocks[^1]));
            evidence.Add(new RegisterEvidence(RegisterEvidenceKind.LowerCase, Register.Casual, all, string.Empty, words.LowerCaseWeight));
        }

        // A word found by two lists ("thx" as a closing and as an abbreviation) counts once, for the longest match.
        evidence = Deduplicate(evidence);

        // Runs of "!" and "?" only amplify other casual evidence: alone they are as often anger ("Internet seit Tagen
        // weg!!! Was ist da los???") as cheer.
        if (evidence.All(e => e.Side != Register.Casual || e.Kind == RegisterEvidenceKind.ExclamationRun))
        {
            evidence.RemoveAll(e => e.Kind == RegisterEvidenceKind.ExclamationRun);
        }
        int formal = evidence.Where(e => e.Side == Register.Formal).Sum(e => e.Weight);
        int casual = evidence.Where(e => e.Side == Register.Casual).Sum(e => e.Weight);
        Register result = formal >= words.Threshold && formal > 2 * casual ? Register.Formal
            : casual >= words.Threshold && casual > 2 * formal ? Register.Casual
            : Register.Neutral;
        return new RegisterResult(result, formal, casual, evidence);
    }

    /// <summary>How far apart two registers are: 0, 1 (formal and neutral, neutral and casual) or 2 (formal and casual).</summary>
    public static int Distance(Register a, Register b) => Math.Abs(Rank(a) - Rank(b));

    /// <summary>Of the allowed registers, the one nearest to the wanted one (the more neutral on a tie); the wanted one when all are allowed.</summary>
    public static Register Nearest(Register wanted, IReadOnlyCollection<Register>? allowed)
    {
        if (allowed is null || allowed.Count == 0 || allowed.Contains(wanted))
        {
            return wanted;
        }

        return allowed.OrderBy(r => Distance(r, wanted)).ThenBy(r => Distance(r, Register.Neutral)).First();
    }

    /// <summary>The register's name in the JSON output and configuration: formal, neutral or casual.</summary>
    public static string ToName(this Register register) => register switch
    {
        Register.Formal => "formal",
        Register.Casual => "casual",
        _ => "neutral",
    };

    /// <summary>Parses formal, neutral or casual.</summary>
    public static Register? ParseRegister(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "formal" => Register.Formal,
        "neutral" => Register.Neutral,
        "casual" => Register.Casual,
        _ => null,
    };

    private static int Rank(Register register) => register switch
    {
        Register.Formal => 0,
        Register.Casual => 2,
        _ => 1,
    };

    private static List<RegisterEvidence> Deduplicate(List<RegisterEvidence> evidence)
    {
        var kept = new List<RegisterEvidence>(evidence.Count);
        foreach (RegisterEvidence candidate in evidence.OrderByDescending(e => e.Span.Length).ThenByDescending(e => e.Weight))
        {
            if (candidate.Kind == RegisterEvidenceKind.LowerCase || !kept.Any(k => k.Kind != RegisterEvidenceKind.LowerCase && k.Span.Start < candidate.Span.End && candidate.Span.Start < k.Span.End))
            {
                kept.Add(candidate);
            }
        }

        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return kept;
    }

    /// <summary>Emoji: a surrogate pair (most emoji) or a symbol of the Dingbats and Miscellaneous Symbols blocks.</summary>
    [GeneratedRegex(@"\p{Cs}{2}(?:\uFE0F)?|[\u2600-\u27BF]\uFE0F?", RegexOptions.CultureInvariant)]
    internal static partial Regex EmojiPattern();

    /// <summary>Two or more exclamation or question marks in a row.</summary>
    [GeneratedRegex(@"[!?]{2,}", RegexOptions.CultureInvariant)]
    internal static partial Regex ExclamationRun();
}

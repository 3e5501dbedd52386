using System.Text;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tonality;

/// <summary>
/// Whether the customer's message is hostile (profanity, a personal attack, shouting, sarcasm, or a generalisation
/// such as "ihr seid alle unfähig"), what shows it, and whether it holds a concern the reply can answer.
/// </summary>
/// <param name="IsHostile">Whether anything hostile was found.</param>
/// <param name="HasConcern">Whether the message names something to help with (an order, a fault, a refund …).</param>
/// <param name="Evidence">The hostile passages, as the customer wrote them, with their category.</param>
public sealed record CustomerHostility(bool IsHostile, bool HasConcern, IReadOnlyList<(string Category, string Text)> Evidence)
{
    /// <summary>The category of a generalisation about the whole team or company.</summary>
    public const string Generalisation = "generalisation";

    /// <summary>The categories of the phrase catalogue that make a customer's message hostile.</summary>
    public static readonly IReadOnlySet<string> HostileCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        Categories.Profanity, Categories.PersonalAttack, Categories.Shouting, Categories.Sarcasm,
    };

    /// <summary>Hostile, and nothing to help with: the message is pure abuse.</summary>
    public bool IsPureAbuse => IsHostile && !HasConcern;

    /// <summary>
    /// Runs the given rules (the phrase catalogue and the shouting rule of the engine) over the customer's message as if
    /// it were a reply, and looks for generalisations and concerns. Null when the document quotes no customer message.
    /// </summary>
    internal static CustomerHostility? Assess(TemplateDocument document, IEnumerable<ToneAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        var blocks = document.CustomerBlocks.ToList();
        if (blocks.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (ProseBlock block in blocks)
        {
            foreach (string line in document.GetProse(block.Span).Split('\n'))
            {
                text.Append(line.Trim()).Append('\n');
            }

            text.Append('\n');
        }

        TemplateDocument customer = TemplateDocument.ParseAs(text.ToString(), document.Language);
        var input = new AnalysisInput(customer, ToneOptions.Default with { DefaultLanguage = document.Language });
        var evidence = new List<(string Category, string Text)>();
        foreach (ToneAnalyzer analyzer in analyzers)
        {
            try
            {
                analyzer.Analyze(new AnalysisContext(input, diagnostic =>
                {
                    if (HostileCategories.Contains(diagnostic.Descriptor.Category))
                    {
                        evidence.Add((diagnostic.Descriptor.Category, customer.Source.Slice(diagnostic.Span)));
                    }
                }, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failing rule only means less evidence; the reply's own analysis reports the failure.
                _ = exception;
            }
        }

        RegisterWords words = RegisterWords.BuiltIn;
        (PhraseSet? group, PhraseSet? verdict, PhraseSet? concern) = words.Hostile.GetValueOrDefault(document.Language);
        bool hasConcern = false;
        foreach (BlockSentence sentence in customer.Sentences)
        {
            IReadOnlyList<Token> tokens = sentence.Sentence.Tokens;
            if (group is not null && verdict is not null && group.Matches(tokens).Any() && verdict.Matches(tokens).Any())
            {
                evidence.Add((Generalisation, ProseTokenizer.CollapseWhitespace(customer.GetProse(sentence.Sentence.Span))));
            }

            hasConcern |= concern is not null && concern.Matches(tokens).Any();
        }

        return new CustomerHostility(evidence.Count > 0, hasConcern, evidence);
    }
}

using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;

namespace ToneLsp.Core.Rules;

/// <summary>The built-in rules, in one list: adding a code rule means adding it here; phrase rules are lexicon files.</summary>
public static class BuiltInRules
{
    /// <summary>All built-in analyzers.</summary>
    public static IEnumerable<ToneAnalyzer> Analyzers(PhraseExpressions expressions = PhraseExpressions.Compiled) =>
        CodeAnalyzers().Prepend(new LexiconAnalyzer(LexiconLoader.BuiltInFor(expressions)));

    /// <summary>The rules the engine reports itself, beside its analyzers: template problems, unused suppressions, twins.</summary>
    public static IEnumerable<DiagnosticDescriptor> EngineDescriptors =>
        TwinTemplates.Descriptors.Prepend(DocumentProblemAnalyzer.UnusedSuppression).Prepend(DocumentProblemAnalyzer.Descriptor);

    /// <summary>
    /// Every built-in rule ID and category, for checking the keys of <c>rules:</c> and <c>--rule</c>, without loading
    /// the phrase catalogue: the phrase rules' keys come from their files' headers.
    /// </summary>
    public static HashSet<string> RuleKeys()
    {
        var keys = new HashSet<string>(LexiconLoader.BuiltInRuleKeys(), StringComparer.OrdinalIgnoreCase);
        foreach (DiagnosticDescriptor descriptor in CodeAnalyzers().SelectMany(a => a.SupportedDiagnostics).Concat(EngineDescriptors))
        {
            keys.Add(descriptor.Id);
            keys.Add(descriptor.Category);
        }

        return keys;
    }

    // The analyzers written as code; the phrase rules are data.
    private static IEnumerable<ToneAnalyzer> CodeAnalyzers()
    {
        yield return new MixedAddressFormAnalyzer();
        yield return new AddressMirrorAnalyzer();
        yield return new ConversionUncertaintyAnalyzer();
        yield return new GreetingAnalyzer();
        yield return new ShoutingAnalyzer();
        yield return new EmpathyAnalyzer();
        yield return new BrandAnalyzer();
        yield return new PlaceholderAnalyzer();
        yield return new TonalityAnalyzer();
    }

    /// <summary>All built-in code-fix providers.</summary>
    public static IEnumerable<CodeFixProvider> CodeFixProviders(PhraseExpressions expressions = PhraseExpressions.Compiled)
    {
        yield return new LexiconCodeFixProvider(LexiconLoader.BuiltInFor(expressions));
        yield return new AddressFormCodeFixProvider();
        yield return new ReplacementCodeFixProvider(GreetingAnalyzer.Descriptor.Id, ShoutingAnalyzer.Capitals.Id, ShoutingAnalyzer.Punctuation.Id, PlaceholderAnalyzer.Descriptor.Id);
        yield return new EmpathyCodeFixProvider();
        yield return new BrandCodeFixProvider();
        yield return new UnusedSuppressionCodeFixProvider();
        yield return new TonalityCodeFixProvider();
    }
}

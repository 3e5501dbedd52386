using ToneLsp.Core.Analysis;

namespace ToneLsp.Core.Rules;

/// <summary>The built-in rules, in one list: adding a code rule means adding it here; phrase rules are lexicon files.</summary>
public static class BuiltInRules
{
    /// <summary>All built-in analyzers.</summary>
    public static IEnumerable<ToneAnalyzer> Analyzers(PhraseExpressions expressions = PhraseExpressions.Compiled)
    {
        yield return new LexiconAnalyzer(LexiconLoader.BuiltInFor(expressions));
        yield return new MixedAddressFormAnalyzer();
        yield return new AddressMirrorAnalyzer();
        yield return new ConversionUncertaintyAnalyzer();
        yield return new GreetingAnalyzer();
        yield return new ShoutingAnalyzer();
        yield return new EmpathyAnalyzer();
        yield return new BrandAnalyzer();
        yield return new PlaceholderAnalyzer();
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
    }
}

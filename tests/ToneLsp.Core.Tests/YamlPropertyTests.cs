using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Configuration;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

/// <summary>YAML built from random nesting, unclosed brackets, quotes and indentation.</summary>
public sealed record YamlText(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text.Replace("\r", "\\r").Replace("\n", "\\n");
}

/// <summary>Generators of broken and deep YAML.</summary>
public static class YamlArbitraries
{
    private static readonly string[] Fragments =
    [
        "[", "]", "{", "}", "- ", "? ", ": ", "a: ", "language: de", ", ", "\n", "\r\n", "\n  ", "\n    - ", "  ", "\t",
        "'", "\"", "''", "\\", "#", " # [", "|", ">", "&a ", "*a", "!tag ", "---", "...", "%YAML 1.2", "x", "ü", "😀", "\ud83d", "\u0000",
    ];

    /// <summary>Short YAML from fragments, sometimes followed by a run of hundreds of one nesting fragment.</summary>
    public static Arbitrary<YamlText> Yaml() =>
        (from parts in Gen.ListOf(Gen.Elements(Fragments))
         from deep in Gen.Elements("", "[", "{", "- ", "[x, ", "{a: ", "\n- ", "a:\n ")
         from count in Gen.Choose(0, 400)
         select new YamlText(string.Concat(parts) + string.Concat(Enumerable.Repeat(deep, count)))).ToArbitrary();
}

/// <summary>Whatever the YAML, parsing front matter or a configuration never throws, and too deep nesting is reported.</summary>
[Properties(Arbitrary = [typeof(YamlArbitraries)], MaxTest = 500)]
public class YamlPropertyTests
{
    [Property]
    public bool FrontMatterNeverMakesTheParserOrTheEngineThrow(YamlText yaml)
    {
        string text = "---\n" + yaml.Text + "\n---\nWie bereits erwähnt, ist die Antwort im Hilfebereich.\n";
        TemplateDocument document = TemplateDocument.Parse(text);
        AnalysisResult result = ToneEngine.Default.Analyze(document);
        return result.Failures.Count == 0 && document.Problems.All(p => p.Span.Start >= 0 && p.Span.End <= text.Length);
    }

    [Property]
    public bool ConfigurationNeverThrowsAndEveryErrorHasALineInTheFile(YamlText yaml)
    {
        string text = yaml.Text + "\nrules:\n  TONE001: off\n";
        var (_, errors) = ConfigurationParser.Parse(text, "c.yaml");
        int lines = text.Split('\n').Length;
        return errors.All(e => e.Line >= 1 && e.Line <= lines && e.Column >= 1);
    }

    [Property]
    public bool TextDeeperThanTheLimitIsAlwaysRejected(YamlText yaml)
    {
        string deep = yaml.Text + "\nx: " + new string('[', YamlDepth.Limit + 1);
        return YamlDepth.FindTooDeep(deep) >= 0;
    }
}

using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Rules;

/// <summary>Reports problems with the template file itself, such as front matter that is not valid YAML.</summary>
internal static class DocumentProblemAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TONE100",
        Categories.Template,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Template problem",
            "{0}",
            "The template file itself has a problem: usually front matter that is not valid YAML, or a value ToneLsp does not know " +
            "(language must be de or en, address must be du or sie). Checking goes on with defaults, so the other findings are still " +
            "reported, but settings from the front matter are ignored until it is fixed.",
            "“language: en”, “address: sie” in the front matter"),
        new RuleTexts(
            "Problem in der Vorlage",
            "{0}",
            "Die Vorlagendatei selbst hat ein Problem: meist Front Matter, das kein gültiges YAML ist, oder ein " +
            "Wert, den ToneLsp nicht kennt (language muss de oder en sein, address du oder sie). Die Prüfung " +
            "läuft mit Standardwerten weiter, die übrigen Befunde erscheinen also trotzdem; die Einstellungen aus " +
            "dem Front Matter gelten aber erst, wenn das Problem behoben ist.",
            "„language: de“, „address: sie“ im Front Matter"));

    /// <summary>TONE020: a suppression comment that no longer suppresses anything.</summary>
    public static readonly DiagnosticDescriptor UnusedSuppression = new(
        "TONE020",
        Categories.Template,
        DiagnosticSeverity.Information,
        new RuleTexts(
            "Unused suppression",
            "This suppression{0} no longer suppresses anything",
            "A tonelsp-disable comment stays in the template after the text it excused was rewritten or the rule was switched off. " +
            "Stale suppressions hide future findings and make reviews harder. The fix removes the comment.",
            "A comment only where a rule is knowingly overruled: <!-- tonelsp-disable-line TONE014 -->"),
        new RuleTexts(
            "Unnötige Unterdrückung",
            "Diese Unterdrückung{0} unterdrückt nichts mehr",
            "Ein tonelsp-disable-Kommentar bleibt in der Vorlage stehen, nachdem der Text umformuliert oder die " +
            "Regel abgeschaltet wurde. Veraltete Unterdrückungen verstecken künftige Befunde und erschweren " +
            "Reviews. Die Korrektur entfernt den Kommentar.",
            "Ein Kommentar nur dort, wo du eine Regel bewusst übergehst: <!-- tonelsp-disable-line TONE014 -->"));

    public static void Report(AnalysisInput input, Action<ToneDiagnostic> report)
    {
        foreach (DocumentProblem problem in input.Document.Problems)
        {
            report(ToneDiagnostic.Create(Descriptor, problem.Span, Descriptor.FormatMessage(input.MessageLanguage, problem.MessageIn(input.MessageLanguage))));
        }
    }
}

/// <summary>Removes an unused suppression comment, with its line when it stands alone.</summary>
public sealed class UnusedSuppressionCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override System.Collections.Immutable.ImmutableArray<string> FixableDiagnosticIds { get; } = [DocumentProblemAnalyzer.UnusedSuppression.Id];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        var source = context.Input.Document.Source;
        var span = context.Diagnostic.Span;
        int line = source.GetLineNumber(span.Start);
        int lineStart = source.GetLineStart(line);
        int lineEnd = source.GetLineContentEnd(line);
        string rest = source.Text[lineStart..span.Start] + source.Text[span.End..lineEnd];
        Text.TextSpan remove;
        if (string.IsNullOrWhiteSpace(rest))
        {
            int next = line + 1 < source.LineCount ? source.GetLineStart(line + 1) : lineEnd;
            remove = Text.TextSpan.FromBounds(lineStart, next);
        }
        else
        {
            int start = span.Start;
            while (start > lineStart && source.Text[start - 1] == ' ')
            {
                start--;
            }

            remove = Text.TextSpan.FromBounds(start, span.End);
        }

        context.Register(new CodeFix(Messages.FixRemoveSuppression.In(context.Input.MessageLanguage), [new Text.TextEdit(remove, string.Empty)], true, "TONE020"));
    }
}

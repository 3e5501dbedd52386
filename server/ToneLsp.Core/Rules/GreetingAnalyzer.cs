using System.Collections.Immutable;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>TONE013: a German greeting or closing that does not match the reply's form of address.</summary>
public sealed class GreetingAnalyzer : ToneAnalyzer
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TONE013",
        Categories.AddressForm,
        DiagnosticSeverity.Warning,
        new RuleTexts(
            "Greeting or closing does not match du or Sie",
            "“{0}” does not fit a reply that says {1}",
            "Greeting and closing set the register before the first sentence is read. \"Sehr geehrte Frau Weber\" followed by du, " +
            "or \"Hey\" and \"LG\" around a Sie reply, sound like two templates glued together. Match them to the form of address: " +
            "with du \"Hallo Anna\" and \"Viele Grüße\"; with Sie \"Guten Tag Frau Weber\" or \"Hallo Frau Weber\" and \"Viele Grüße\" " +
            "or \"Mit freundlichen Grüßen\". The fix replaces the greeting or closing with one of the register the reply should have " +
            "(the customer's, else neutral) that fits the form of address, or with the team's own from salutations: in .tonelsp.yaml.",
            "“Hallo Frau Weber, … Viele Grüße” around a Sie reply"),
        new RuleTexts(
            "Begrüßung oder Grußformel passt nicht zu du oder Sie",
            "„{0}“ passt nicht zu einer Antwort mit {1}",
            "Begrüßung und Grußformel setzen den Ton, bevor der erste Satz gelesen ist. „Sehr geehrte Frau Weber“ " +
            "und danach du oder „Hey“ und „LG“ um eine Sie-Antwort klingen nach zwei zusammengeklebten " +
            "Textbausteinen. Pass sie an die Anrede an: bei du „Hallo Anna“ und „Viele Grüße“, bei Sie „Guten Tag " +
            "Frau Weber“ oder „Hallo Frau Weber“ und „Viele Grüße“ oder „Mit freundlichen Grüßen“. Die Korrektur " +
            "ersetzt die Begrüßung oder Grußformel durch eine der Tonlage, die die Antwort haben soll (die der Kundin oder " +
            "des Kunden, sonst neutral), passend zur Anrede, oder durch die des Teams aus salutations: in der .tonelsp.yaml.",
            "„Hallo Frau Weber, … Viele Grüße“ um eine Sie-Antwort"));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <summary>The form of address greetings and closings must fit: the one asked for, else the reply's own.</summary>
    public static AddressForm FormOf(AnalysisInput input) =>
        input.TargetSource is AddressTargetSource.FrontMatter or AddressTargetSource.Customer or AddressTargetSource.Configuration
            ? input.TargetAddress
            : input.ReplyAddress.Form;

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        if (input.Document.Language != Language.German)
        {
            return;
        }

        AddressForm form = FormOf(input);
        if (form is not (AddressForm.Du or AddressForm.Sie))
        {
            return;
        }

        string label = form == AddressForm.Du ? "du" : "Sie";
        TemplateDocument document = input.Document;
        foreach (TextEdit clash in GreetingConverter.FindClashes(document, form, input.Conversion))
        {
            string found = document.Source.Slice(clash.Span);
            context.Report(ToneDiagnostic.Create(Descriptor, clash.Span, Descriptor.FormatMessage(input.MessageLanguage, found, label),
                ImmutableDictionary<string, string>.Empty.Add(ReplacementCodeFixProvider.ReplacementProperty, clash.NewText)));
        }
    }
}

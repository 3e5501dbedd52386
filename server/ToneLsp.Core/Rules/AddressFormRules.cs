using System.Collections.Immutable;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>TONE002: du and Sie mixed within one reply.</summary>
public sealed class MixedAddressFormAnalyzer : ToneAnalyzer
{
    /// <summary>The property that holds the target form (du or sie).</summary>
    public const string TargetProperty = "target";

    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TONE002",
        Categories.AddressForm,
        DiagnosticSeverity.Warning,
        "du and Sie mixed in one reply",
        "„{0}“ is {1}, but this reply addresses the reader with {2}",
        "The reply switches between du and Sie. Readers notice at once: it looks like a pasted Textbaustein and makes the " +
        "reply feel careless. Pick one form and keep it: mirror the customer's own form, or use the form your brand has " +
        "chosen for the channel. The quick fix converts the sentence (or the whole reply), including the verbs: " +
        "„Kannst du“ ↔ „Können Sie“, „Wende dich“ ↔ „Wenden Sie sich“.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        if (input.ReplyAddress.Form != AddressForm.Mixed || input.TargetAddress is not (AddressForm.Du or AddressForm.Sie))
        {
            return;
        }

        AddressForm target = input.TargetAddress;
        foreach (AddressMention mention in input.ReplyAddress.Mentions)
        {
            if (mention.Form == target || mention.IsAmbiguous)
            {
                continue;
            }

            string message = Descriptor.FormatMessage(mention.Token.Text, Describe(mention.Form), Describe(target) + Reason(input.TargetSource));
            context.Report(ToneDiagnostic.Create(Descriptor, mention.Token.Span, message, ImmutableDictionary<string, string>.Empty.Add(TargetProperty, target.ToName())));
        }
    }

    internal static string Describe(AddressForm form) => form == AddressForm.Du ? "informal (du)" : "formal (Sie)";

    internal static string Reason(AddressTargetSource source) => source switch
    {
        AddressTargetSource.FrontMatter => " as its front matter asks",
        AddressTargetSource.Customer => " as the customer does",
        AddressTargetSource.Configuration => " as configured",
        _ => " in most places",
    };
}

/// <summary>TONE003: the reply's form does not mirror the customer's message, the front matter or the configuration.</summary>
public sealed class AddressMirrorAnalyzer : ToneAnalyzer
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TONE003",
        Categories.AddressForm,
        DiagnosticSeverity.Warning,
        "Address form does not mirror the customer",
        "This reply uses the {0} form, but {1} — mirror it",
        "Mirror the customer's form of address: a customer who writes du and gets a stiff Sie reply feels brushed off, and a " +
        "customer who writes Sie may feel a du reply is overly familiar. Where the template's front matter or your brand " +
        "configuration sets the form, that choice applies. The quick fix converts the whole reply, verbs included.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        AddressForm reply = input.ReplyAddress.Form;
        if (reply is not (AddressForm.Du or AddressForm.Sie) || input.TargetSource is AddressTargetSource.Majority or AddressTargetSource.None ||
            input.TargetAddress == reply)
        {
            return;
        }

        AddressMention? first = input.ReplyAddress.Evidence.FirstOrDefault(m => m.Form == reply);
        if (first is null)
        {
            return;
        }

        string why = input.TargetSource switch
        {
            AddressTargetSource.Customer when input.CustomerAddress is { FromRegister: true } customer =>
                $"the customer writes {(customer.Form == AddressForm.Sie ? "formally" : "casually")} (“{customer.Mentions[0].Token.Text} …”)",
            AddressTargetSource.Customer => $"the customer writes {input.TargetAddress.ToName()}",
            AddressTargetSource.FrontMatter => $"the front matter asks for {input.TargetAddress.ToName()}",
            _ => $"the configuration asks for {input.TargetAddress.ToName()}",
        };
        string message = Descriptor.FormatMessage(reply == AddressForm.Du ? "informal (du)" : "formal (Sie)", why);
        context.Report(ToneDiagnostic.Create(Descriptor, first.Token.Span, message,
            ImmutableDictionary<string, string>.Empty.Add(MixedAddressFormAnalyzer.TargetProperty, input.TargetAddress.ToName())));
    }
}

/// <summary>Fixes TONE002 and TONE003 by converting the sentence or the whole reply to the target form.</summary>
public sealed class AddressFormCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [MixedAddressFormAnalyzer.Descriptor.Id, AddressMirrorAnalyzer.Descriptor.Id];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        ToneDiagnostic diagnostic = context.Diagnostic;
        if (!diagnostic.Properties.TryGetValue(MixedAddressFormAnalyzer.TargetProperty, out string? name) || AddressFormNames.Parse(name) is not { } target)
        {
            return;
        }

        TemplateDocument document = context.Input.Document;
        ConversionOptions options = context.Input.Options.Conversion;
        string label = target == AddressForm.Du ? "du" : "Sie";
        if (diagnostic.Id == MixedAddressFormAnalyzer.Descriptor.Id &&
            document.SentenceContaining(diagnostic.Span) is { Block.IsQuoted: false } sentence)
        {
            IReadOnlyList<TextEdit> edits = AddressFormConverter.Convert(document, [sentence.Sentence], target, options);
            context.Register(new CodeFix($"Convert this sentence to {label}", edits, true, $"convert-sentence:{label}"));
        }

        IReadOnlyList<TextEdit> all = AddressFormConverter.ConvertDocument(document, target, options);
        context.Register(new CodeFix($"Convert the whole reply to {label}", all, context.Fixes.Count == 0, $"convert-document:{label}"));
    }
}

/// <summary>
/// TONE023: where the reply has to change its form of address (TONE002, TONE003), the words the conversion would
/// leave unchanged because it cannot decide: "Sie" that may mean "they", a word in verb position the lexicon does not know.
/// </summary>
public sealed class ConversionUncertaintyAnalyzer : ToneAnalyzer
{
    /// <summary>The rule's descriptor.</summary>
    public static readonly DiagnosticDescriptor Descriptor = new(
        "TONE023",
        Categories.AddressForm,
        DiagnosticSeverity.Information,
        "The conversion leaves this word unchanged",
        "Converting this reply to {0} leaves „{1}“ unchanged: {2}",
        "The du/Sie conversion changes a word only when the lexicon and the clause analysis agree on what it is. Where they " +
        "cannot decide (a sentence-initial „Sie“ that may mean „they“, a word in verb position that the lexicon does not know), " +
        "the word stays as it is and this note marks it, so that you can check it by hand after converting.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        AnalysisInput input = context.Input;
        AddressForm target = input.TargetAddress;
        AddressForm reply = input.ReplyAddress.Form;
        bool converts = target is AddressForm.Du or AddressForm.Sie &&
                        (reply == AddressForm.Mixed || (reply != target && reply is AddressForm.Du or AddressForm.Sie &&
                                                        input.TargetSource is not (AddressTargetSource.Majority or AddressTargetSource.None)));
        if (!converts)
        {
            return;
        }

        // Only sentences with a word of the other form can hold an undecided word; the rest need no analysis.
        var sentences = input.ReplyAddress.Mentions.Where(m => m.Form != target).Select(m => m.Sentence).Distinct().ToList();
        if (sentences.Count == 0)
        {
            return;
        }

        ConversionResult result = AddressFormConverter.ConvertWithNotes(input.Document, sentences, target, input.Options.Conversion);
        string label = target == AddressForm.Du ? "du" : "Sie";
        foreach (ConversionNote note in result.Notes)
        {
            context.Report(ToneDiagnostic.Create(Descriptor, note.Span, Descriptor.FormatMessage(label, note.Word, note.Reason)));
        }
    }
}

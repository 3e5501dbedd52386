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
        new RuleTexts(
            "du and Sie mixed in one reply",
            "“{0}” is {1}, but this reply addresses the reader with {2}",
            "The reply switches between du and Sie. Readers notice at once: it looks like a pasted Textbaustein and makes the " +
            "reply feel careless. Pick one form and keep it: mirror the customer's own form, or use the form your brand has " +
            "chosen for the channel. The quick fix converts the sentence (or the whole reply), including the verbs: " +
            "„Kannst du“ ↔ „Können Sie“, „Wende dich“ ↔ „Wenden Sie sich“.",
            "“Kannst du uns ein Foto schicken? Dann kümmern wir uns darum.” – du throughout."),
        new RuleTexts(
            "du und Sie in einer Antwort gemischt",
            "„{0}“ steht in {1}, die Antwort verwendet aber {2}",
            "Die Antwort wechselt zwischen du und Sie. Das fällt sofort auf: Es wirkt wie ein eingefügter " +
            "Textbaustein und lässt die Antwort nachlässig erscheinen. Entscheide dich für eine Anrede und bleib " +
            "dabei: Greif die Anrede der Kundin oder des Kunden auf oder nimm die, die eure Marke für den Kanal " +
            "gewählt hat. Die Schnellkorrektur wandelt den Satz (oder die ganze Antwort) um, Verben " +
            "eingeschlossen: „Kannst du“ ↔ „Können Sie“, „Wende dich“ ↔ „Wenden Sie sich“.",
            "„Kannst du uns ein Foto schicken? Dann kümmern wir uns darum.“ – durchgehend du."));

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

            Language language = input.MessageLanguage;
            string message = Descriptor.FormatMessage(language, mention.Token.Text, In(mention.Form).In(language), Uses(target).In(language) + Reason(input.TargetSource).In(language));
            context.Report(ToneDiagnostic.Create(Descriptor, mention.Token.Span, message, ImmutableDictionary<string, string>.Empty.Add(TargetProperty, target.ToName())));
        }
    }

    // The form a word is in, and the form a reply uses: German needs a different case for each.
    internal static LocalText In(AddressForm form) => form == AddressForm.Du ? Messages.FormInformal : Messages.FormFormal;

    internal static LocalText Uses(AddressForm form) => form == AddressForm.Du ? Messages.UsesInformal : Messages.UsesFormal;

    internal static LocalText Label(AddressForm form) => form == AddressForm.Du ? Messages.LabelDu : Messages.LabelSie;

    internal static LocalText Reason(AddressTargetSource source) => source switch
    {
        AddressTargetSource.FrontMatter => Messages.BecauseFrontMatter,
        AddressTargetSource.Customer => Messages.BecauseCustomer,
        AddressTargetSource.Configuration => Messages.BecauseConfiguration,
        _ => Messages.BecauseMajority,
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
        new RuleTexts(
            "Address form does not mirror the customer",
            "This reply uses the {0} form, but {1} — mirror it",
            "Mirror the customer's form of address: a customer who writes du and gets a stiff Sie reply feels brushed off, and a " +
            "customer who writes Sie may feel a du reply is overly familiar. Where the template's front matter or your brand " +
            "configuration sets the form, that choice applies. The quick fix converts the whole reply, verbs included.",
            "Customer: “Hallo, könnt ihr mir helfen?” – reply: “Hallo Anna, klar helfen wir dir!”"),
        new RuleTexts(
            "Anrede passt nicht zur Kundin oder zum Kunden",
            "Diese Antwort verwendet {0}, aber {1} – pass die Anrede an",
            "Greif die Anrede der Kundin oder des Kunden auf: Wer du schreibt und eine steife Sie-Antwort " +
            "bekommt, fühlt sich abgefertigt, und wer Sie schreibt, empfindet eine Du-Antwort womöglich als zu " +
            "vertraulich. Wo das Front Matter der Vorlage oder die Konfiguration eurer Marke die Anrede festlegt, " +
            "gilt diese. Die Schnellkorrektur wandelt die ganze Antwort um, Verben eingeschlossen.",
            "Kundin: „Hallo, könnt ihr mir helfen?“ – Antwort: „Hallo Anna, klar helfen wir dir!“"));

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

        Language language = input.MessageLanguage;
        string asked = language == Language.German ? MixedAddressFormAnalyzer.Uses(input.TargetAddress).De : input.TargetAddress.ToName();
        string why = input.TargetSource switch
        {
            AddressTargetSource.Customer when input.CustomerAddress is { FromRegister: true } customer =>
                (customer.Form == AddressForm.Sie ? Messages.CustomerWritesFormally : Messages.CustomerWritesCasually).Format(language, customer.Mentions[0].Token.Text),
            AddressTargetSource.Customer => (input.TargetAddress == AddressForm.Du ? Messages.CustomerWritesDu : Messages.CustomerWritesSie).In(language),
            AddressTargetSource.FrontMatter => Messages.FrontMatterAsksFor.Format(language, asked),
            _ => Messages.ConfigurationAsksFor.Format(language, asked),
        };
        string message = Descriptor.FormatMessage(language, MixedAddressFormAnalyzer.Uses(reply).In(language), why);
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
        ConversionOptions options = context.Input.Conversion;
        string label = target == AddressForm.Du ? "du" : "Sie";
        Language language = context.Input.MessageLanguage;
        string shown = MixedAddressFormAnalyzer.Label(target).In(language);
        if (diagnostic.Id == MixedAddressFormAnalyzer.Descriptor.Id &&
            document.SentenceContaining(diagnostic.Span) is { Block.IsQuoted: false } sentence)
        {
            IReadOnlyList<TextEdit> edits = AddressFormConverter.Convert(document, [sentence.Sentence], target, options);
            context.Register(new CodeFix(Messages.FixConvertSentence.Format(language, shown), edits, true, $"convert-sentence:{label}"));
        }

        IReadOnlyList<TextEdit> all = AddressFormConverter.ConvertDocument(document, target, options);
        context.Register(new CodeFix(Messages.FixConvertDocument.Format(language, shown), all, context.Fixes.Count == 0, $"convert-document:{label}"));
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
        new RuleTexts(
            "The conversion leaves this word unchanged",
            "Converting this reply to {0} leaves “{1}” unchanged: {2}",
            "The du/Sie conversion changes a word only when the lexicon and the clause analysis agree on what it is. Where they " +
            "cannot decide (a sentence-initial „Sie“ that may mean „they“, a word in verb position that the lexicon does not know), " +
            "the word stays as it is and this note marks it, so that you can check it by hand after converting.",
            "Check the marked word by hand after converting: “Sie” becomes “du” only where the reader is meant."),
        new RuleTexts(
            "Die Umwandlung lässt dieses Wort unverändert",
            "Beim Umwandeln in {0} bleibt „{1}“ unverändert: {2}",
            "Die Du/Sie-Umwandlung ändert ein Wort nur, wenn Lexikon und Satzanalyse sich einig sind, was es ist. " +
            "Wo sie das nicht entscheiden können (ein „Sie“ am Satzanfang, das auch „sie“ heißen kann, ein Wort " +
            "an Verbstelle, das das Lexikon nicht kennt), bleibt das Wort stehen, und dieser Hinweis markiert es, " +
            "damit du es nach dem Umwandeln von Hand prüfen kannst.",
            "Prüfe das markierte Wort nach dem Umwandeln von Hand: Aus „Sie“ wird nur dort „du“, wo die Leserin oder der Leser gemeint ist."));

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
        Language language = input.MessageLanguage;
        string label = MixedAddressFormAnalyzer.Label(target).In(language);
        foreach (ConversionNote note in result.Notes)
        {
            context.Report(ToneDiagnostic.Create(Descriptor, note.Span, Descriptor.FormatMessage(language, label, note.Word, note.Reason.In(language))));
        }
    }
}

using ToneLsp.Core.AddressForms.Conversion;
using ToneLsp.Core.AddressForms.Conversion.Rewrites;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms;

/// <summary>Whom a reply addresses: one reader (du) or several (ihr) when converted to the informal form.</summary>
public enum Audience
{
    /// <summary>One reader: Sie becomes du.</summary>
    Singular,

    /// <summary>Several readers: Sie becomes ihr, Ihnen euch, Ihr euer.</summary>
    Plural,
}

/// <summary>Options for converting between du and Sie.</summary>
public sealed record ConversionOptions
{
    /// <summary>Default options: lower-case du, one reader.</summary>
    public static ConversionOptions Default { get; } = new();

    /// <summary>Whether du-forms are written with a capital letter (Du, Dich, Dein) everywhere.</summary>
    public bool CapitalizeDu { get; init; }

    /// <summary>Whether converting a whole reply also adapts greeting and closing ("Sehr geehrte…" ↔ "Hallo…").</summary>
    public bool ConvertGreetings { get; init; } = true;

    /// <summary>The team's greetings and closings per language and register (<c>salutations:</c>); null for the built-in ones.</summary>
    public IReadOnlyDictionary<(Language Language, Register Register), Configuration.SalutationPair>? Salutations { get; init; }

    /// <summary>
    /// The register of the greetings and closings a conversion writes: neutral ("Hallo", "Viele Grüße") by default; a
    /// rule's fix that mirrors the customer passes the customer's. Either way only greetings that fit the form are written.
    /// </summary>
    public Register SalutationRegister { get; init; } = Register.Neutral;

    /// <summary>Whether Sie becomes du (one reader) or ihr (several); front matter <c>audience: plural</c> overrides it.</summary>
    public Audience Audience { get; init; }

    /// <summary>Receives a description of each sentence's analysis (clauses, subjects, verbs, tags), for debugging a conversion.</summary>
    public Action<string>? Trace { get; init; }
}

/// <summary>The edits of a conversion and the words it left unchanged because it could not decide.</summary>
/// <param name="Edits">Non-overlapping edits, in order.</param>
/// <param name="Notes">Words left unchanged, with the reason.</param>
public sealed record ConversionResult(IReadOnlyList<TextEdit> Edits, IReadOnlyList<ConversionNote> Notes);

/// <summary>
/// Converts German prose between du and Sie. Each sentence is tagged with the lexicon's readings and cut into
/// clauses; the reader's role in every clause is found (subject and agreeing verb, imperative, object case,
/// reflexive); then one rewrite per construct produces the edits: pronouns, possessives, reflexives, finite
/// verbs, imperatives, and greetings. Code, links, placeholders, front matter and quotes are never touched.
/// </summary>
public static class AddressFormConverter
{
    /// <summary>Converts the whole reply (not the customer's message or other quotes), greeting and closing included.</summary>
    public static IReadOnlyList<TextEdit> ConvertDocument(TemplateDocument document, AddressForm target, ConversionOptions? options = null) =>
        ConvertDocumentWithNotes(document, target, options).Edits;

    /// <summary>Converts the whole reply and says which words it left unchanged.</summary>
    public static ConversionResult ConvertDocumentWithNotes(TemplateDocument document, AddressForm target, ConversionOptions? options = null)
    {
        options = WithDocumentAudience(document, options ?? ConversionOptions.Default);
        var result = Run(document, document.ReplySentences.Select(s => s.Sentence), target, options);
        if (!options.ConvertGreetings)
        {
            return result;
        }

        var edits = result.Edits.ToList();
        edits.AddRange(GreetingConverter.FindClashes(document, target, options));
        return result with { Edits = Normalize(edits) };
    }

    /// <summary>Converts the given sentences of the document.</summary>
    public static IReadOnlyList<TextEdit> Convert(TemplateDocument document, IEnumerable<Sentence> sentences, AddressForm target, ConversionOptions? options = null) =>
        Run(document, sentences, target, WithDocumentAudience(document, options ?? ConversionOptions.Default)).Edits;

    /// <summary>Converts the given sentences and says which words it left unchanged.</summary>
    public static ConversionResult ConvertWithNotes(TemplateDocument document, IEnumerable<Sentence> sentences, AddressForm target, ConversionOptions? options = null) =>
        Run(document, sentences, target, WithDocumentAudience(document, options ?? ConversionOptions.Default));

    private static ConversionResult Run(TemplateDocument document, IEnumerable<Sentence> sentences, AddressForm target, ConversionOptions options)
    {
        var edits = new List<TextEdit>();
        var notes = new List<ConversionNote>();
        if (document.Language != Language.German || target is not (AddressForm.Du or AddressForm.Sie))
        {
            return new ConversionResult(edits, notes);
        }

        GermanLexicon lexicon = GermanLexicon.Shared;
        var list = sentences.ToList();
        AddressFormResult detected = AddressFormDetector.Detect(list);
        var context = new ConversionContext
        {
            HasInformal = detected.DuCount > 0,
            InformalPlural = detected.Mentions.Any(m => m.Token.Lower is "euch" or "euer" or "eure" or "euren" or "eurem" or "eurer" or "eures" || m.Token.Lower == "ihr" && m.Form == AddressForm.Du),
        };
        foreach (Sentence sentence in list)
        {
            TaggedSentence tagged = TaggedSentence.Tag(sentence, lexicon);
            var undecided = new List<Undecided>();
            List<Mention> mentions = target == AddressForm.Sie
                ? AddresseeAnalysis.AnalyzeInformal(tagged, context, undecided)
                : AddresseeAnalysis.AnalyzeFormal(tagged, context, undecided);
            foreach (Undecided word in undecided)
            {
                Token token = tagged.Tokens[word.Token];
                notes.Add(new ConversionNote(token.Span, token.Text, word.Reason));
            }

            options.Trace?.Invoke(AnalysisTrace.Describe(tagged));
            var rewrite = new RewriteContext(tagged, mentions, target, options, edits);
            PronounRewrite.Apply(rewrite);
            PossessiveRewrite.Apply(rewrite);
            ReflexiveRewrite.Apply(rewrite);
            FiniteVerbRewrite.Apply(rewrite, notes);
            ImperativeRewrite.Apply(rewrite, notes);
            bool readerSubject = tagged.Clauses.Any(c => c.Subject == SubjectKind.Addressee);
            bool stillThey = context.PluralReferent && (PluralReferent.RefersBack(tagged) || undecided.Any(u => u.Reason == Diagnostics.Messages.UndecidedTheyOrShe));
            bool introduces = PluralReferent.Introduces(tagged);
            context.PeopleReferent = !readerSubject && ((stillThey && context.PeopleReferent) || (introduces && PluralReferent.MayBePeople(tagged)));
            context.PluralReferent = !readerSubject && (stillThey || introduces);
        }

        return new ConversionResult(Normalize(edits), notes.DistinctBy(n => n.Span.Start).OrderBy(n => n.Span.Start).ToList());
    }

    private static ConversionOptions WithDocumentAudience(TemplateDocument document, ConversionOptions options) =>
        document.Metadata.Values.TryGetValue("audience", out string? audience) && audience.Trim().ToLowerInvariant() is { } value
            ? value switch
            {
                "plural" => options with { Audience = Audience.Plural },
                "singular" => options with { Audience = Audience.Singular },
                _ => options,
            }
            : options;

    private static List<TextEdit> Normalize(List<TextEdit> edits)
    {
        var result = new List<TextEdit>();
        foreach (TextEdit edit in edits.OrderBy(e => e.Span.Start).ThenByDescending(e => e.Span.Length))
        {
            if (result.Count > 0 && (result[^1].Span.End > edit.Span.Start || result[^1].Span == edit.Span))
            {
                continue;
            }

            result.Add(edit);
        }

        return result;
    }
}

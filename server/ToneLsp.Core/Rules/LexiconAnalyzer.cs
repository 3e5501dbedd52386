using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>Reports every phrase of every lexicon rule that occurs in the reply's prose.</summary>
public sealed partial class LexiconAnalyzer(IReadOnlyList<LexiconRule> rules) : ToneAnalyzer
{
    private readonly bool scanFromWordStarts = true;

    /// <summary>An analyzer that searches every phrase everywhere instead of only at the words it can begin with (for tests: both find the same).</summary>
    internal LexiconAnalyzer(IReadOnlyList<LexiconRule> rules, bool scanFromWordStarts)
        : this(rules) => this.scanFromWordStarts = scanFromWordStarts;

    /// <summary>The property that names the matching phrase's index within its rule.</summary>
    public const string PhraseProperty = "phrase";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [.. rules.Select(r => r.Descriptor)];

    /// <summary>The rules this analyzer runs.</summary>
    public IReadOnlyList<LexiconRule> Rules => rules;

    private readonly Lazy<PhraseIndex> _index = new(() => new PhraseIndex(rules));

    /// <inheritdoc />
    public override void Analyze(AnalysisContext context)
    {
        TemplateDocument document = context.Input.Document;
        var blocks = document.ReplyBlocks.ToList();
        string? channel = document.Metadata.Channel?.Trim();
        Text.WordIndex words = context.Input.Words;
        var candidates = new List<int>();
        using PhraseIndex.Matches? indexed = _index.Value.Match(words);
        for (int r = 0; r < rules.Count; r++)
        {
            LexiconRule rule = rules[r];
            if (context.Input.Options.GetSeverity(rule.Descriptor) is null ||
                (channel is not null && rule.SkipChannels.Contains(channel, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            List<(TextSpan Span, int Phrase)>? matches = null;
            void Collect(TextSpan scope, int p, LexiconPhrase phrase, PhrasePart part, int startsBefore = int.MaxValue)
            {
                void Add(int index, int length)
                {
                    if (length > 0 && index < startsBefore && !IsExcepted(document, phrase, index) && SubjectHolds(document, phrase, new TextSpan(index, length)))
                    {
                        (matches ??= []).Add((new TextSpan(index, length), p));
                    }
                }

                ReadOnlySpan<char> input = document.ProseSpan(scope);
                if (scanFromWordStarts && part.Start?.Value is { } start)
                {
                    // Tried only where a word begins that a match can begin with, one match after another as a search
                    // finds them.
                    // The attempts share the one time limit that a search through the scope would have had, so that a
                    // pathological team pattern stays bounded however many words it may begin with.
                    Regex anchored = start.Anchored;
                    long began = System.Diagnostics.Stopwatch.GetTimestamp();
                    for (int at = start.NextCandidate(input, 0); at >= 0 && scope.Start + at < startsBefore; at = start.NextCandidate(input, at + 1))
                    {
                        if (anchored.MatchTimeout != Regex.InfiniteMatchTimeout && System.Diagnostics.Stopwatch.GetElapsedTime(began) > anchored.MatchTimeout)
                        {
                            throw new RegexMatchTimeoutException(input.ToString(), anchored.ToString(), anchored.MatchTimeout);
                        }

                        foreach (ValueMatch match in anchored.EnumerateMatches(input, at))
                        {
                            if (match.Index == at && match.Length > 0)
                            {
                                Add(scope.Start + at, match.Length);
                                at += match.Length - 1;
                            }

                            break;
                        }
                    }

                    return;
                }

                foreach (ValueMatch match in part.Regex.EnumerateMatches(input))
                {
                    Add(scope.Start + match.Index, match.Length);
                }
            }

            // With the inverted index, only the parts whose every anchor group occurs in one sentence run at all.
            if (indexed is not null)
            {
                foreach (PhraseIndex.Entry entry in _index.Value.EntriesOf(r))
                {
                    if (entry.Phrase.Language != document.Language || entry.Part.Anchors.Count == 0)
                    {
                        continue;
                    }

                    ulong bits = indexed.SentencesOf(entry);
                    try
                    {
                        for (; bits != 0; bits &= bits - 1)
                        {
                            context.CancellationToken.ThrowIfCancellationRequested();
                            int sentence = System.Numerics.BitOperations.TrailingZeroCount(bits);
                            Collect(WithNextSentence(document, sentence), entry.PhraseIndex, entry.Phrase, entry.Part, document.Sentences[sentence].Sentence.Span.End);
                        }
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        context.ReportFailure($"{rule.Descriptor.Id}: the pattern '{entry.Phrase.Pattern}' timed out and was skipped");
                    }
                }
            }

            // Without the index every phrase is tried; with it only those with a part that has no anchors are left.
            IReadOnlyList<int>? remaining = indexed is null ? null : _index.Value.UnanchoredOf(r);
            int count = remaining?.Count ?? rule.Phrases.Count;
            for (int i = 0; i < count; i++)
            {
                int p = remaining is null ? i : remaining[i];
                LexiconPhrase phrase = rule.Phrases[p];
                if (phrase.Language != document.Language || (indexed is null && !AllAnchorsOccur(phrase, words)))
                {
                    continue;
                }

                try
                {
                    // A match holds a word of every anchor group, so the expression runs only on the sentences that
                    // hold them; a phrase without anchors runs on every block. A slice behaves as the whole input for
                    // anchors and lookarounds, as Match(input, start, length) does.
                    foreach (PhrasePart part in phrase.Parts)
                    {
                        if (part.Anchors.Count > 0)
                        {
                            if (indexed is not null)
                            {
                                continue;
                            }

                            candidates.Clear();
                            words.CandidateSentences(part.Anchors, candidates);

                            foreach (int sentence in candidates)
                            {
                                context.CancellationToken.ThrowIfCancellationRequested();
                                Collect(WithNextSentence(document, sentence), p, phrase, part, document.Sentences[sentence].Sentence.Span.End);
                            }
                        }
                        else
                        {
                            foreach (ProseBlock block in blocks)
                            {
                                context.CancellationToken.ThrowIfCancellationRequested();
                                Collect(block.Span, p, phrase, part);
                            }
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A user pattern that takes too long is skipped for this document; the others still run.
                    context.ReportFailure($"{rule.Descriptor.Id}: the pattern '{phrase.Pattern}' timed out and was skipped");
                }
            }

            if (matches is null)
            {
                continue;
            }

            // Where the reply helps in a clause no match touches, a rule may be milder ("… our hotline is open too").
            DiagnosticSeverity? alongside = rule.AlongsideHelp is { } milder && ReplyHelp.HelpsOutside(document, [.. matches.Select(m => m.Span)]) ? milder : null;

            // One finding per place: where phrases of one rule overlap, the longest earliest wins.
            TextSpan last = default;
            bool any = false;
            foreach (var (span, phraseIndex) in matches.OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.Length))
            {
                if (any && span.Start < last.End)
                {
                    continue;
                }

                any = true;
                last = span;
                LexiconPhrase phrase = rule.Phrases[phraseIndex];
                string text = ProseTokenizer.CollapseWhitespace(document.Source.Slice(span));
                string message = phrase.Message is { } custom ? Format(custom, text) : rule.Descriptor.FormatMessage(context.Input.MessageLanguage, text);
                var diagnostic = ToneDiagnostic.Create(
                    rule.Descriptor,
                    span,
                    alongside is null ? message : message + Messages.AlongsideHelp.In(context.Input.MessageLanguage),
                    ImmutableDictionary<string, string>.Empty.Add(PhraseProperty, phraseIndex.ToString(CultureInfo.InvariantCulture)));
                context.Report(alongside is { } severity ? diagnostic with { Severity = severity } : diagnostic);
            }
        }
    }

    // A match starts in its candidate sentence and may run on into the next one of the same block ("I'm shocked. Truly.").
    private static TextSpan WithNextSentence(TemplateDocument document, int sentence)
    {
        IReadOnlyList<BlockSentence> sentences = document.Sentences;
        TextSpan span = sentences[sentence].Sentence.Span;
        return sentence + 1 < sentences.Count && sentences[sentence + 1].Block == sentences[sentence].Block
            ? TextSpan.FromBounds(span.Start, sentences[sentence + 1].Sentence.Span.End)
            : span;
    }

    internal static bool AllAnchorsOccur(LexiconPhrase phrase, Text.WordIndex words)
    {
        // Indexed rather than foreach: this runs for every phrase, and an interface enumerator is an allocation.
        for (int i = 0; i < phrase.Anchors.Count; i++)
        {
            if (!words.ContainsAny(phrase.Anchors[i]))
            {
                return false;
            }
        }

        return true;
    }

    // "subject: reader": a clause the match touches has the reader as its subject ("Sie haben … übersehen").
    private static bool SubjectHolds(TemplateDocument document, LexiconPhrase phrase, TextSpan span) => phrase.Subject switch
    {
        SubjectConstraint.Reader => AddressForms.ReaderSubject.IsReaderSubjectIn(document, span),
        SubjectConstraint.NotReader => !AddressForms.ReaderSubject.IsReaderSubjectIn(document, span),
        _ => true,
    };

    // An "unless" pattern in the same sentence or the next one cancels the match ("… per DM schicken").
    private static bool IsExcepted(TemplateDocument document, LexiconPhrase phrase, int offset)
    {
        if (phrase.Unless.Count == 0)
        {
            return false;
        }

        IReadOnlyList<BlockSentence> sentences = document.Sentences;
        int index = document.SentenceIndexAt(offset);
        TextSpan scope = new(offset, 0);
        if (index >= 0)
        {
            int last = index + 1 < sentences.Count && sentences[index + 1].Block == sentences[index].Block ? index + 1 : index;
            scope = TextSpan.FromBounds(sentences[index].Sentence.Span.Start, sentences[last].Sentence.Span.End);
        }

        foreach (Regex unless in phrase.Unless)
        {
            if (unless.IsMatch(document.ProseSpan(scope)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Format(string format, string text)
    {
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, text);
        }
        catch (FormatException)
        {
            return format;
        }
    }

}

/// <summary>Offers each lexicon phrase's rewrites, in the document's address form, as fixes.</summary>
public sealed partial class LexiconCodeFixProvider(IReadOnlyList<LexiconRule> rules) : CodeFixProvider
{
    private readonly Dictionary<string, LexiconRule> _byId = rules.ToDictionary(r => r.Descriptor.Id, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [.. rules.Select(r => r.Descriptor.Id)];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        ToneDiagnostic diagnostic = context.Diagnostic;
        if (!_byId.TryGetValue(diagnostic.Id, out LexiconRule? rule) ||
            !diagnostic.Properties.TryGetValue(LexiconAnalyzer.PhraseProperty, out string? index) ||
            !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int phraseIndex) ||
            phraseIndex >= rule.Phrases.Count)
        {
            return;
        }

        SourceText source = context.Input.Document.Source;
        string matched = source.Slice(diagnostic.Span);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool first = true;
        LexiconPhrase phrase = rule.Phrases[phraseIndex];
        foreach (LexiconRewrite rewrite in phrase.Rewrites)
        {
            if (rewrite.For(context.Input.RewriteAddress) is not { } text)
            {
                continue;
            }

            TextEdit edit;
            if (phrase.Scope == RewriteScope.Sentence && SentenceAround(context.Input.Document, diagnostic.Span) is { } sentence)
            {
                if (SentenceRewrite(context.Input.Document, sentence, diagnostic.Span, text) is not { } kept)
                {
                    // The sentence says something the rewrite cannot keep: no fix rather than one that loses it.
                    continue;
                }

                edit = kept;
            }
            else if (Parenthetical(source, diagnostic.Span) is { } insertion)
            {
                // "Das klappt, wie bereits erklärt, nur mit der App": an opener does not fit inside a sentence, so the
                // insertion goes with its commas ("Das klappt nur mit der App").
                edit = insertion;
                text = string.Empty;
            }
            else if (text.Length > 0 && rule.Descriptor.Category == Categories.Sarcasm && IronicOpener(context.Input.Document, diagnostic.Span) is { } opener)
            {
                // "Wow, thanks for the super helpful feedback" → "Thanks for your feedback": the interjection is part of the irony.
                edit = new TextEdit(TextSpan.FromBounds(opener.Start, diagnostic.Span.End), MatchCase(source.Slice(opener), text));
            }
            else
            {
                edit = text.Length == 0 ? Deletion(source, diagnostic.Span, matched) : new TextEdit(diagnostic.Span, MatchCase(matched, text));
            }

            if (!seen.Add(edit.NewText + "@" + edit.Span))
            {
                continue;
            }

            string title = text.Length == 0
                ? Messages.FixRemove.Format(context.Input.MessageLanguage, ProseTokenizer.CollapseWhitespace(matched))
                : Messages.FixRewriteAs.Format(context.Input.MessageLanguage, edit.NewText);
            context.Register(new CodeFix(title, [edit], first, $"{rule.Descriptor.Id}:{phraseIndex}:{seen.Count}"));
            first = false;
        }
    }

    /// <summary>Adapts the rewrite's first letter to the matched text's: capital at a sentence start, small inside a sentence.</summary>
    internal static string MatchCase(string matched, string rewrite)
    {
        char? first = matched.FirstOrDefault(char.IsLetter);
        if (first is null || rewrite.Length == 0 || !char.IsLetter(rewrite[0]))
        {
            return rewrite;
        }

        if (char.IsUpper(first.Value))
        {
            return char.ToUpperInvariant(rewrite[0]) + rewrite[1..];
        }

        bool keepCapital = rewrite.StartsWith("Sie", StringComparison.Ordinal) || rewrite.StartsWith("Ihr", StringComparison.Ordinal) ||
                           rewrite.StartsWith("I ", StringComparison.Ordinal) || rewrite.StartsWith("I'", StringComparison.Ordinal) ||
                           (rewrite.Length > 1 && char.IsUpper(rewrite[1])) || StartsWithNoun(rewrite);
        return keepCapital ? rewrite : char.ToLowerInvariant(rewrite[0]) + rewrite[1..];
    }

    // Whether a phrase of these rules occurs in the text: only phrases whose anchor words all occur are tried.
    private bool IsFlagged(string text, Language language)
    {
        var words = new Text.WordIndex(TemplateDocument.ParseAs(text, language));
        foreach (LexiconRule rule in rules)
        {
            foreach (LexiconPhrase phrase in rule.Phrases)
            {
                if (phrase.Language == language && LexiconAnalyzer.AllAnchorsOccur(phrase, words) && phrase.Regex.IsMatch(text))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "Kundinnen und Kunden stehen …" keeps its capital inside a sentence: a German noun is written with one.
    private static bool StartsWithNoun(string rewrite)
    {
        int end = 0;
        while (end < rewrite.Length && char.IsLetter(rewrite[end]))
        {
            end++;
        }

        string word = rewrite[..end];
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }

        // "Danke" and "Vielen" are also read in lower case: only a word the lexicon knows solely as a noun keeps its capital.
        Morphology.GermanLexicon lexicon = Morphology.GermanLexicon.Shared;
        string lower = char.ToLowerInvariant(word[0]) + word[1..];
        return lexicon.Has(word, Morphology.PartOfSpeech.Noun) && !IsOtherThanNoun(word) && !IsOtherThanNoun(lower);

        bool IsOtherThanNoun(string form) => lexicon.Has(form, Morphology.PartOfSpeech.Verb) || lexicon.Has(form, Morphology.PartOfSpeech.Adjective);
    }

    // A greeting before the phrase ("Hallo Jana, da hast du …") stays; the framing is rewritten and what the sentence
    // says besides it is kept, first ("Reg dich nicht so auf, dein Paket kommt morgen." → "Dein Paket kommt morgen. Wir
    // verstehen, …"); null when some of it cannot be kept.
    private TextEdit? SentenceRewrite(TemplateDocument document, Sentence sentence, TextSpan match, string text)
    {
        bool IsFraming(string part) => IsFlagged(part, document.Language);

        SourceText source = document.Source;
        TextSpan span = sentence.Span;
        bool greeting = GreetingPrefix().IsMatch(source.Text[span.Start..match.Start]);
        int start = greeting ? match.Start : span.Start;
        if (SentenceContent.Outside(document, sentence, match, start, IsFraming) is not { } content)
        {
            return null;
        }

        string rewrite = content.Length == 0 ? text : content + " " + char.ToUpperInvariant(text[0]) + text[1..];
        return new TextEdit(TextSpan.FromBounds(start, span.End), MatchCase(greeting ? "x" : source.Slice(span), rewrite));
    }

    private static readonly System.Text.RegularExpressions.Regex GreetingPrefixPattern = new(
        @"^\s*(?:" + Salutations.OpeningAlternation + @")(?![\p{L}])[^,.!?]*,\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static System.Text.RegularExpressions.Regex GreetingPrefix() => GreetingPrefixPattern;

    private static Sentence? SentenceAround(TemplateDocument document, TextSpan span) =>
        document.SentenceContaining(span) is { Block.IsQuoted: false } sentence ? sentence.Sentence : null;

    private static readonly Lazy<System.Text.RegularExpressions.Regex?> InterjectionOpener = new(() =>
        WordClassCatalog.TryTranslate("interjection", out string regex, out _)
            ? new System.Text.RegularExpressions.Regex(@"^\s*(?:" + regex + @")\s*[,!]\s*$", PhrasePattern.Options)
            : null);

    // The interjection and comma that open the match's sentence ("Wow, …", "Na, …"), from the word class "interjection".
    private static TextSpan? IronicOpener(TemplateDocument document, TextSpan match)
    {
        if (SentenceAround(document, match) is not { } sentence || InterjectionOpener.Value is not { } opener)
        {
            return null;
        }

        string before = document.Source.Text[sentence.Span.Start..match.Start];
        return opener.IsMatch(before) ? TextSpan.FromBounds(sentence.Span.Start + (before.Length - before.TrimStart().Length), match.Start) : null;
    }

    // Whether only white space, quotes or a sentence end come before the offset.
    private static bool StartsSentence(string text, int offset)
    {
        int k = offset - 1;
        while (k >= 0 && text[k] is ' ' or '\t' or '"' or '„' or '“' or '»' or '(' or '*' or '_')
        {
            k--;
        }

        return k < 0 || text[k] is '.' or '!' or '?' or '…' or ':' or '\n' or '\r';
    }

    // A match between two commas inside a sentence, its closing comma part of the match: the edit that removes it with
    // the opening comma. Null for anything else.
    private static TextEdit? Parenthetical(SourceText source, TextSpan span)
    {
        string text = source.Text;
        int end = span.End;
        if (end == span.Start || text[end - 1] != ',')
        {
            return null;
        }

        int comma = span.Start - 1;
        while (comma >= 0 && text[comma] is ' ' or '\t')
        {
            comma--;
        }

        if (comma < 1 || text[comma] != ',' || !char.IsLetterOrDigit(text[comma - 1]))
        {
            return null;
        }

        return new TextEdit(TextSpan.FromBounds(comma, end), string.Empty);
    }

    // Deleting a phrase also removes the space after it, and keeps a sentence start capitalised.
    private static TextEdit Deletion(SourceText source, TextSpan span, string matched)
    {
        string text = source.Text;
        int end = span.End;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        // "Na toll, das hat …" loses the opener with its comma: "Das hat …".
        if (end < text.Length && text[end] == ',' && StartsSentence(text, span.Start))
        {
            end++;
            while (end < text.Length && text[end] is ' ' or '\t')
            {
                end++;
            }
        }

        // "unterwegs 🙄." loses the space before the mark too, and "Na toll, 🙄 das" keeps one space between words.
        int start = span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t' && (end >= text.Length || text[end] is '.' or ',' or '!' or '?' or ';' or ':' or '\n' or '\r' or ')'))
        {
            start--;
        }

        if (start < span.Start)
        {
            return new TextEdit(TextSpan.FromBounds(start, end), string.Empty);
        }

        bool capital = matched.Length > 0 && char.IsUpper(matched.FirstOrDefault(char.IsLetter));
        if (capital && end < text.Length && char.IsLower(text[end]))
        {
            return new TextEdit(TextSpan.FromBounds(span.Start, end + 1), char.ToUpperInvariant(text[end]).ToString());
        }

        return new TextEdit(TextSpan.FromBounds(span.Start, end), string.Empty);
    }
}

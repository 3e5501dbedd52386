using ToneLsp.Core.AddressForms.Conversion;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms;

/// <summary>
/// Whether the reader is the subject of a clause a match touches, for phrase rules with <c>subject: reader</c>
/// ("Sie haben … übersehen" blames the reader, "Wir haben … übersehen" does not). German clauses are analysed as the
/// du/Sie conversion analyses them (subject and agreeing verb, imperatives, in both address forms); English clauses
/// count when "you" is their subject.
/// </summary>
public static class ReaderSubject
{
    /// <summary>Whether the reader is the subject of a clause that the span starts in or overlaps. Never throws.</summary>
    public static bool IsReaderSubjectIn(TemplateDocument document, TextSpan span)
    {
        int index = document.SentenceIndexAt(span.Start);
        if (index < 0)
        {
            return false;
        }

        Sentence sentence = document.Sentences[index].Sentence;
        return document.Language == Language.German ? German(sentence, span) : English(sentence, span.Start);
    }

    private static bool German(Sentence sentence, TextSpan span)
    {
        var context = new ConversionContext();
        foreach (bool informal in (ReadOnlySpan<bool>)[true, false])
        {
            TaggedSentence tagged = TaggedSentence.Tag(sentence, GermanLexicon.Shared);
            var undecided = new List<Undecided>();
            _ = informal ? AddresseeAnalysis.AnalyzeInformal(tagged, context, undecided) : AddresseeAnalysis.AnalyzeFormal(tagged, context, undecided);
            foreach (Clause clause in tagged.Clauses)
            {
                bool overlaps = tagged.Tokens[clause.Start].Span.Start < span.End && span.Start < tagged.Tokens[clause.End].Span.End;
                if (overlaps && clause.Subject == SubjectKind.Addressee)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The English clause around the offset: between punctuation and coordinators; "you" is its subject unless a
    // preposition or a verb governs it ("thank you", "for you", "we sent you").
    private static bool English(Sentence sentence, int offset)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        int at = 0;
        while (at < tokens.Count - 1 && tokens[at].Span.End <= offset)
        {
            at++;
        }

        int start = at, end = at;
        while (start > 0 && !IsClauseBoundary(tokens[start - 1]))
        {
            start--;
        }

        while (end < tokens.Count - 1 && !IsClauseBoundary(tokens[end + 1]))
        {
            end++;
        }

        for (int k = start; k <= end; k++)
        {
            if (tokens[k].IsWord && tokens[k].Lower is "you" or "you're" or "you’re" or "you've" or "you’ve" or "you'd" or "you’d" or "you'll" or "you’ll" &&
                (k == start || !tokens[k - 1].IsWord || !NotBeforeSubject.Contains(tokens[k - 1].Lower)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClauseBoundary(Token token) =>
        token.IsWord ? token.Lower is "and" or "but" or "or" or "because" or "while" or "so" : token.Text is "," or ";" or ":" or "–" or "—" or "(" or ")";

    private static readonly HashSet<string> NotBeforeSubject = new(StringComparer.Ordinal)
    {
        "thank", "thanks", "to", "for", "with", "at", "about", "of", "from", "by", "on", "sent", "send", "tell", "told", "give", "gave",
        "show", "showed", "help", "helped", "ask", "asked", "let", "call", "contact", "email", "remind", "reminded", "update", "see",
    };
}

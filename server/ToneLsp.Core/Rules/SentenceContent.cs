using System.Text;
using System.Text.RegularExpressions;
using ToneLsp.Core.AddressForms.Conversion;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;
using TagClass = ToneLsp.Core.AddressForms.Conversion.WordClass;

namespace ToneLsp.Core.Rules;

/// <summary>
/// What a sentence says outside the framing a phrase matched, so that a sentence rewrite replaces the framing and keeps
/// the facts: "Reg dich nicht so auf, dein Paket kommt morgen." keeps "Dein Paket kommt morgen."; "Hätten Sie die FAQ
/// gelesen, wüssten Sie, dass der Versand drei Tage dauert." keeps "Der Versand dauert drei Tage." (the dass-clause
/// becomes a main clause, its finite verb in second place, a separable verb split by the lexicon). A clause outside
/// the match that only refers back ("wüsstest du das") is framing too and goes.
/// </summary>
internal static partial class SentenceContent
{
    /// <summary>
    /// The content clauses outside the match as whole sentences ("" when there are none), or null when a content clause
    /// cannot be made a sentence of its own (a rewrite would lose it, so none is offered). A kept sentence that is itself
    /// framing (<paramref name="isFraming"/>: another phrase flags it, "no wonder the form failed") goes too.
    /// </summary>
    public static string? Outside(TemplateDocument document, Sentence sentence, TextSpan match, int contentStart, Func<string, bool>? isFraming = null)
    {
        try
        {
            string? content = document.Language == Language.German ? German(document.Source, sentence, match, contentStart) : English(document.Source, sentence, match, contentStart);
            return content is null || isFraming is null ? content : string.Join(" ", SplitSentences(content).Where(part => !isFraming(part)));
        }
        catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? German(SourceText source, Sentence sentence, TextSpan match, int contentStart)
    {
        TaggedSentence tagged = TaggedSentence.Tag(sentence, GermanLexicon.Shared);
        var kept = new List<string>();
        bool previousKept = false;
        foreach (Clause clause in tagged.Clauses)
        {
            int first = FirstWord(tagged.Tokens, clause.Start, clause.End), last = LastWord(tagged.Tokens, clause.Start, clause.End);
            if (first < 0)
            {
                continue;
            }

            TextSpan span = TextSpan.FromBounds(OpeningQuoteBefore(tagged.Tokens, first, clause.Start).Span.Start, tagged.Tokens[last].Span.End);
            if (span.End <= contentStart || span.Start < match.End && match.Start < span.End)
            {
                previousKept = false;
                continue;
            }

            string text = source.Slice(span);

            // After a colon or a dash comes what the framing announced: "Das ist doch selbsterklärend: Klicke auf …".
            bool announced = clause.Start > 0 && tagged.Tokens[clause.Start - 1] is { IsWord: false, Text: ":" or "–" or "—" } ||
                             first > 0 && tagged.Tokens[first - 1] is { IsWord: false, Text: ":" or "–" or "—" };
            bool content = announced || HasContent(tagged, first, last, text);
            string lead = tagged.Lower(first);
            if (lead is "dass" or "daß")
            {
                if (!content)
                {
                    previousKept = false;
                    continue;
                }

                if (MainClauseOf(source, tagged, first + 1, last) is not { } main)
                {
                    return null;
                }

                kept.Add(main);
                previousKept = true;
            }
            else if ((clause.Kind == ClauseKind.Main || announced) && content)
            {
                // "…, und dein Paket kommt morgen": the coordinator goes with the framing.
                int start = tagged.Tags[first].Class == TagClass.Coordinator ? NextWord(tagged.Tokens, first, last) : first;
                if (start < 0)
                {
                    continue;
                }

                kept.Add(source.Slice(TextSpan.FromBounds(tagged.Tokens[start].Span.Start, span.End)));
                previousKept = true;
            }
            else if (previousKept)
            {
                // A subordinate or infinitive clause stays with the content clause before it; after the framing it is
                // part of the framing ("Wenn du dir die Mühe gemacht hättest, die Anleitung zu lesen, …").
                kept[^1] += ", " + text;
            }
            else if (FactPattern().IsMatch(text))
            {
                // A dependent clause of the framing with a date, an amount or a placeholder ("…, das am 3. Mai ankam")
                // would be lost with its framing, so no rewrite is offered.
                return null;
            }
        }

        return Sentences(kept);
    }

    // The words of a verb-final clause (after "dass") as a main clause: the first constituent, the finite verb, the rest,
    // and a separable verb's particle at the end ("das Paket morgen ankommt" → "Das Paket kommt morgen an"). Everything
    // else is copied from the source as it stands, placeholders and quotes included.
    private static string? MainClauseOf(SourceText source, TaggedSentence tagged, int start, int end)
    {
        var words = new List<int>();
        for (int k = start; k <= end; k++)
        {
            if (tagged.IsWord(k))
            {
                words.Add(k);
            }
        }

        int finite = -1;
        string verb = string.Empty;
        string? particle = null;
        for (int i = words.Count - 1; i > 0 && finite < 0; i--)
        {
            Token token = tagged.Tokens[words[i]];
            if (token.IsCapitalized)
            {
                continue;
            }

            foreach (WordReading reading in GermanLexicon.Shared.Lookup(token.Text))
            {
                if (reading.PartOfSpeech != PartOfSpeech.Verb || reading.Verb.Kind != VerbFormKind.Finite)
                {
                    continue;
                }

                finite = i;
                verb = token.Text;
                if (reading.Placement == VerbPlacement.Joined && GermanLexicon.Shared.Particle(reading.LemmaId) is { } separated &&
                    GermanLexicon.Shared.Synthesize(reading.LemmaId, reading.Verb, VerbPlacement.SeparatedStem) is { } stem)
                {
                    verb = stem;
                    particle = separated;
                }

                break;
            }
        }

        int subjectEnd = SubjectEnd(tagged, words);
        if (finite < 0 || subjectEnd < 0 || subjectEnd >= finite)
        {
            return null;
        }

        TextSpan clause = TextSpan.FromBounds(tagged.Tokens[words[0]].Span.Start, tagged.Tokens[end].Span.End);
        TextSpan subject = TextSpan.FromBounds(clause.Start, tagged.Tokens[words[subjectEnd]].Span.End);
        TextSpan moved = tagged.Tokens[words[finite]].Span;
        string middle = source.Text[subject.End..moved.Start].Trim();
        string after = source.Text[moved.End..clause.End].Trim();
        var builder = new StringBuilder(source.Slice(subject)).Append(' ').Append(verb);
        foreach (string? part in (ReadOnlySpan<string?>)[middle, particle, after])
        {
            if (!string.IsNullOrEmpty(part))
            {
                builder.Append(part[0] is ',' or '.' or ';' or ':' or ')' ? "" : " ").Append(part);
            }
        }

        return builder.ToString();
    }

    // The last index of the subject at the start of a verb-final clause: a pronoun, a name, or an article with its noun.
    private static int SubjectEnd(TaggedSentence tagged, List<int> words)
    {
        if (words.Count == 0 || !tagged.IsWord(words[0]))
        {
            return -1;
        }

        WordTag first = tagged.Tags[words[0]];
        if (first.Class is TagClass.NominativePronoun or TagClass.FormalPronoun or TagClass.InformalPronoun)
        {
            return 0;
        }

        if (first.Class is TagClass.Determiner or TagClass.Possessive || char.IsDigit(tagged.Tokens[words[0]].Text[0]))
        {
            for (int i = 1; i < words.Count; i++)
            {
                if (tagged.IsWord(words[i]) && tagged.Tokens[words[i]].IsCapitalized)
                {
                    return i;
                }
            }

            return -1;
        }

        return tagged.Tokens[words[0]].IsCapitalized ? 0 : -1;
    }

    // A noun (capitalised, not sentence-initial, not a pronoun), a number, a placeholder, a link or an address.
    private static bool HasContent(TaggedSentence tagged, int first, int last, string text)
    {
        if (FactPattern().IsMatch(text))
        {
            return true;
        }

        for (int k = first; k <= last; k++)
        {
            if (tagged.IsWord(k) && tagged.Tokens[k].IsCapitalized && tagged.Tags[k].Class == TagClass.Open && !tagged.Tags[k].SentenceInitial)
            {
                return true;
            }
        }

        return false;
    }

    // English has no tagger here: clauses are split at punctuation and "that"; after a colon or dash everything is
    // content, after a comma a clause of three words or more that does not start with a conjunction.
    private static string? English(SourceText source, Sentence sentence, TextSpan match, int contentStart)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        var kept = new List<string>();
        int i = 0;
        while (i < tokens.Count)
        {
            int start = i;
            while (i < tokens.Count && !(tokens[i] is { IsWord: false, Text: "," or ";" or ":" or "–" or "—" }))
            {
                i++;
            }

            int first = FirstWord(tokens, start, i - 1), last = LastWord(tokens, start, i - 1);
            string before = start > 0 ? tokens[start - 1].Text : string.Empty;
            i++;
            if (first < 0)
            {
                continue;
            }

            TextSpan span = TextSpan.FromBounds(tokens[first].Span.Start, tokens[last].Span.End);
            if (span.End <= contentStart)
            {
                continue;
            }

            if (span.Start < match.End && match.Start < span.End)
            {
                // The rest of a clause the framing ends in: "… science that backups matter".
                int that = -1;
                for (int k = first; k <= last; k++)
                {
                    if (tokens[k].Span.Start >= match.End && tokens[k].Lower == "that")
                    {
                        that = k;
                        break;
                    }
                }

                if (that >= 0 && that < last)
                {
                    kept.Add(source.Slice(TextSpan.FromBounds(tokens[that + 1].Span.Start, span.End)));
                }

                continue;
            }

            string text = source.Slice(span);
            int words = 0;
            for (int k = first; k <= last; k++)
            {
                words += tokens[k].IsWord ? 1 : 0;
            }

            bool dependent = tokens[first].Lower is "if" or "because" or "when" or "which" or "who" or "to" or "so" or "unless" or "while" or "as";
            if (before is ":" or "–" or "—" || (words >= 3 && !dependent))
            {
                int lead = tokens[first].Lower is "and" or "but" or "so" ? first + 1 : first;
                kept.Add(lead <= last ? source.Slice(TextSpan.FromBounds(tokens[lead].Span.Start, span.End)) : text);
            }
            else if (FactPattern().IsMatch(text))
            {
                return null;
            }
        }

        return Sentences(kept);
    }

    // The sentences Sentences() joined, split again so that each can be checked on its own.
    private static IEnumerable<string> SplitSentences(string text) =>
        Regex.Split(text, @"(?<=[.!?…])\s+").Where(part => part.Length > 0);

    private static string Sentences(List<string> parts)
    {
        var builder = new StringBuilder();
        foreach (string part in parts)
        {
            string trimmed = part.Trim().TrimEnd(',', ';', ':', '–', '—', ' ');
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToUpperInvariant(trimmed[0])).Append(trimmed.AsSpan(1));
            if (trimmed[^1] is not ('.' or '!' or '?' or '…'))
            {
                builder.Append('.');
            }
        }

        return builder.ToString();
    }

    private static int FirstWord(IReadOnlyList<Token> tokens, int start, int end)
    {
        for (int k = start; k <= end && k < tokens.Count; k++)
        {
            if (tokens[k].IsWord)
            {
                return k;
            }
        }

        return -1;
    }

    private static int LastWord(IReadOnlyList<Token> tokens, int start, int end)
    {
        for (int k = Math.Min(end, tokens.Count - 1); k >= start; k--)
        {
            if (tokens[k].IsWord || tokens[k].Text is "“" or "”" or "\"" or ")" or "»" or "«")
            {
                return k;
            }
        }

        return -1;
    }

    private static Token OpeningQuoteBefore(IReadOnlyList<Token> tokens, int first, int start) =>
        first > start && tokens[first - 1] is { IsWord: false, Text: "„" or "“" or "\"" or "»" or "«" or "(" } quote ? quote : tokens[first];

    private static int NextWord(IReadOnlyList<Token> tokens, int k, int end)
    {
        for (int j = k + 1; j <= end; j++)
        {
            if (tokens[j].IsWord)
            {
                return j;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\d|\{\{|https?://|www\.|\S@\S", RegexOptions.CultureInvariant)]
    private static partial Regex FactPattern();
}

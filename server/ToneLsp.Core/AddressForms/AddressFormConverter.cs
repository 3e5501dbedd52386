using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.AddressForms;

/// <summary>Options for converting between du and Sie.</summary>
public sealed record ConversionOptions
{
    /// <summary>Default options: lower-case du.</summary>
    public static ConversionOptions Default { get; } = new();

    /// <summary>Whether du-forms are written with a capital letter (Du, Dich, Dein) everywhere.</summary>
    public bool CapitalizeDu { get; init; }
}

/// <summary>
/// Converts German sentences between du and Sie: pronouns in every case, possessives, reflexives when
/// the reader is the subject, and the finite verb (present, past, subjunctive, modals, imperatives,
/// inverted questions and verb-final clauses). Returns text edits; never touches anything outside prose.
/// </summary>
public static class AddressFormConverter
{
    /// <summary>Converts the whole reply (not the customer's message or other quotes).</summary>
    public static IReadOnlyList<TextEdit> ConvertDocument(TemplateDocument document, AddressForm target, ConversionOptions? options = null) =>
        Convert(document, document.ReplySentences.Select(s => s.Sentence), target, options);

    /// <summary>Converts the given sentences of the document.</summary>
    public static IReadOnlyList<TextEdit> Convert(TemplateDocument document, IEnumerable<Sentence> sentences, AddressForm target, ConversionOptions? options = null)
    {
        options ??= ConversionOptions.Default;
        var edits = new List<TextEdit>();
        if (document.Language != Language.German || target is not (AddressForm.Du or AddressForm.Sie))
        {
            return edits;
        }

        var list = sentences.ToList();
        AddressFormResult detected = AddressFormDetector.Detect(list);
        bool convertAmbiguous = detected.DuCount == 0;
        foreach (Sentence sentence in list)
        {
            var mentions = detected.Mentions.Where(m => ReferenceEquals(m.Sentence, sentence)).ToList();
            if (target == AddressForm.Du)
            {
                ToDu(sentence, mentions.Where(m => m.Form == AddressForm.Sie && (!m.IsAmbiguous || convertAmbiguous)).ToList(), options, edits);
            }
            else
            {
                ToSie(sentence, mentions.Where(m => m.Form == AddressForm.Du).ToList(), edits);
            }
        }

        return Normalize(edits);
    }

    private static void ToDu(Sentence sentence, List<AddressMention> mentions, ConversionOptions options, List<TextEdit> edits)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        var handledReflexives = new HashSet<int>();
        foreach (AddressMention mention in mentions)
        {
            int i = mention.Index;
            Token token = tokens[i];
            string lower = token.Lower;
            if (lower == "ihnen")
            {
                Replace(token, Du("dir", token, tokens, i, options), edits);
                continue;
            }

            if (GermanWords.FormalPossessive.Contains(lower))
            {
                Replace(token, Du("dein" + lower[3..], token, tokens, i, options), edits);
                continue;
            }

            if (lower != "sie")
            {
                continue;
            }

            var (clauseStart, clauseEnd) = Clause(tokens, i);
            if (IsObject(tokens, i, clauseStart))
            {
                Replace(token, Du("dich", token, tokens, i, options), edits);
                continue;
            }

            int verb = -1;
            bool imperative = false;
            int previous = PreviousWord(tokens, i, clauseStart);
            if (previous >= 0 && previous == i - 1 && LooksLikeFiniteBefore(tokens, previous))
            {
                verb = previous;
                imperative = IsImperative(sentence, tokens, previous, clauseStart, clauseEnd);
            }
            else if (IsVerbFinalClause(tokens, previous, clauseStart))
            {
                int last = LastWord(tokens, clauseEnd);
                if (last > i && GermanVerbs.LooksFormalFinite(tokens[last].Text))
                {
                    verb = last;
                }
            }
            else if (NextWordIndex(tokens, i, clauseEnd) is int next and >= 0 && GermanVerbs.LooksFormalFinite(tokens[next].Text) && !tokens[next].IsCapitalized)
            {
                verb = next;
            }

            if (imperative)
            {
                Replace(tokens[verb], GermanVerbs.ToInformalImperative(tokens[verb].Text), edits);
                edits.Add(new TextEdit(TextSpan.FromBounds(tokens[verb].Span.End, token.Span.End), string.Empty));
            }
            else
            {
                if (verb >= 0)
                {
                    Replace(tokens[verb], GermanVerbs.ToInformal(tokens[verb].Text), edits);
                }

                Replace(token, Du("du", token, tokens, i, options), edits);
            }

            int reflexive = FindReflexive(tokens, Math.Max(i, verb) + 1, clauseEnd, "sich");
            if (reflexive >= 0 && handledReflexives.Add(reflexive))
            {
                bool dative = IsDativeReflexive(tokens, reflexive, clauseEnd);
                Replace(tokens[reflexive], Du(dative ? "dir" : "dich", tokens[reflexive], tokens, reflexive, options), edits);
            }
        }
    }

    private static void ToSie(Sentence sentence, List<AddressMention> mentions, List<TextEdit> edits)
    {
        IReadOnlyList<Token> tokens = sentence.Tokens;
        var subjects = new HashSet<(int Start, int End)>();
        foreach (AddressMention mention in mentions.Where(m => m.Token.Lower == "du"))
        {
            int i = mention.Index;
            var (clauseStart, clauseEnd) = Clause(tokens, i);
            subjects.Add((clauseStart, clauseEnd));
            int previous = PreviousWord(tokens, i, clauseStart);
            int next = NextWordIndex(tokens, i, clauseEnd);
            int verb = -1;
            if (previous == i - 1 && previous >= 0 && GermanVerbs.LooksInformalFinite(tokens[previous].Text))
            {
                verb = previous;
            }
            else if (IsVerbFinalClause(tokens, previous, clauseStart))
            {
                int last = LastWord(tokens, clauseEnd);
                if (last > i && GermanVerbs.LooksInformalFinite(tokens[last].Text))
                {
                    verb = last;
                }
            }
            else if (next >= 0 && GermanVerbs.LooksInformalFinite(tokens[next].Text) && !tokens[next].IsCapitalized)
            {
                verb = next;
            }

            if (verb >= 0)
            {
                Replace(tokens[verb], GermanVerbs.ToFormal(tokens[verb].Text), edits);
            }

            Replace(tokens[i], "Sie", edits);
        }

        // Informal imperatives: "Schick uns …" → "Schicken Sie uns …".
        foreach (int start in ClauseStarts(tokens))
        {
            var (clauseStart, clauseEnd) = Clause(tokens, start);
            if (subjects.Contains((clauseStart, clauseEnd)) || !IsInformalImperative(tokens, start, clauseEnd))
            {
                continue;
            }

            subjects.Add((clauseStart, clauseEnd));
            Replace(tokens[start], GermanVerbs.ImperativeToFormal(tokens[start].Text) + " Sie", edits);
        }

        foreach (AddressMention mention in mentions.Where(m => m.Token.Lower != "du"))
        {
            int i = mention.Index;
            Token token = tokens[i];
            string lower = token.Lower;
            var (clauseStart, clauseEnd) = Clause(tokens, i);
            bool reflexive = subjects.Contains((clauseStart, clauseEnd)) && !IsAfterPreposition(tokens, i);
            string replacement = lower switch
            {
                "dich" => reflexive ? "sich" : "Sie",
                "dir" => reflexive ? "sich" : "Ihnen",
                "euch" => "Sie",
                "deins" => "Ihres",
                _ when lower.StartsWith("dein", StringComparison.Ordinal) => "Ihr" + lower[4..],
                _ when lower.StartsWith("eur", StringComparison.Ordinal) || lower == "euer" => "Ihr" + (lower == "euer" ? string.Empty : lower[3..]),
                _ => token.Text,
            };
            Replace(token, replacement, edits);
        }
    }

    // A clause introduced by a subordinating conjunction or a relative pronoun has its finite verb last.
    private static bool IsVerbFinalClause(IReadOnlyList<Token> tokens, int previous, int clauseStart) =>
        previous >= 0 && (GermanWords.SubordinatingConjunctions.Contains(tokens[previous].Text) ||
                          (previous == clauseStart && clauseStart > 0 && GermanWords.RelativePronouns.Contains(tokens[previous].Text)));

    private static bool IsInformalImperative(IReadOnlyList<Token> tokens, int start, int clauseEnd)
    {
        Token first = tokens[start];
        if (!first.IsWord || GermanWords.NotImperative.Contains(first.Text) || GermanWords.InformalSingular.Contains(first.Text) ||
            first.Text.Length < 2 || char.IsDigit(first.Text[0]))
        {
            return false;
        }

        bool sentenceInitial = AddressFormDetector.IsSentenceInitial(tokens, start);
        if (!sentenceInitial && first.IsCapitalized)
        {
            return false;
        }

        int next = NextWordIndex(tokens, start, clauseEnd);
        if (next < 0 || !GermanWords.ImperativeFollowers.Contains(tokens[next].Text))
        {
            return false;
        }

        // "Gib", "Schick", "Wende", "Ruf": a verb stem, not a finite form with a subject of its own.
        string lower = first.Lower;
        return !lower.EndsWith("st", StringComparison.Ordinal) && !lower.EndsWith("en", StringComparison.Ordinal) &&
               !GermanWords.ThirdPersonSingularVerbs.Contains(lower);
    }

    private static IEnumerable<int> ClauseStarts(IReadOnlyList<Token> tokens)
    {
        bool atStart = true;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord)
            {
                atStart |= tokens[i].Text is "," or ";" or ":" or "–" or "—" or "(";
                continue;
            }

            if (atStart)
            {
                yield return i;
            }

            atStart = false;
        }
    }

    private static bool IsObject(IReadOnlyList<Token> tokens, int i, int clauseStart)
    {
        int previous = PreviousWord(tokens, i, clauseStart);
        if (previous < 0)
        {
            return false;
        }

        if (GermanWords.Prepositions.Contains(tokens[previous].Text))
        {
            return true;
        }

        if (GermanWords.SubordinatingConjunctions.Contains(tokens[previous].Text))
        {
            return false;
        }

        for (int k = clauseStart; k < i; k++)
        {
            if (!tokens[k].IsWord)
            {
                continue;
            }

            if (GermanWords.NominativePronouns.Contains(tokens[k].Text) && !(k == clauseStart && tokens[k].Lower == "es" && k + 1 == i))
            {
                return true;
            }

            // A noun phrase before the verb is the subject: "Die Technikerin hat Sie besucht".
            if (k == clauseStart && GermanWords.Determiners.Contains(tokens[k].Text) && k + 2 < i)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeFiniteBefore(IReadOnlyList<Token> tokens, int index)
    {
        Token verb = tokens[index];
        return GermanVerbs.LooksFormalFinite(verb.Text) || GermanVerbs.IsKnownFormal(verb.Text);
    }

    private static bool IsImperative(Sentence sentence, IReadOnlyList<Token> tokens, int verb, int clauseStart, int clauseEnd)
    {
        if (GermanWords.ModalLikeVerbs.Contains(tokens[verb].Text) && tokens[verb].Lower != "seien")
        {
            return false;
        }

        if (sentence.IsQuestion)
        {
            return false;
        }

        if (verb == clauseStart && AddressFormDetector.IsSentenceInitial(tokens, verb))
        {
            return true;
        }

        // "Bitte teilen Sie uns mit": only a polite particle stands before the verb.
        if (Enumerable.Range(clauseStart, verb - clauseStart).All(k => !tokens[k].IsWord || tokens[k].Lower is "bitte"))
        {
            return true;
        }

        // After a subordinate clause: "Wenn es nicht klappt, melden Sie sich bitte."
        if (verb == clauseStart)
        {
            for (int k = clauseStart; k <= clauseEnd && k < tokens.Count; k++)
            {
                if (tokens[k].IsWord && tokens[k].Lower is "bitte" or "gern" or "gerne" or "einfach" or "doch" or "jederzeit")
                {
                    return true;
                }
            }

            return tokens.Count > 0 && tokens[^1].Text == "!";
        }

        return false;
    }

    private static bool IsDativeReflexive(IReadOnlyList<Token> tokens, int reflexive, int clauseEnd)
    {
        for (int k = reflexive + 1; k <= clauseEnd && k < tokens.Count; k++)
        {
            if (tokens[k].IsWord && GermanWords.DativeReflexiveCues.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        int last = LastWord(tokens, clauseEnd);
        return last > reflexive + 1 && tokens[last].Lower is "an" or "vor" or "aus" or "durch";
    }

    private static bool IsAfterPreposition(IReadOnlyList<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].IsWord && (GermanWords.Prepositions.Contains(tokens[i - 1].Text) ||
                                          tokens[i - 1].Lower is "mit" or "bei" or "von" or "zu" or "aus" or "nach" or "seit" or "gegenüber");

    private static int FindReflexive(IReadOnlyList<Token> tokens, int from, int clauseEnd, string word)
    {
        for (int k = from; k <= clauseEnd && k < tokens.Count; k++)
        {
            if (tokens[k].IsWord && tokens[k].Lower == word)
            {
                return k;
            }
        }

        return -1;
    }

    private static (int Start, int End) Clause(IReadOnlyList<Token> tokens, int index)
    {
        int start = index;
        while (start > 0 && !IsClauseBreak(tokens[start - 1]))
        {
            start--;
        }

        int end = index;
        while (end + 1 < tokens.Count && !IsClauseBreak(tokens[end + 1]))
        {
            end++;
        }

        while (start < index && !tokens[start].IsWord)
        {
            start++;
        }

        return (start, end);
    }

    private static bool IsClauseBreak(Token token) =>
        !token.IsWord && token.Text is "," or ";" or ":" or "–" or "—" or "(" or ")" or "." or "!" or "?";

    private static int PreviousWord(IReadOnlyList<Token> tokens, int i, int clauseStart)
    {
        for (int k = i - 1; k >= clauseStart; k--)
        {
            if (tokens[k].IsWord)
            {
                return k;
            }
        }

        return -1;
    }

    private static int NextWordIndex(IReadOnlyList<Token> tokens, int i, int clauseEnd)
    {
        int k = i + 1;
        return k <= clauseEnd && k < tokens.Count && tokens[k].IsWord ? k : -1;
    }

    private static int LastWord(IReadOnlyList<Token> tokens, int clauseEnd)
    {
        for (int k = Math.Min(clauseEnd, tokens.Count - 1); k >= 0; k--)
        {
            if (tokens[k].IsWord)
            {
                return k;
            }
        }

        return -1;
    }

    private static string Du(string word, Token original, IReadOnlyList<Token> tokens, int index, ConversionOptions options) =>
        options.CapitalizeDu || (original.IsCapitalized && AddressFormDetector.IsSentenceInitial(tokens, index))
            ? char.ToUpperInvariant(word[0]) + word[1..]
            : word;

    private static void Replace(Token token, string text, List<TextEdit> edits)
    {
        if (!string.Equals(token.Text, text, StringComparison.Ordinal))
        {
            edits.Add(new TextEdit(token.Span, text));
        }
    }

    private static List<TextEdit> Normalize(List<TextEdit> edits)
    {
        var result = new List<TextEdit>();
        foreach (TextEdit edit in edits.OrderBy(e => e.Span.Start).ThenByDescending(e => e.Span.Length))
        {
            if (result.Count > 0 && result[^1].Span.End > edit.Span.Start)
            {
                continue;
            }

            result.Add(edit);
        }

        return result;
    }
}

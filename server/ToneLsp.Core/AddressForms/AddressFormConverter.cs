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

    /// <summary>Whether converting a whole reply also adapts greeting and closing ("Sehr geehrte…" ↔ "Hallo…").</summary>
    public bool ConvertGreetings { get; init; } = true;
}

/// <summary>
/// Converts German sentences between du and Sie: pronouns in every case, possessives, reflexives when
/// the reader is the subject, and the finite verb (present, past, subjunctive, modals, imperatives,
/// inverted questions and verb-final clauses). Returns text edits; never touches anything outside prose.
/// </summary>
public static class AddressFormConverter
{
    /// <summary>Converts the whole reply (not the customer's message or other quotes), greeting and closing included.</summary>
    public static IReadOnlyList<TextEdit> ConvertDocument(TemplateDocument document, AddressForm target, ConversionOptions? options = null)
    {
        options ??= ConversionOptions.Default;
        var edits = Convert(document, document.ReplySentences.Select(s => s.Sentence), target, options).ToList();
        if (options.ConvertGreetings)
        {
            edits.AddRange(GreetingConverter.FindClashes(document, target));
        }

        return Normalize(edits);
    }

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
            var converter = new SentenceConverter(sentence, options, edits);
            if (target == AddressForm.Du)
            {
                converter.ToDu(mentions.Where(m => m.Form == AddressForm.Sie && (!m.IsAmbiguous || convertAmbiguous)).ToList());
            }
            else
            {
                converter.ToSie(mentions.Where(m => m.Form == AddressForm.Du).ToList());
            }
        }

        return Normalize(edits);
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

    /// <summary>The conversion of one sentence; clauses are ranges of token indexes.</summary>
    private sealed class SentenceConverter(Sentence sentence, ConversionOptions options, List<TextEdit> edits)
    {
        private readonly IReadOnlyList<Token> _tokens = sentence.Tokens;
        private readonly List<(int Start, int End)> _clauses = Segment(sentence.Tokens);

        public void ToDu(List<AddressMention> mentions)
        {
            var reflexivesDone = new HashSet<int>();
            var imperativeClauses = new HashSet<int>();
            foreach (AddressMention mention in mentions)
            {
                int i = mention.Index;
                Token token = _tokens[i];
                string lower = token.Lower;
                if (lower == "ihnen")
                {
                    Replace(token, Du("dir", i));
                    continue;
                }

                if (GermanWords.FormalPossessive.Contains(lower))
                {
                    Replace(token, Du("dein" + lower[3..], i));
                    continue;
                }

                if (lower != "sie")
                {
                    continue;
                }

                int clause = ClauseIndex(i);
                var (start, end) = _clauses[clause];
                if (IsObject(i, start))
                {
                    Replace(token, Du("dich", i));
                    continue;
                }

                int previous = PreviousWord(i, start);
                int verb = -1;
                if (previous == i - 1 && previous >= 0 && LooksLikeInvertedVerb(previous))
                {
                    verb = previous;
                    if (IsFormalImperative(previous, start, clause, imperativeClauses))
                    {
                        imperativeClauses.Add(clause);
                        Replace(_tokens[verb], GermanVerbs.ToInformalImperative(_tokens[verb].Text));
                        edits.Add(new TextEdit(TextSpan.FromBounds(_tokens[verb].Span.End, token.Span.End), string.Empty));
                        ConvertReflexive(i + 1, end, reflexivesDone, i);
                        continue;
                    }
                }
                else if (IsClauseInitial(i, start))
                {
                    int next = NextWord(i, end);
                    verb = next >= 0 && !_tokens[next].IsCapitalized && GermanVerbs.LooksFormalFinite(_tokens[next].Text) ? next : -1;
                }
                else
                {
                    verb = LastMatching(i + 1, end, k => !_tokens[k].IsCapitalized && GermanVerbs.LooksFormalFinite(_tokens[k].Text));
                }

                if (verb >= 0)
                {
                    Replace(_tokens[verb], GermanVerbs.ToInformal(_tokens[verb].Text));
                }

                Replace(token, Du("du", i));
                ConvertReflexive(i + 1, end, reflexivesDone, i);
            }
        }

        public void ToSie(List<AddressMention> mentions)
        {
            var subjectClauses = new HashSet<int>();
            foreach (AddressMention mention in mentions.Where(m => m.Token.Lower == "du"))
            {
                int i = mention.Index;
                int clause = ClauseIndex(i);
                var (start, end) = _clauses[clause];
                subjectClauses.Add(clause);
                int previous = PreviousWord(i, start);
                if (previous == i - 1 && previous >= 0 && IsInformalVerb(previous))
                {
                    Replace(_tokens[previous], GermanVerbs.ToFormal(_tokens[previous].Text));
                }
                else if (IsClauseInitial(i, start))
                {
                    int next = NextWord(i, end);
                    if (next >= 0 && IsInformalVerb(next))
                    {
                        Replace(_tokens[next], GermanVerbs.ToFormal(_tokens[next].Text));
                    }
                }
                else
                {
                    // Verb-final clause: every second person verb after the subject agrees ("wenn du lügst und … erwischt wirst").
                    for (int k = i + 1; k <= end; k++)
                    {
                        if (IsInformalVerb(k))
                        {
                            Replace(_tokens[k], GermanVerbs.ToFormal(_tokens[k].Text));
                        }
                    }
                }

                Replace(_tokens[i], "Sie");
            }

            // Imperatives: "Schick uns …" → "Schicken Sie uns …", "Passt auf euch auf" → "Passen Sie auf sich auf".
            var imperativeClauses = new HashSet<int>();
            for (int c = 0; c < _clauses.Count; c++)
            {
                int first = FirstWordAfterCoordinator(_clauses[c].Start, _clauses[c].End);
                if (first < 0 || subjectClauses.Contains(c) || !IsInformalImperative(first, c))
                {
                    continue;
                }

                imperativeClauses.Add(c);
                Replace(_tokens[first], GermanVerbs.ImperativeToFormal(_tokens[first].Text) + " Sie");
            }

            foreach (AddressMention mention in mentions.Where(m => m.Token.Lower != "du"))
            {
                int i = mention.Index;
                Token token = _tokens[i];
                string lower = token.Lower;
                int clause = ClauseIndex(i);
                bool reflexive = lower is "dich" or "dir" or "euch" &&
                                 (subjectClauses.Contains(clause) || imperativeClauses.Contains(clause) || (IsInfinitiveClause(clause) && !IsAfterPreposition(i)) ||
                                  (i + 1 < _tokens.Count && _tokens[i + 1].Lower is "selbst" or "selber" && !IsAfterPreposition(i)));
                string replacement = lower switch
                {
                    "dich" => reflexive ? "sich" : "Sie",
                    "dir" => reflexive ? "sich" : "Ihnen",
                    "euch" => reflexive ? "sich" : "Sie",
                    "deins" => "Ihres",
                    _ when lower.StartsWith("dein", StringComparison.Ordinal) => "Ihr" + lower[4..],
                    "euer" => "Ihr",
                    _ when lower.StartsWith("eur", StringComparison.Ordinal) => "Ihr" + lower[3..],
                    _ => token.Text,
                };
                Replace(token, replacement);
            }
        }

        private bool IsInformalVerb(int k)
        {
            Token token = _tokens[k];
            if (!token.IsWord || (token.IsCapitalized && !AddressFormDetector.IsSentenceInitial(_tokens, k)))
            {
                return false;
            }

            return !GermanWords.NotVerbsInSt.Contains(token.Text) && !GermanWords.InformalSingular.Contains(token.Text) &&
                   GermanVerbs.LooksInformalFinite(token.Text);
        }

        private bool IsInformalImperative(int first, int clause)
        {
            Token word = _tokens[first];
            string lower = word.Lower;
            if (!word.IsWord || lower.Length < 2 || char.IsDigit(lower[0]) || GermanWords.NotImperative.Contains(lower) ||
                GermanWords.InformalSingular.Contains(lower) || GermanWords.PersonalPronouns.Contains(lower) ||
                (word.IsCapitalized && !AddressFormDetector.IsSentenceInitial(_tokens, first) && !AfterCoordinator(first)))
            {
                return false;
            }

            var (_, end) = _clauses[clause];
            int next = NextWord(first, end);

            // Plural imperatives end in t and need "euch" to be sure: "Passt auf euch auf".
            if (lower.EndsWith('t') && !GermanWords.ImperativeStems.Contains(lower))
            {
                return Enumerable.Range(first + 1, Math.Max(0, end - first)).Any(k => _tokens[k].Lower == "euch");
            }

            // A first person with the pronoun dropped or following ("glaube ich", "habe nie …") is not an imperative.
            bool firstPerson = next >= 0 && _tokens[next].Lower is "ich" or "wir" || lower is "habe" or "werde" or "glaube" or "denke" or "finde" or "meine" or "hoffe" or "weiß";
            if (GermanWords.ImperativeStems.Contains(lower) || (lower.EndsWith('e') && GermanWords.ImperativeStems.Contains(lower[..^1]) && !firstPerson))
            {
                return !firstPerson;
            }

            if (lower.EndsWith("st", StringComparison.Ordinal) || lower.EndsWith("en", StringComparison.Ordinal) ||
                lower.EndsWith("ern", StringComparison.Ordinal) || lower.EndsWith("eln", StringComparison.Ordinal) ||
                lower.EndsWith("lich", StringComparison.Ordinal) || lower.EndsWith("ig", StringComparison.Ordinal) ||
                lower.EndsWith("ung", StringComparison.Ordinal) || GermanWords.ThirdPersonSingularVerbs.Contains(lower) ||
                GermanWords.FunctionWords.Contains(lower) || firstPerson)
            {
                return false;
            }

            return next >= 0 && _tokens[next].Lower is "uns" or "mir" or "bitte" or "gern" or "gerne" or "doch" or "mal" or "einfach" or "ruhig" or "kurz" or "jederzeit";
        }

        private bool IsFormalImperative(int verb, int start, int clause, HashSet<int> imperativeClauses)
        {
            string lower = _tokens[verb].Lower;
            if (lower is "wissen" || (GermanWords.ModalLikeVerbs.Contains(lower) && lower is not ("haben" or "werden" or "seien" or "sind")) || sentence.IsQuestion)
            {
                return false;
            }

            // "Lassen Sie uns …" is always an invitation.
            if (lower == "lassen" && verb + 2 < _tokens.Count && _tokens[verb + 2].Lower == "uns")
            {
                return true;
            }

            if (lower is "sind")
            {
                return false;
            }

            if (lower == "seien")
            {
                return true;
            }

            start = FirstWordAfterCoordinator(start, _clauses[clause].End) is int firstWord and >= 0 ? firstWord : start;
            bool initial = verb == start && (AddressFormDetector.IsSentenceInitial(_tokens, verb) || AfterCoordinator(verb) && clause > 0 && imperativeClauses.Contains(clause - 1));
            bool afterPoliteParticle = verb > start && Enumerable.Range(start, verb - start).All(k => !_tokens[k].IsWord || _tokens[k].Lower is "bitte" or "und");
            if (initial || afterPoliteParticle)
            {
                return lower is not ("haben" or "werden") || !sentence.IsQuestion;
            }

            // After a subordinate clause: "Wenn es nicht klappt, melden Sie sich bitte."
            if (verb == start && clause > 0)
            {
                for (int k = start; k <= _clauses[clause].End; k++)
                {
                    if (_tokens[k].IsWord && _tokens[k].Lower is "bitte" or "gern" or "gerne" or "einfach" or "jederzeit")
                    {
                        return true;
                    }
                }

                return _tokens.Count > 0 && _tokens[^1].Text == "!";
            }

            return false;
        }

        private bool IsObject(int i, int start)
        {
            int previous = PreviousWord(i, start);
            if (previous < 0)
            {
                return false;
            }

            string before = _tokens[previous].Lower;
            if (GermanWords.Prepositions.Contains(before))
            {
                return true;
            }

            if (GermanWords.SubordinatingConjunctions.Contains(before) || GermanWords.RelativePronouns.Contains(before) && previous > start)
            {
                return false;
            }

            for (int k = start; k < i; k++)
            {
                if (!_tokens[k].IsWord)
                {
                    continue;
                }

                if (GermanWords.NominativePronouns.Contains(_tokens[k].Text) && !(k == start && _tokens[k].Lower == "es" && k + 1 == i))
                {
                    return true;
                }

                // A noun phrase before the verb is the subject: "Die Technikerin hat Sie besucht", "Ihr Vater hat Sie …".
                if (k == start && k + 2 < i && (GermanWords.Determiners.Contains(_tokens[k].Text) || GermanWords.FormalPossessive.Contains(_tokens[k].Text)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool LooksLikeInvertedVerb(int index)
        {
            Token verb = _tokens[index];
            string lower = verb.Lower;
            return !GermanWords.SubordinatingConjunctions.Contains(lower) && !GermanWords.Prepositions.Contains(lower) &&
                   !GermanWords.RelativePronouns.Contains(lower) && !GermanWords.Coordinators.Contains(lower) &&
                   (GermanVerbs.LooksFormalFinite(verb.Text) || GermanVerbs.IsKnownFormal(verb.Text));
        }

        private void ConvertReflexive(int from, int end, HashSet<int> done, int subject)
        {
            for (int k = from; k <= end && k < _tokens.Count; k++)
            {
                if (_tokens[k].IsWord && _tokens[k].Lower == "sich")
                {
                    if (done.Add(k))
                    {
                        Replace(_tokens[k], Du(IsDativeReflexive(k, end) ? "dir" : "dich", k));
                    }

                    return;
                }

                // Another subject in between means the reflexive belongs to it.
                if (k > subject && _tokens[k].IsWord && _tokens[k].Lower is "sie" or "er" or "es" or "wir" or "ich" or "man")
                {
                    return;
                }
            }
        }

        private bool IsDativeReflexive(int reflexive, int end)
        {
            for (int k = reflexive + 1; k <= end && k < _tokens.Count; k++)
            {
                if (_tokens[k].IsWord && GermanWords.DativeReflexiveCues.Contains(_tokens[k].Text))
                {
                    return true;
                }
            }

            int last = LastMatching(reflexive + 1, end, k => true);
            return last > reflexive + 1 && _tokens[last].Lower is "an" or "vor" or "aus" or "durch";
        }

        // A zu-infinitive without a subject of its own: "um dich zu waschen", "eine Art, dich auszudrücken".
        private bool IsInfinitiveClause(int clause)
        {
            var (start, end) = _clauses[clause];
            for (int k = start; k <= end; k++)
            {
                string lower = _tokens[k].Lower;
                if (lower == "zu" && k + 1 <= end && _tokens[k + 1].Lower.EndsWith('n'))
                {
                    return true;
                }

                if (k == LastMatching(start, end, _ => true) && lower.Length > 6 && lower.Contains("zu", StringComparison.Ordinal) && lower.EndsWith("en", StringComparison.Ordinal) &&
                    lower.IndexOf("zu", 2, StringComparison.Ordinal) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsAfterPreposition(int i) =>
            i > 0 && _tokens[i - 1].IsWord && (GermanWords.Prepositions.Contains(_tokens[i - 1].Text) ||
                                               _tokens[i - 1].Lower is "mit" or "bei" or "von" or "zu" or "aus" or "nach" or "seit" or "gegenüber");

        private bool IsClauseInitial(int i, int start) => PreviousWord(i, start) is var p && (p < 0 || (p == start && GermanWords.Coordinators.Contains(_tokens[p].Text)));

        private bool AfterCoordinator(int i) => i > 0 && _tokens[i - 1].IsWord && GermanWords.Coordinators.Contains(_tokens[i - 1].Text);

        private int FirstWordAfterCoordinator(int start, int end)
        {
            for (int k = start; k <= end; k++)
            {
                if (!_tokens[k].IsWord)
                {
                    continue;
                }

                if (GermanWords.Coordinators.Contains(_tokens[k].Text) && k < end)
                {
                    continue;
                }

                return k;
            }

            return -1;
        }

        private int ClauseIndex(int token)
        {
            for (int c = 0; c < _clauses.Count; c++)
            {
                if (token >= _clauses[c].Start && token <= _clauses[c].End)
                {
                    return c;
                }
            }

            return _clauses.Count - 1;
        }

        private int PreviousWord(int i, int start)
        {
            for (int k = i - 1; k >= start; k--)
            {
                if (_tokens[k].IsWord)
                {
                    return k;
                }
            }

            return -1;
        }

        private int NextWord(int i, int end)
        {
            int k = i + 1;
            return k <= end && k < _tokens.Count && _tokens[k].IsWord ? k : -1;
        }

        private int LastMatching(int from, int end, Func<int, bool> predicate)
        {
            for (int k = Math.Min(end, _tokens.Count - 1); k >= from; k--)
            {
                if (_tokens[k].IsWord && predicate(k))
                {
                    return k;
                }
            }

            return -1;
        }

        private string Du(string word, int index) =>
            options.CapitalizeDu || (_tokens[index].IsCapitalized && AddressFormDetector.IsSentenceInitial(_tokens, index))
                ? char.ToUpperInvariant(word[0]) + word[1..]
                : word;

        private void Replace(Token token, string text)
        {
            if (!string.Equals(token.Text, text, StringComparison.Ordinal))
            {
                edits.Add(new TextEdit(token.Span, text));
            }
        }

        private static bool IsImperativeStem(string word) =>
            GermanWords.ImperativeStems.Contains(word) || (word.Length > 2 && word.EndsWith('e') && GermanWords.ImperativeStems.Contains(word[..^1]));

        // Clauses end at punctuation, and a coordinator followed by a pronoun starts a new one ("… und Sie wollten …").
        private static List<(int Start, int End)> Segment(IReadOnlyList<Token> tokens)
        {
            var clauses = new List<(int, int)>();
            int start = 0;
            for (int k = 0; k < tokens.Count; k++)
            {
                Token token = tokens[k];
                bool punctuation = !token.IsWord && token.Text is "," or ";" or ":" or "–" or "—" or "(" or ")" or "." or "!" or "?" or "\"" or "„" or "“";
                bool coordinator = token.IsWord && k > start && GermanWords.Coordinators.Contains(token.Text) && k + 1 < tokens.Count &&
                                   tokens[k + 1].IsWord && (GermanWords.PersonalPronouns.Contains(tokens[k + 1].Text) ||
                                                            (k + 2 < tokens.Count && tokens[k + 2].IsWord && tokens[k + 2].Lower is "sie" or "du") ||
                                                            IsImperativeStem(tokens[k + 1].Lower));
                if (punctuation)
                {
                    if (k > start)
                    {
                        clauses.Add((start, k - 1));
                    }

                    start = k + 1;
                }
                else if (coordinator)
                {
                    clauses.Add((start, k - 1));
                    start = k;
                }
            }

            if (start < tokens.Count)
            {
                clauses.Add((start, tokens.Count - 1));
            }

            if (clauses.Count == 0)
            {
                clauses.Add((0, Math.Max(0, tokens.Count - 1)));
            }

            return clauses;
        }
    }
}

using System.Text.RegularExpressions;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Morphology;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>
/// Whether a reply gives help of its own outside some spans: a fact, a step or something the team did or will do, in a
/// clause of its own ("Wir haben den Betrag erstattet", "Tippe in der App auf „Profil“", "The parcel arrives on
/// Friday"). A hotline named beside such help is an offer; named instead of it, a redirect. A clause is no help when it
/// only thanks or sympathises, offers help in general words, points to another channel, party or page (the word classes
/// in <c>WordClasses/help.yaml</c> and the channel classes), refuses ("das können wir hier leider nicht klären"), is
/// a condition, a relative clause or a greeting, or has fewer than four words.
/// </summary>
public static class ReplyHelp
{
    private static readonly Lazy<Regex> NoHelp = new(() => new Regex(
        PhrasePattern.ToRegex("({acknowledgement}|{general-offer}|{elsewhere}|{contact-verb}|{contact-channel}|{third-party}|{private-channel}|{information-source})"),
        PhrasePattern.Options | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));

    private static readonly Lazy<Regex> Channel = new(() => new Regex(
        PhrasePattern.ToRegex("({contact-verb}|{contact-channel}|{third-party}|{private-channel})"),
        PhrasePattern.Options | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));

    private static readonly Lazy<Regex> Fact = new(() => new Regex(
        PhrasePattern.ToRegex("({time-expression}|{status})") + @"|\d",
        PhrasePattern.Options | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));

    private static readonly Lazy<Regex> StepVerb = new(() => new Regex(
        PhrasePattern.ToRegex("{step-verb}"), PhrasePattern.Options | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "habe", "hast", "hat", "haben", "habt", "hatte", "hatten", "bin", "bist", "ist", "sind", "seid", "war", "waren",
        "wird", "werden", "wurde", "wurden", "worden",
    };

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "kann", "können", "könnten", "möchte", "möchten", "will", "wollen", "muss", "müssen", "soll", "sollen", "darf", "dürfen", "würde", "würden",
    };

    private static readonly Regex Salutation = new(
        @"^\s*(?:" + Salutations.OpeningAlternation + "|" + Salutations.ClosingAlternation + @")(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // A link, an e-mail address, a phone number or a placeholder for one of them: the clause says where, not what.
    private static readonly Regex ContactDetail = new(
        @"https?://|www\.|\S@\S|\{\{[^}]*(link|url|mail|phone|telefon|nummer|number|adresse|address|kontakt|contact)[^}]*\}\}|(?<!\d)\+?\d[\d /-]{6,}\d",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    // Words that open a clause that depends on another: a condition or a reason is no help on its own.
    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "dass", "weil", "wenn", "falls", "ob", "sofern", "sobald", "solange", "bevor", "bis", "damit", "obwohl",
        "um", "wo", "womit", "wofür", "because", "if", "when", "whether", "once", "unless", "until", "before", "whenever", "should", "to",
        "who", "which", "where", "whom", "whose",
    };

    // Prepositions that open a relative clause before its pronoun ("…, bei dem Sie bestellt haben").
    private static readonly HashSet<string> RelativePrepositions = new(StringComparer.Ordinal)
    {
        "bei", "mit", "von", "für", "an", "auf", "in", "über", "unter", "zu", "aus", "nach", "durch", "with", "from", "for", "to", "in", "at", "through",
    };

    private static readonly HashSet<string> RelativePronouns = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welchem", "welcher", "welchen", "whom", "which", "that",
    };

    // Words at which a sentence splits into clauses besides punctuation. "und" and "oder" do not split: a step
    // joined to a pointer goes on in the other channel ("registrieren Sie sich dort und beschreiben Sie das Problem").
    private static readonly HashSet<string> Coordinators = new(StringComparer.Ordinal) { "aber", "sondern", "but" };

    // Words of not being able: with a negation they make a refusal ("über Twitter geht das leider nicht").
    private static readonly HashSet<string> Ability = new(StringComparer.Ordinal)
    {
        "geht", "gehen", "möglich", "machbar", "kann", "können", "könnten", "dürfen", "darf", "possible", "can", "able", "allowed",
    };

    // English participles without -ed, for a passive ("your parcel has been sent").
    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.Ordinal)
    {
        "sent", "done", "made", "taken", "given", "put", "set", "paid", "sold", "held", "kept", "found", "built", "rebuilt",
        "brought", "bought", "told", "shown", "fixed", "sorted",
    };

    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal)
    {
        "wir", "ich", "uns", "we", "i", "we're", "we've", "we'll", "we'd", "i'm", "i've", "i'll", "i'd", "us",
    };

    /// <summary>Whether a reply clause that overlaps none of <paramref name="excluded"/> gives help. Never throws.</summary>
    public static bool HelpsOutside(TemplateDocument document, IReadOnlyList<TextSpan> excluded)
    {
        try
        {
            foreach (BlockSentence sentence in document.ReplySentences)
            {
                IReadOnlyList<Token> tokens = sentence.Sentence.Tokens;

                // Times and figures in a sentence that names a channel describe the channel ("…, montags bis
                // freitags von 8 bis 18 Uhr"), not the matter.
                bool namesChannel = Channel.Value.IsMatch(document.ProseSpan(sentence.Sentence.Span)) || ContactDetail.IsMatch(Original(document, sentence.Sentence.Span));
                int start = 0;
                for (int i = 0; i <= tokens.Count; i++)
                {
                    if (i < tokens.Count && !EndsClause(tokens[i]))
                    {
                        continue;
                    }

                    if (i > start && IsHelp(document, tokens, start, i, start == 0, namesChannel, excluded))
                    {
                        return true;
                    }

                    start = i + 1;
                }
            }
        }
        catch (Exception exception) when (exception is RegexMatchTimeoutException or FormatException or ArgumentException)
        {
            // A reply too odd to read in time (or a broken class, which the word-class tests catch) is taken to give
            // no help, as without this check.
        }

        return false;
    }

    // The text as written: placeholders ("{{link}}") are blanked in the prose, and they tell a contact detail.
    private static ReadOnlySpan<char> Original(TemplateDocument document, TextSpan span) => document.Source.Text.AsSpan(span.Start, span.Length);

    private static bool EndsClause(Token token) => token.IsWord
        ? Coordinators.Contains(token.Lower)
        : token.Text is "," or ";" or ":" or "–" or "—" or "(" or ")" or "-";

    // One clause: the tokens from start up to (not including) end.
    private static bool IsHelp(TemplateDocument document, IReadOnlyList<Token> tokens, int start, int end, bool sentenceInitial, bool namesChannel, IReadOnlyList<TextSpan> excluded)
    {
        var span = TextSpan.FromBounds(tokens[start].Span.Start, tokens[end - 1].Span.End);
        foreach (TextSpan other in excluded)
        {
            if (other.OverlapsWith(span))
            {
                return false;
            }
        }

        int words = 0;
        bool firstPerson = false, negated = false, ability = false, pointsThere = false;
        string? first = null, second = null;
        bool secondCapitalized = false;
        for (int i = start; i < end; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            string lower = tokens[i].Lower;
            if (first is null)
            {
                first = lower;
            }
            else if (second is null)
            {
                second = lower;
                secondCapitalized = tokens[i].IsCapitalized;
            }

            words++;
            firstPerson |= FirstPerson.Contains(lower);
            ability |= Ability.Contains(lower);
            negated |= lower is "nicht" or "nichts" or "kein" or "keine" or "keinen" or "keiner" or "nie" or "niemand" or "not" or "nothing" or "never" or "cannot" or "unable" || lower.EndsWith("n't", StringComparison.Ordinal);

            // "there" that points ("submit it there"), not the one that opens a statement ("there's a fault").
            pointsThere |= lower == "there" && (i + 1 >= end || tokens[i + 1].Lower is not ("is" or "are" or "'s" or "was" or "were" or "will" or "has" or "have" or "seems" or "may" or "might"));
        }

        // A relative clause after a comma: "…, der dir hilft", "…, bei dem Sie bestellt haben", "…, which …"; not an
        // article before its noun ("…, die Kontaktdaten findest du …").
        bool relative = !sentenceInitial && first is not null &&
            ((RelativePronouns.Contains(first) && !secondCapitalized) ||
             (second is not null && RelativePrepositions.Contains(first) && RelativePronouns.Contains(second)));
        bool refusal = negated && (firstPerson || ability);
        if (words < 4 || first is null || Subordinators.Contains(first) || relative || refusal || pointsThere)
        {
            return false;
        }

        ReadOnlySpan<char> text = document.ProseSpan(span);
        if (Salutation.IsMatch(text) || NoHelp.Value.IsMatch(text) || ContactDetail.IsMatch(Original(document, span)))
        {
            return false;
        }

        // What is left says something; it helps when it gives a time, a status, a step or something done or promised.
        return (!namesChannel && Fact.Value.IsMatch(text)) || (document.Language == Language.German
            ? GermanAction(tokens, start, end, firstPerson)
            : StepVerb.Value.Match(document.Prose, span.Start, span.Length) is { Success: true } step && step.Index == span.Start || EnglishAction(tokens, start, end, firstPerson));
    }

    // A step ("Tippe …", "Öffnen Sie …"), an action done ("wir haben … storniert", "die Karte wurde gesperrt") or one
    // the team takes on ("wir schicken dir …"): read from the lexicon's verb readings.
    private static bool GermanAction(IReadOnlyList<Token> tokens, int start, int end, bool firstPerson)
    {
        GermanLexicon lexicon = GermanLexicon.Shared;
        bool auxiliary = false, participle = false, ownVerb = false, noun = false;
        int position = 0;
        for (int i = start; i < end; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            string lower = tokens[i].Lower;
            auxiliary |= Auxiliaries.Contains(lower);
            bool capitalizedInside = tokens[i].IsCapitalized && position > 0;
            noun |= capitalizedInside && lower is not ("sie" or "ihnen" or "ihr" or "ihre" or "ihren" or "ihrem" or "ihrer" or "du" or "dich" or "dir" or "dein" or "deine");
            foreach (WordReading reading in lexicon.Lookup(tokens[i].Text))
            {
                if (reading.PartOfSpeech != PartOfSpeech.Verb || capitalizedInside)
                {
                    continue;
                }

                VerbFeatures verb = reading.Verb;
                if (position == 0 && (verb.Kind == VerbFormKind.Imperative ||
                    (verb.Number == GrammaticalNumber.Plural && i + 1 < end && tokens[i + 1].Text == "Sie")))
                {
                    return true;
                }

                participle |= verb.Kind == VerbFormKind.PastParticiple && !Auxiliaries.Contains(lower);
                ownVerb |= firstPerson && verb.Kind == VerbFormKind.Finite && verb.Person == Person.First && !Auxiliaries.Contains(lower) && !Modals.Contains(lower);
            }

            position++;
        }

        // What the team did or takes on names what it is about ("wir haben den Betrag storniert"); "wir kümmern uns
        // gern darum" before a redirect promises nothing here.
        return (auxiliary && participle && (noun || !firstPerson)) || (ownVerb && noun);
    }

    // The same in English, without a lexicon: a perfect or a future of the team's, or a passive (steps are read by
    // the caller from the clause's first words).
    private static bool EnglishAction(IReadOnlyList<Token> tokens, int start, int end, bool firstPerson)
    {
        bool perfect = false, future = false, passive = false;
        string? previous = null;
        for (int i = start; i < end; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            string lower = tokens[i].Lower;
            perfect |= lower is "have" or "'ve" or "has" or "had" or "we've" or "i've" or "i'd";
            future |= lower is "will" or "'ll" or "we'll" or "i'll" or "it'll";
            passive |= previous is "is" or "are" or "was" or "were" or "been" && (lower.EndsWith("ed", StringComparison.Ordinal) || IrregularParticiples.Contains(lower));
            previous = lower;
        }

        return passive || (firstPerson && (perfect || future));
    }
}

using System.Text.RegularExpressions;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Rules;

/// <summary>One rewrite alternative; variants per address form, or one text for both.</summary>
public sealed record LexiconRewrite(string? Text, string? Du, string? Sie)
{
    /// <summary>The text for the address form; falls back to the neutral text, then to the other form.</summary>
    public string? For(AddressForm form) => form switch
    {
        AddressForm.Du => Du ?? Text ?? Sie,
        _ => Sie ?? Text ?? Du,
    };
}

/// <summary>What a rewrite replaces: the matched phrase, or the whole sentence around it.</summary>
public enum RewriteScope
{
    /// <summary>The matched words.</summary>
    Match,

    /// <summary>The sentence that contains the match, for phrases no in-place rewrite can keep grammatical.</summary>
    Sentence,
}

/// <summary>
/// One phrase of a lexicon rule: its pattern, rewrites and its own test sentences. The expression is built on first
/// use: the word prefilter means most phrases never run on a given template, and building them all costs start-up.
/// </summary>
public sealed record LexiconPhrase(
    Language Language,
    string Pattern,
    Lazy<Regex> Matcher,
    IReadOnlyList<IReadOnlyList<string>> Anchors,
    string? Message,
    RewriteScope Scope,
    IReadOnlyList<LexiconRewrite> Rewrites,
    Lazy<IReadOnlyList<Regex>> UnlessMatchers,
    IReadOnlyList<string> Flag,
    IReadOnlyList<string> Pass,
    int SourceLine)
{
    /// <summary>The phrase's regular expression.</summary>
    public Regex Regex => Matcher.Value;

    /// <summary>Expressions that cancel a match when they occur in its sentence or the next one.</summary>
    public IReadOnlyList<Regex> Unless => UnlessMatchers.Value;

    /// <summary>Who must be the subject of a clause the match touches (<c>subject:</c> in the file).</summary>
    public SubjectConstraint Subject { get; init; }

    /// <summary>The <c>unless</c> patterns as written, whose expressions are <see cref="Unless"/>.</summary>
    public IReadOnlyList<string> UnlessPatterns { get; init; } = [];

    /// <summary>The expressions that run: the whole pattern, or the alternatives of a pattern that is one alternation.</summary>
    public IReadOnlyList<PhrasePart> Parts { get; init; } = [];
}

/// <summary>One expression of a phrase with the anchor words a text must hold for it to match.</summary>
public sealed record PhrasePart(Lazy<Regex> Matcher, IReadOnlyList<IReadOnlyList<string>> Anchors)
{
    /// <summary>The part's regular expression.</summary>
    public Regex Regex => Matcher.Value;

    /// <summary>Where the part's matches can begin, so that it is tried only there; null (or null inside) to search everywhere.</summary>
    internal Lazy<PhraseStart?>? Start { get; init; }
}

/// <summary>A phrase's condition on the subject of the clause it occurs in.</summary>
public enum SubjectConstraint
{
    /// <summary>Any subject.</summary>
    Any,

    /// <summary>The reader (du, Sie, ihr, you, or an imperative): "Sie haben das übersehen", not "Wir haben das übersehen".</summary>
    Reader,

    /// <summary>Anyone but the reader.</summary>
    NotReader,
}

/// <summary>
/// A rule defined as data: a descriptor, its phrases in every language, the channels (front matter
/// <c>channel:</c>) where it does not apply, such as private channels for the personal-data rule, and the severity
/// its findings take where the reply gives help of its own in another clause (<c>alongsideHelp:</c>; see
/// <see cref="ReplyHelp"/>), such as a hotline named beside an answer.
/// </summary>
public sealed record LexiconRule(DiagnosticDescriptor Descriptor, IReadOnlyList<LexiconPhrase> Phrases, string SourceName, IReadOnlyList<string> SkipChannels, DiagnosticSeverity? AlongsideHelp = null);

using ToneLsp.Core.Text;

namespace ToneLsp.Core.Documents;

/// <summary>What a suppression comment does.</summary>
public enum SuppressionKind
{
    /// <summary><c>tonelsp-disable</c>: off from here until a matching enable.</summary>
    Disable,

    /// <summary><c>tonelsp-enable</c>: on again from here.</summary>
    Enable,

    /// <summary><c>tonelsp-disable-next-line</c>: off for the next line that is not blank.</summary>
    DisableNextLine,

    /// <summary><c>tonelsp-disable-line</c>: off for the line the comment stands on.</summary>
    DisableLine,
}

/// <summary>
/// An HTML comment such as <c>&lt;!-- tonelsp-disable TONE001 -- reason --&gt;</c>. No rule IDs means all rules;
/// an ID may also be a category slug.
/// </summary>
public sealed record SuppressionComment(TextSpan Span, SuppressionKind Kind, IReadOnlyList<string> RuleIds, string? Reason)
{
    /// <summary>Whether the comment applies to the rule with the given ID and category.</summary>
    public bool AppliesTo(string ruleId, string category) =>
        RuleIds.Count == 0 ||
        RuleIds.Any(id => string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase) ||
                          string.Equals(id, category, StringComparison.OrdinalIgnoreCase));
}

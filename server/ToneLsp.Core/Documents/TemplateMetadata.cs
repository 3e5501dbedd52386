using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Documents;

/// <summary>What a template's YAML front matter says about it.</summary>
public sealed record TemplateMetadata
{
    /// <summary>Metadata of a template without front matter.</summary>
    public static TemplateMetadata Empty { get; } = new();

    /// <summary>The reply's language, from <c>language: de|en</c>.</summary>
    public Language? Language { get; init; }

    /// <summary>The form of address the reply must use, from <c>address: du|sie</c>.</summary>
    public AddressForm? Address { get; init; }

    /// <summary>The channel the template is written for, from <c>channel:</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>Where the front matter stands, both <c>---</c> lines included; null without front matter.</summary>
    public TextSpan? Span { get; init; }

    /// <summary>Whether a position lies inside the front matter, where Markdown (and a suppression comment) does not apply.</summary>
    public bool Contains(int position) => Span is { } span && position >= span.Start && position < span.End;

    /// <summary>All top-level scalar values of the front matter.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}

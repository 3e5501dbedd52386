using System.Collections.Immutable;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Diagnostics;

/// <summary>
/// One finding. <see cref="Properties"/> carries what a code-fix provider needs to rebuild the fix,
/// so an LSP client can send the diagnostic back and get the same fix.
/// </summary>
public sealed record ToneDiagnostic(
    DiagnosticDescriptor Descriptor,
    TextSpan Span,
    string Message,
    DiagnosticSeverity Severity,
    ImmutableDictionary<string, string> Properties)
{
    /// <summary>The rule ID.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The category slug.</summary>
    public string Category => Descriptor.Category;

    /// <summary>Creates a diagnostic with the descriptor's default severity.</summary>
    public static ToneDiagnostic Create(DiagnosticDescriptor descriptor, TextSpan span, string message, ImmutableDictionary<string, string>? properties = null) =>
        new(descriptor, span, message, descriptor.DefaultSeverity, properties ?? ImmutableDictionary<string, string>.Empty);
}

/// <summary>A fix: a title and the text edits it makes. Edits of one fix never overlap.</summary>
public sealed record CodeFix(string Title, IReadOnlyList<TextEdit> Edits, bool IsPreferred, string EquivalenceKey, ToneDiagnostic? Diagnostic = null);

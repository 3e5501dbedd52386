using System.Collections.Immutable;
using ToneLsp.Core.Analysis;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Rules;

/// <summary>
/// Fixes diagnostics whose analyzer already knows the replacement: the diagnostic's <c>replacement</c> property
/// replaces its span. Used by rules such as shouting, greetings and placeholders.
/// </summary>
public sealed class ReplacementCodeFixProvider(params string[] ids) : CodeFixProvider
{
    /// <summary>The property that holds the replacement text.</summary>
    public const string ReplacementProperty = "replacement";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [.. ids];

    /// <inheritdoc />
    public override void RegisterFixes(CodeFixContext context)
    {
        ToneDiagnostic diagnostic = context.Diagnostic;
        if (diagnostic.Properties.TryGetValue(ReplacementProperty, out string? replacement))
        {
            string title = (replacement.Length <= 2 && !replacement.Any(char.IsLetter) ? Messages.FixKeepSingle : Messages.FixWrite).Format(context.Input.MessageLanguage, replacement);
            context.Register(new CodeFix(title, [new TextEdit(diagnostic.Span, replacement)], true, diagnostic.Id));
        }
    }
}

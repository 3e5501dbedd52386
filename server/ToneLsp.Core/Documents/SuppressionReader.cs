using System.Text.RegularExpressions;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Documents;

/// <summary>Finds <c>&lt;!-- tonelsp-… --&gt;</c> comments inside HTML blocks and inline HTML.</summary>
internal static partial class SuppressionReader
{
    public static void Read(SourceText source, TextSpan span, List<SuppressionComment> into)
    {
        for (Match match = CommentPattern().Match(source.Text, span.Start, span.Length); match.Success; match = match.NextMatch())
        {
            SuppressionKind kind = match.Groups["kind"].Value.ToLowerInvariant() switch
            {
                "disable-next-line" => SuppressionKind.DisableNextLine,
                "disable-line" => SuppressionKind.DisableLine,
                "enable" => SuppressionKind.Enable,
                _ => SuppressionKind.Disable,
            };
            string body = match.Groups["body"].Value;
            string? reason = null;
            int separator = body.IndexOf("--", StringComparison.Ordinal);
            if (separator >= 0)
            {
                reason = body[(separator + 2)..].Trim();
                body = body[..separator];
            }

            string[] ids = body.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            into.Add(new SuppressionComment(new TextSpan(match.Index, match.Length), kind, ids, string.IsNullOrEmpty(reason) ? null : reason));
        }
    }

    [GeneratedRegex(@"<!--\s*tonelsp-(?<kind>disable-next-line|disable-line|disable|enable)\b(?<body>(?:(?!-->)[\s\S]){0,2000})-->", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentPattern();
}

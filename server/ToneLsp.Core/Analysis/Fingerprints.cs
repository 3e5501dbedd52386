using System.Security.Cryptography;
using ToneLsp.Core.Text;
using System.Text;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Rules;

namespace ToneLsp.Core.Analysis;

/// <summary>
/// Stable identities for findings, for baselines and SARIF <c>partialFingerprints</c>: the rule, the flagged text,
/// the text of its line, and which occurrence of that combination it is. Moving unrelated lines changes none of them.
/// </summary>
public static class Fingerprints
{
    /// <summary>One fingerprint per diagnostic of the result, in the same order.</summary>
    public static IReadOnlyList<string> Compute(AnalysisResult result)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fingerprints = new List<string>(result.Diagnostics.Count);
        foreach (ToneDiagnostic diagnostic in result.Diagnostics)
        {
            var source = result.Document.Source;
            string flagged = ProseTokenizer.CollapseWhitespace(source.Slice(diagnostic.Span)).ToLowerInvariant();
            string line = ProseTokenizer.CollapseWhitespace(source.GetLineText(source.GetLineNumber(diagnostic.Span.Start))).ToLowerInvariant();
            string key = $"{diagnostic.Id}\u0000{flagged}\u0000{line}";
            int occurrence = seen.GetValueOrDefault(key);
            seen[key] = occurrence + 1;
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\u0000{occurrence}"));
            fingerprints.Add(Convert.ToHexStringLower(hash, 0, 12));
        }

        return fingerprints;
    }
}

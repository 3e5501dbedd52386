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
    /// <remarks>
    /// Linear in the text: each line is collapsed once, and the hash of rule, flagged text and line is computed once
    /// per distinct combination and cloned for each occurrence, so a long line with thousands of findings is cheap.
    /// </remarks>
    public static IReadOnlyList<string> Compute(AnalysisResult result)
    {
        SourceText source = result.Document.Source;
        var lineTexts = new Dictionary<int, int>();
        var distinctLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineTextById = new List<string>();
        var prefixes = new Dictionary<(string Id, string Flagged, int Line), (IncrementalHash Hash, int Occurrences)>();
        var fingerprints = new List<string>(result.Diagnostics.Count);
        try
        {
            foreach (ToneDiagnostic diagnostic in result.Diagnostics)
            {
                string flagged = ProseTokenizer.CollapseWhitespace(source.Slice(diagnostic.Span)).ToLowerInvariant();
                int lineNumber = source.GetLineNumber(diagnostic.Span.Start);
                if (!lineTexts.TryGetValue(lineNumber, out int line))
                {
                    string text = ProseTokenizer.CollapseWhitespace(source.GetLineText(lineNumber)).ToLowerInvariant();
                    if (!distinctLines.TryGetValue(text, out line))
                    {
                        line = lineTextById.Count;
                        distinctLines[text] = line;
                        lineTextById.Add(text);
                    }

                    lineTexts[lineNumber] = line;
                }

                var key = (diagnostic.Id, flagged, line);
                if (!prefixes.TryGetValue(key, out var prefix))
                {
                    prefix = (IncrementalHash.CreateHash(HashAlgorithmName.SHA256), 0);
                    prefix.Hash.AppendData(Encoding.UTF8.GetBytes($"{diagnostic.Id}\u0000{flagged}\u0000{lineTextById[line]}\u0000"));
                }

                prefixes[key] = (prefix.Hash, prefix.Occurrences + 1);
                using IncrementalHash occurrence = prefix.Hash.Clone();
                occurrence.AppendData(Encoding.UTF8.GetBytes(prefix.Occurrences.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                fingerprints.Add(Convert.ToHexStringLower(occurrence.GetHashAndReset(), 0, 12));
            }
        }
        finally
        {
            foreach (var (hash, _) in prefixes.Values)
            {
                hash.Dispose();
            }
        }

        return fingerprints;
    }
}

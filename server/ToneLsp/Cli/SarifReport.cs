using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;

using ToneLsp.Core.Documents;

namespace ToneLsp.Cli;

/// <summary>The <c>--format sarif</c> output: SARIF 2.1.0 with rules, results, locations and fixes.</summary>
public static class SarifReport
{
    /// <summary>Serialises the reports for the given rule catalogue, with the rules described in English.</summary>
    public static string Write(IReadOnlyList<FileReport> reports, IReadOnlyList<DiagnosticDescriptor> descriptors) => Write(reports, descriptors, Language.English);

    /// <summary>
    /// Serialises the reports for the given rule catalogue: the rules' descriptions and help in <paramref name="language"/>,
    /// each result's message in its template's message language; <c>properties.language</c> names them.
    /// </summary>
    public static string Write(IReadOnlyList<FileReport> reports, IReadOnlyList<DiagnosticDescriptor> descriptors, Language language)
    {
        var index = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var rules = new JsonArray([.. descriptors.Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Id,
            ["name"] = d.Category + "/" + d.Id,
            ["shortDescription"] = new JsonObject { ["text"] = d.Title(language) },
            ["fullDescription"] = new JsonObject { ["text"] = d.HelpText(language) },
            ["help"] = new JsonObject { ["text"] = d.HelpText(language) },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(d.DefaultSeverity) },
            ["properties"] = new JsonObject { ["category"] = d.Category, ["language"] = Messages.Code(language) },
        })]);
        var results = new JsonArray();
        foreach (FileReport report in reports)
        {
            SourceText text = report.Result.Document.Source;
            for (int findingIndex = 0; findingIndex < report.Findings.Count; findingIndex++)
            {
                var (diagnostic, fixes) = report.Findings[findingIndex];
                var result = new JsonObject
                {
                    ["ruleId"] = diagnostic.Id,
                    ["partialFingerprints"] = new JsonObject { ["toneFingerprint/v1"] = report.Fingerprints[findingIndex] },
                    ["level"] = Level(diagnostic.Severity),
                    ["message"] = new JsonObject { ["text"] = diagnostic.Message },
                    ["properties"] = new JsonObject { ["language"] = Messages.Code(report.Result.Input.MessageLanguage) },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = report.File.DisplayPath },
                            ["region"] = Region(text, diagnostic.Span),
                        },
                    }),
                };
                if (index.TryGetValue(diagnostic.Id, out int ruleIndex))
                {
                    result["ruleIndex"] = ruleIndex;
                }

                if (fixes.Count > 0)
                {
                    result["fixes"] = new JsonArray([.. fixes.Select(f => (JsonNode)new JsonObject
                    {
                        ["description"] = new JsonObject { ["text"] = f.Title },
                        ["artifactChanges"] = new JsonArray(new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = report.File.DisplayPath },
                            ["replacements"] = new JsonArray([.. f.Edits.Select(e => (JsonNode)new JsonObject
                            {
                                ["deletedRegion"] = Region(text, e.Span),
                                ["insertedContent"] = new JsonObject { ["text"] = e.NewText },
                            })]),
                        }),
                    })]);
                }

                results.Add((JsonNode)result);
            }
        }

        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "tonelsp",
                        ["version"] = ToolInfo.Version,
                        ["semanticVersion"] = ToolInfo.Version,
                        ["rules"] = rules,
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["language"] = Messages.Code(language),
                ["properties"] = new JsonObject { ["messageLanguage"] = Messages.Code(language) },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static JsonObject Region(SourceText text, TextSpan span)
    {
        LineRange range = text.GetRange(span);
        return new JsonObject
        {
            ["startLine"] = range.Start.Line + 1,
            ["startColumn"] = range.Start.Character + 1,
            ["endLine"] = range.End.Line + 1,
            ["endColumn"] = range.End.Character + 1,
        };
    }
}

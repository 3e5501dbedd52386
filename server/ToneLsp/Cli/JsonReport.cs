using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Tonality;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Cli;

/// <summary>The <c>--format json</c> output. Its shape is a public contract (version 1).</summary>
public static partial class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        TypeInfoResolver = ReportContext.Default,
    };

    /// <summary>Serialises the reports.</summary>
    public static string Write(IReadOnlyList<FileReport> reports)
    {
        var files = reports.Select(r => new FileJson(
            r.File.DisplayPath,
            r.Result.Document.Language == Language.German ? "de" : "en",
            r.Result.Input.ReplyAddress.Form.ToName(),
            r.Result.Input.CustomerAddress?.Form.ToName(),
            r.Result.Input.ReplyRegister.Register.ToName(),
            r.Result.Input.CustomerRegister?.Register.ToName(),
            [.. r.Findings.Select(f => new DiagnosticJson(
                f.Diagnostic.Id,
                f.Diagnostic.Category,
                SeverityName(f.Diagnostic.Severity),
                f.Diagnostic.Message,
                Range(r.Result.Document.Source, f.Diagnostic.Span),
                [.. f.Fixes.Select(x => new FixJson(x.Title, x.IsPreferred, [.. x.Edits.Select(e => new EditJson(Range(r.Result.Document.Source, e.Span), e.NewText))]))]))],
            Core.Diagnostics.Messages.Code(r.Result.Input.MessageLanguage)))
            .ToList();
        var all = reports.SelectMany(r => r.Findings.Select(f => f.Diagnostic)).ToList();
        var summary = new SummaryJson(
            reports.Count,
            all.Count,
            all.Count(d => d.Severity == DiagnosticSeverity.Error),
            all.Count(d => d.Severity == DiagnosticSeverity.Warning),
            all.Count(d => d.Severity == DiagnosticSeverity.Information),
            all.Count(d => d.Severity == DiagnosticSeverity.Hint),
            all.GroupBy(d => d.Category).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
        return JsonSerializer.Serialize(new ReportJson(1, files, summary), Options);
    }

    /// <summary>The lower-case name of a severity.</summary>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Information => "information",
        _ => "hint",
    };

    private static RangeJson Range(SourceText text, TextSpan span)
    {
        LineRange range = text.GetRange(span);
        return new RangeJson(new PositionJson(range.Start.Line, range.Start.Character), new PositionJson(range.End.Line, range.End.Character));
    }

    // Generated serialisation: no reflection at run time, which also lets the CLI be compiled ahead of time.
    [JsonSerializable(typeof(ReportJson))]
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    internal sealed partial class ReportContext : JsonSerializerContext;

    internal sealed record ReportJson(int Version, IReadOnlyList<FileJson> Files, SummaryJson Summary);

    // Messages is the language of the messages and fix titles (de or en); IDs and category slugs never change with it.
    internal sealed record FileJson(string Path, string Language, string AddressForm, string? CustomerAddressForm, string Register, string? CustomerRegister,
        IReadOnlyList<DiagnosticJson> Diagnostics, string Messages);

    internal sealed record DiagnosticJson(string RuleId, string Category, string Severity, string Message, RangeJson Range, IReadOnlyList<FixJson> Fixes);

    internal sealed record FixJson(string Title, bool IsPreferred, IReadOnlyList<EditJson> Edits);

    internal sealed record EditJson(RangeJson Range, string NewText);

    internal sealed record RangeJson(PositionJson Start, PositionJson End);

    internal sealed record PositionJson(int Line, int Character);

    internal sealed record SummaryJson(int Files, int Diagnostics, int Errors, int Warnings, int Information, int Hints, IReadOnlyDictionary<string, int> ByCategory);
}

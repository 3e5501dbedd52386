using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ToneLsp.Core.Diagnostics;
using ToneLsp.Core.Text;
using Lsp = ToneLsp.Protocol;

namespace ToneLsp.Server;

/// <summary>Converts between the core's types and the wire types. The only place that does.</summary>
public static class ProtocolConversion
{
    // Web defaults (camelCase, case-insensitive) over the generated metadata, so no reflection is needed.
    private static readonly JsonTypeInfo<DiagnosticData> DataJson =
        (JsonTypeInfo<DiagnosticData>)new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = Lsp.LspJsonContext.Default }.GetTypeInfo(typeof(DiagnosticData));

    /// <summary>The <c>source</c> of every diagnostic.</summary>
    public const string Source = "tonelsp";

    /// <summary>Converts a span.</summary>
    public static Lsp.Range ToRange(SourceText text, TextSpan span, PositionEncoding encoding)
    {
        LineRange range = text.GetRange(span, encoding);
        return new Lsp.Range(ToPosition(range.Start), ToPosition(range.End));
    }

    /// <summary>Converts a position.</summary>
    public static Lsp.Position ToPosition(LinePosition position) => new(position.Line, position.Character);

    /// <summary>Converts a wire position.</summary>
    public static LinePosition FromPosition(Lsp.Position position) => new(position.Line, position.Character);

    /// <summary>Converts a wire range into a span, clamped to the text.</summary>
    public static TextSpan FromRange(SourceText text, Lsp.Range range, PositionEncoding encoding) =>
        text.GetSpan(new LineRange(FromPosition(range.Start), FromPosition(range.End)), encoding);

    /// <summary>Converts a diagnostic; <c>data</c> carries the rule ID and the properties its fix needs.</summary>
    public static Lsp.Diagnostic ToDiagnostic(SourceText text, ToneDiagnostic diagnostic, PositionEncoding encoding) => new()
    {
        Range = ToRange(text, diagnostic.Span, encoding),
        Severity = (int)diagnostic.Severity,
        Code = diagnostic.Id,
        Source = Source,
        Message = diagnostic.Message,
        Data = JsonSerializer.SerializeToElement(new DiagnosticData(diagnostic.Id, diagnostic.Category, diagnostic.Properties.ToDictionary()), DataJson),
    };

    /// <summary>Converts core edits into wire edits.</summary>
    public static Lsp.TextEdit[] ToEdits(SourceText text, IEnumerable<Core.Text.TextEdit> edits, PositionEncoding encoding) =>
        [.. edits.Select(e => new Lsp.TextEdit(ToRange(text, e.Span, encoding), e.NewText))];

    /// <summary>What a diagnostic's <c>data</c> holds.</summary>
    public sealed record DiagnosticData(string RuleId, string Category, Dictionary<string, string> Properties);

    /// <summary>Reads a diagnostic's <c>data</c>, or null when it is not ours.</summary>
    public static DiagnosticData? ReadData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize<DiagnosticData>(DataJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

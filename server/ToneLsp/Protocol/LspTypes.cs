using System.Text.Json;
using System.Text.Json.Serialization;

// The subset of the Language Server Protocol 3.17 that ToneLsp speaks. Property names are
// serialised in camelCase by the formatter's naming policy; nulls are omitted.
namespace ToneLsp.Protocol;

#pragma warning disable CS1591 // The LSP specification documents these types.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record TextDocumentContentChangeEvent([property: JsonConverter(typeof(ClampedRangeConverter))] Range? Range, int? RangeLength, string Text);

/// <summary>
/// Reads the range of a change with every line and character clamped to LSP's uinteger (0 … 2³¹−1): a change
/// that names a position beyond the document applies at its end, as the specification says, instead of being
/// dropped and leaving the server out of step with the editor.
/// </summary>
public sealed class ClampedRangeConverter : JsonConverter<Range?>
{
    public override Range? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Position? start = null, end = null;
        ReadObject(ref reader, (ref Utf8JsonReader r, string name) =>
        {
            if (name.Equals("start", StringComparison.OrdinalIgnoreCase))
            {
                start = ReadPosition(ref r);
            }
            else if (name.Equals("end", StringComparison.OrdinalIgnoreCase))
            {
                end = ReadPosition(ref r);
            }
            else
            {
                r.Skip();
            }
        });
        return start is null || end is null ? throw new JsonException("A range needs a start and an end.") : new Range(start, end);
    }

    public override void Write(Utf8JsonWriter writer, Range? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value!, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Range>)options.GetTypeInfo(typeof(Range)));

    private delegate void PropertyReader(ref Utf8JsonReader reader, string name);

    private static Position ReadPosition(ref Utf8JsonReader reader)
    {
        int line = 0, character = 0;
        bool hasLine = false, hasCharacter = false;
        ReadObject(ref reader, (ref Utf8JsonReader r, string name) =>
        {
            if (name.Equals("line", StringComparison.OrdinalIgnoreCase))
            {
                (line, hasLine) = (ReadUInteger(ref r), true);
            }
            else if (name.Equals("character", StringComparison.OrdinalIgnoreCase))
            {
                (character, hasCharacter) = (ReadUInteger(ref r), true);
            }
            else
            {
                r.Skip();
            }
        });
        return hasLine && hasCharacter ? new Position(line, character) : throw new JsonException("A position needs a line and a character.");
    }

    private static int ReadUInteger(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double value) || double.IsNaN(value))
        {
            throw new JsonException("A line or character must be a number.");
        }

        return value <= 0 ? 0 : value >= int.MaxValue ? int.MaxValue : (int)value;
    }

    private static void ReadObject(ref Utf8JsonReader reader, PropertyReader property)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            property(ref reader, name);
        }
    }
}

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

public sealed record InitializeParams(
    int? ProcessId,
    string? RootUri,
    JsonElement? Capabilities,
    JsonElement? InitializationOptions,
    ClientInfo? ClientInfo,
    string? Trace,
    WorkspaceFolder[]? WorkspaceFolders = null,
    string? Locale = null);

public sealed record WorkspaceFolder(string Uri, string? Name);

public sealed record ClientInfo(string Name, string? Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

/// <summary>What the server provides; each handler fills in its part (see <c>ILspHandler.Contribute</c>), and what none provides stays out.</summary>
public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }

    public TextDocumentSyncOptions? TextDocumentSync { get; init; }

    public CodeActionOptions? CodeActionProvider { get; init; }

    public bool? HoverProvider { get; init; }

    public CodeLensOptions? CodeLensProvider { get; init; }

    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }

    public CompletionOptions? CompletionProvider { get; init; }

    public bool? DocumentSymbolProvider { get; init; }

    public DiagnosticOptions? DiagnosticProvider { get; init; }
}

public static class PositionEncodingKinds
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
}

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

public static class TextDocumentSyncKind
{
    public const int Incremental = 2;
}

public sealed record SaveOptions(bool IncludeText);

public sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);

public sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record CompletionOptions(bool ResolveProvider, string[]? TriggerCharacters);

public sealed record ExecuteCommandOptions(string[] Commands);

public static class Commands
{
    /// <summary>Converts a whole reply: arguments [uri, "du" | "sie"].</summary>
    public const string ConvertDocument = "tonelsp.convertDocument";

    /// <summary>Creates a configuration that accepts a phrase, for clients that cannot create files: arguments [path, phrase].</summary>
    public const string AcceptPhrase = "tonelsp.acceptPhrase";
}

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command);

public sealed record Command(string Title, string CommandName, JsonElement[]? Arguments)
{
    [JsonPropertyName("command")]
    public string CommandName { get; init; } = CommandName;
}

public sealed record ExecuteCommandParams(string Command, JsonElement[]? Arguments);

public sealed record ApplyWorkspaceEditParams(string? Label, WorkspaceEdit Edit);

public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string RefactorRewrite = "refactor.rewrite";
    public const string SourceFixAll = "source.fixAll.tonelsp";
    public const string Source = "source";
}

public sealed record Diagnostic
{
    public required Range Range { get; init; }

    public int Severity { get; init; }

    public string? Code { get; init; }

    public string? Source { get; init; }

    public required string Message { get; init; }

    public JsonElement? Data { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier, string? PreviousResultId);

public sealed record DocumentDiagnosticReport(string Kind, string? ResultId, Diagnostic[]? Items);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record CodeActionContext(Diagnostic[]? Diagnostics, string[]? Only, int? TriggerKind);

public sealed record CodeAction
{
    public required string Title { get; init; }

    public string? Kind { get; init; }

    public Diagnostic[]? Diagnostics { get; init; }

    public bool? IsPreferred { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public Command? Command { get; init; }
}

public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]>? Changes, object[]? DocumentChanges = null);

public sealed record CreateFile(string Uri, CreateFileOptions? Options)
{
    public string Kind { get; init; } = "create";
}

public sealed record CreateFileOptions(bool IgnoreIfExists);

public sealed record OptionalVersionedTextDocumentIdentifier(string Uri, int? Version)
{
    // The specification requires the key: null means the file as it is on disk. Clients reject the edit without it.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Version { get; init; } = Version;
}

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, TextEdit[] Edits);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

public sealed record Registration(string Id, string Method, object? RegisterOptions);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

public sealed record PreviousResultId(string Uri, string Value);

public sealed record WorkspaceDiagnosticParams(string? Identifier, PreviousResultId[]? PreviousResultIds);

// The specification requires "version" on every item: the open document's version, or null for a file that is not open.
public sealed record WorkspaceDocumentDiagnosticReport(string Kind, string Uri, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version, string? ResultId, Diagnostic[]? Items);

public sealed record WorkspaceDiagnosticReport(WorkspaceDocumentDiagnosticReport[] Items);

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record CompletionItem
{
    public required string Label { get; init; }

    public int Kind { get; init; } = CompletionItemKind.Snippet;

    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? InsertText { get; init; }

    public int InsertTextFormat { get; init; } = 2;

    public string? FilterText { get; init; }

    public string? SortText { get; init; }
}

public static class CompletionItemKind
{
    public const int Text = 1;
    public const int Snippet = 15;
}

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);

public static class SymbolKind
{
    public const int String = 15;
    public const int Namespace = 3;
}

public sealed record TextEdit(Range Range, string NewText);

public sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record MarkupContent(string Kind, string Value);

public sealed record DidChangeConfigurationParams(JsonElement? Settings);

public sealed record ConfigurationParams(ConfigurationItem[] Items);

public sealed record ConfigurationItem(string? ScopeUri, string? Section);

public sealed record LogMessageParams(int Type, string Message);

public sealed record ShowMessageParams(int Type, string Message);

public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

/// <summary>ToneLsp's own notification (<c>tonelsp/documentStatus</c>) with facts a client can show in a status bar.</summary>
/// <c>Messages</c> is the language of the document's messages (de or en) and <c>Text</c> a one-line summary in it;
/// <c>Register</c> and <c>CustomerRegister</c> are the reply's and the customer's register (formal, neutral, casual).
public sealed record DocumentStatusParams(string Uri, int Version, string Language, string AddressForm, string? CustomerAddressForm, string? TargetAddressForm, int Findings,
    string? Messages = null, string? Text = null, string? Register = null, string? CustomerRegister = null);

public static class LspErrorCodes
{
    public const int InvalidRequest = -32600;
    public const int ServerNotInitialized = -32002;
    public const int InvalidParams = -32602;
    public const int ContentModified = -32801;
    public const int RequestFailed = -32803;
}

public static class LspJson
{
    /// <summary>The serializer options used on the wire.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.MaxDepth = 256;
        return options;
    }

    /// <summary>The server's wire options: <see cref="Configure"/> with the generated metadata of <see cref="LspJsonContext"/> only.</summary>
    public static JsonSerializerOptions ConfigureServer(JsonSerializerOptions options)
    {
        Configure(options).TypeInfoResolver = LspJsonContext.Default;
        return options;
    }
}

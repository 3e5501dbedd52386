using System.Text.Json.Nodes;

namespace ToneLsp.Tests.Support;

/// <summary>What a test client declares in <c>initialize</c>; every switch is off by default, like a minimal client.</summary>
public sealed record ClientSetup
{
    /// <summary>A client that declares nothing: UTF-16 positions and pushed diagnostics.</summary>
    public static ClientSetup Minimal { get; } = new();

    /// <summary>Lists utf-8 in <c>capabilities.general.positionEncodings</c>.</summary>
    public bool OffersUtf8 { get; init; }

    /// <summary>Declares <c>capabilities.textDocument.diagnostic</c>, which switches the server to pull diagnostics.</summary>
    public bool PullDiagnostics { get; init; }

    /// <summary>Declares <c>capabilities.workspace.configuration</c>, so the server asks for its settings.</summary>
    public bool ConfigurationRequests { get; init; }

    /// <summary>Asks for <c>tonelsp/documentStatus</c> notifications through the initialization options.</summary>
    public bool StatusNotifications { get; init; }

    /// <summary>The workspace folder, as a local path; none by default.</summary>
    public string? RootPath { get; init; }

    /// <summary>Declares <c>workspace.diagnostics.refreshSupport</c>.</summary>
    public bool DiagnosticRefresh { get; init; }

    /// <summary>Declares that workspace edits may create files.</summary>
    public bool CreateFiles { get; init; }

    /// <summary>The editor's locale (<c>initialize</c>'s <c>locale</c>), or null to send none.</summary>
    public string? Locale { get; init; }

    /// <summary>The <c>initialize</c> parameters.</summary>
    public JsonObject ToInitializeParams()
    {
        var capabilities = new JsonObject();
        if (OffersUtf8)
        {
            capabilities["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-8", "utf-16") };
        }

        if (PullDiagnostics)
        {
            capabilities["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } };
        }

        var workspace = new JsonObject();
        if (ConfigurationRequests)
        {
            workspace["configuration"] = true;
        }

        if (DiagnosticRefresh)
        {
            workspace["diagnostics"] = new JsonObject { ["refreshSupport"] = true };
        }

        if (CreateFiles)
        {
            workspace["workspaceEdit"] = new JsonObject { ["resourceOperations"] = new JsonArray("create") };
        }

        if (workspace.Count > 0)
        {
            capabilities["workspace"] = workspace;
        }

        var parameters = new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = RootPath is null ? null : new Uri(RootPath).AbsoluteUri,
            ["clientInfo"] = new JsonObject { ["name"] = "ToneLsp.Tests" },
            ["capabilities"] = capabilities,
            ["initializationOptions"] = new JsonObject { ["statusNotifications"] = StatusNotifications },
        };
        if (Locale is not null)
        {
            parameters["locale"] = Locale;
        }

        return parameters;
    }
}

namespace ToneLsp.Core.AddressForms;

/// <summary>How a German reply addresses the reader.</summary>
public enum AddressForm
{
    /// <summary>No direct address was found.</summary>
    None,

    /// <summary>Informal: du, dich, dir, dein; informal plural ihr, euch, euer.</summary>
    Du,

    /// <summary>Formal: Sie, Ihnen, Ihr.</summary>
    Sie,

    /// <summary>Both forms occur.</summary>
    Mixed,
}

/// <summary>Wire names of address forms, shared by the CLI and the server.</summary>
public static class AddressFormNames
{
    /// <summary>The lower-case name: du, sie, mixed or none.</summary>
    public static string ToName(this AddressForm form) => form switch
    {
        AddressForm.Du => "du",
        AddressForm.Sie => "sie",
        AddressForm.Mixed => "mixed",
        _ => "none",
    };

    /// <summary>Parses du or sie, case-insensitively; anything else is null.</summary>
    public static AddressForm? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "du" => AddressForm.Du,
        "sie" => AddressForm.Sie,
        _ => null,
    };
}

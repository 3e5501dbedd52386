using System.Reflection;

namespace ToneLsp;

/// <summary>Facts about this build.</summary>
public static class ToolInfo
{
    /// <summary>The version, such as 0.1.0; it comes from Directory.Build.props.</summary>
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The commit the build was made from (12 hex digits), or "unknown" outside a Git work tree.</summary>
    public static string Commit { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Commit")?.Value is { Length: > 0 } commit ? commit : "unknown";

    /// <summary>The version with the commit as SemVer build metadata, such as 0.1.0+1a2b3c4d5e6f.</summary>
    public static string VersionWithCommit => $"{Version}+{Commit}";
}

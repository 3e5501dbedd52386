using System.Reflection;

namespace ToneLsp;

/// <summary>Facts about this build.</summary>
public static class ToolInfo
{
    /// <summary>The version, such as 0.1.0.</summary>
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

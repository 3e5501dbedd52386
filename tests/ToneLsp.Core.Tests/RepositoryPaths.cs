namespace ToneLsp.Core.Tests;

/// <summary>Where the checkout is, for tests that read the README, the examples or generated files.</summary>
internal static class RepositoryPaths
{
    /// <summary>The directory that holds ToneLsp.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ToneLsp.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("ToneLsp.sln not found above the test assembly");
    }
}

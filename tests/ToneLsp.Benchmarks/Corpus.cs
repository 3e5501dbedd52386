using System.Text;

namespace ToneLsp.Benchmarks;

/// <summary>Realistic reply templates of the sizes the targets name, built from the bundled examples.</summary>
public static class Corpus
{
    private static readonly string Root = FindRoot();

    /// <summary>A typical template of about 2 KB: front matter, customer message, reply with a few findings.</summary>
    public static string Template2K { get; } = Build(2 * 1024);

    /// <summary>A 100 KB collection of templates under headings.</summary>
    public static string Collection100K { get; } = Build(100 * 1024, headings: true);

    /// <summary>A 1 MB document.</summary>
    public static string Document1M { get; } = Build(1024 * 1024, headings: true);

    private static string Build(int size, bool headings = false)
    {
        var examples = Directory.GetFiles(Path.Combine(Root, "examples"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).ToList();
        var builder = new StringBuilder();
        int section = 0;
        while (builder.Length < size)
        {
            string example = examples[section % examples.Count];
            if (headings)
            {
                // Front matter only belongs at the top; sections are headed instead.
                int end = example.StartsWith("---", StringComparison.Ordinal) ? example.IndexOf("\n---", 3, StringComparison.Ordinal) : -1;
                builder.Append("## Vorlage ").Append(section).Append("\n\n").Append(end > 0 ? example[(end + 4)..] : example).Append("\n\n");
            }
            else
            {
                builder.Append(section == 0 ? example : example.Replace("---", "***", StringComparison.Ordinal)).Append("\n\n");
            }

            section++;
        }

        return builder.ToString(0, size);
    }

    private static string FindRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "ToneLsp.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}

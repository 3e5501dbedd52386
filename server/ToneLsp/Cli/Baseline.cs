using System.Text.Json;
using System.Text.Json.Serialization;

namespace ToneLsp.Cli;

/// <summary>
/// Findings recorded when a repository adopts ToneLsp (<c>--write-baseline</c>); later runs with <c>--baseline</c>
/// report only findings that are not in it. Entries match by path and fingerprint, each entry once.
/// </summary>
public sealed partial class Baseline
{
    private readonly Dictionary<(string Path, string Fingerprint), int> _remaining;

    private Baseline(Dictionary<(string, string), int> entries) => _remaining = entries;

    /// <summary>Writes the baseline of the reports.</summary>
    public static void Write(string path, IReadOnlyList<FileReport> reports)
    {
        var findings = reports.SelectMany(r => r.Findings.Select((f, i) => new Entry(r.File.DisplayPath, f.Diagnostic.Id, r.Fingerprints[i], f.Diagnostic.Message))).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(new BaselineFile(1, findings), Options) + "\n");
    }

    /// <summary>Reads a baseline; throws <see cref="CliException"/> with the file name when it cannot.</summary>
    public static Baseline Read(string path)
    {
        try
        {
            BaselineFile? file = JsonSerializer.Deserialize<BaselineFile>(File.ReadAllText(path), Options);
            if (file is not { Version: 1 } || file.Findings is null)
            {
                throw new CliException(CliText.NotABaseline, path);
            }

            var entries = new Dictionary<(string, string), int>();
            foreach (Entry entry in file.Findings)
            {
                var key = (entry.Path, entry.Fingerprint);
                entries[key] = entries.GetValueOrDefault(key) + 1;
            }

            return new Baseline(entries);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException(CliText.UnreadableBaseline, path, exception.Message);
        }
    }

    /// <summary>The reports without the findings the baseline holds.</summary>
    public IReadOnlyList<FileReport> Filter(IReadOnlyList<FileReport> reports) =>
        [.. reports.Select(report =>
        {
            var keep = new List<int>();
            for (int i = 0; i < report.Findings.Count; i++)
            {
                var key = (report.File.DisplayPath, report.Fingerprints[i]);
                if (_remaining.TryGetValue(key, out int count) && count > 0)
                {
                    _remaining[key] = count - 1;
                }
                else
                {
                    keep.Add(i);
                }
            }

            return report with { Findings = [.. keep.Select(i => report.Findings[i])], Fingerprints = [.. keep.Select(i => report.Fingerprints[i])] };
        })];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true, TypeInfoResolver = BaselineContext.Default };

    // Generated serialisation: no reflection at run time.
    [JsonSerializable(typeof(BaselineFile))]
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    internal sealed partial class BaselineContext : JsonSerializerContext;

    internal sealed record BaselineFile(int Version, List<Entry>? Findings);

    internal sealed record Entry(string Path, string RuleId, string Fingerprint, string Message);
}

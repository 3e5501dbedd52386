using System.Text;
using System.Text.RegularExpressions;

namespace ToneLsp.Core.Tests;

/// <summary>One case from a <c>.cases</c> file: input with inline markers, options, and the expected fix-all text.</summary>
public sealed record AnalyzerCase(string Name, string Input, IReadOnlyList<(string Rule, int Start, int End)> Expected, IReadOnlyDictionary<string, List<string>> Options, string? FixAll)
{
    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads all cases of a file in the test data folder.</summary>
    public static IReadOnlyList<AnalyzerCase> Load(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", fileName);
        var cases = new List<AnalyzerCase>();
        string? name = null, section = null;
        var sections = new Dictionary<string, StringBuilder>();
        foreach (string line in File.ReadAllLines(path).Append("=== end"))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    cases.Add(Build(name, sections));
                }

                name = line[4..].Trim();
                section = null;
                sections = [];
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) && name is not null)
            {
                string[] parts = line[4..].Split(' ', 2);
                section = parts[0];
                sections[section] = new StringBuilder(parts.Length > 1 ? parts[1] : string.Empty);
            }
            else if (section is not null)
            {
                StringBuilder builder = sections[section];
                if (section == "options")
                {
                    builder.Append(' ').Append(line);
                }
                else
                {
                    builder.Append(line).Append('\n');
                }
            }
        }

        return cases;
    }

    private static AnalyzerCase Build(string name, Dictionary<string, StringBuilder> sections)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string option in (sections.GetValueOrDefault("options")?.ToString() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] pair = option.Split('=', 2);
            options.TryAdd(pair[0], []);
            options[pair[0]].Add(pair.Length > 1 ? pair[1] : "true");
        }

        bool crlf = options.ContainsKey("crlf");
        string marked = Normalize(Trim(sections["input"].ToString()), crlf);
        var expected = new List<(string, int, int)>();
        var text = new StringBuilder();
        int position = 0;
        foreach (Match match in Regex.Matches(marked, @"\{\|(?<rule>[A-Z0-9]+):(?<text>.*?)\|\}", RegexOptions.Singleline))
        {
            text.Append(marked, position, match.Index - position);
            int start = text.Length;
            text.Append(match.Groups["text"].Value);
            expected.Add((match.Groups["rule"].Value, start, text.Length));
            position = match.Index + match.Length;
        }

        text.Append(marked, position, marked.Length - position);
        string? fixAll = sections.TryGetValue("fixall", out StringBuilder? fixedText) ? Normalize(Trim(fixedText.ToString()), crlf) : null;
        return new AnalyzerCase(name, text.ToString(), expected, options, fixAll);
    }

    // Blank lines between cases belong to no case.
    private static string Trim(string text) => text.TrimEnd('\n') + "\n";

    private static string Normalize(string text, bool crlf) => crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
}

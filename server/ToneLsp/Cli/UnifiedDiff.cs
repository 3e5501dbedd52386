using System.Text;

namespace ToneLsp.Cli;

/// <summary>A unified diff of two texts, line by line, with three lines of context, as <c>diff -u</c> prints it.</summary>
public static class UnifiedDiff
{
    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    public static string Create(string path, string before, string after)
    {
        if (before == after)
        {
            return string.Empty;
        }

        string[] a = SplitLines(before);
        string[] b = SplitLines(after);
        var operations = Diff(a, b);
        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        const int context = 3;
        int index = 0;
        while (index < operations.Count)
        {
            int firstChange = operations.FindIndex(index, o => o.Kind != ' ');
            if (firstChange < 0)
            {
                break;
            }

            int start = Math.Max(index, firstChange - context);
            int end = firstChange;
            int lastChange = firstChange;
            while (end < operations.Count)
            {
                if (operations[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > context * 2)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(operations.Count, lastChange + context + 1);
            var hunk = operations.GetRange(start, end - start);
            int oldStart = operations.Take(start).Count(o => o.Kind != '+') + 1;
            int newStart = operations.Take(start).Count(o => o.Kind != '-') + 1;
            int oldCount = hunk.Count(o => o.Kind != '+');
            int newCount = hunk.Count(o => o.Kind != '-');
            output.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
            foreach (var (kind, line) in hunk)
            {
                output.Append(kind).Append(line.TrimEnd('\r', '\n')).Append('\n');
            }

            index = end;
        }

        return output.ToString();
    }

    // A final line break ends the last line; it does not start another one.
    private static string[] SplitLines(string text)
    {
        string normalized = text.Replace("\r\n", "\n");
        if (normalized.EndsWith('\n'))
        {
            normalized = normalized[..^1];
        }

        return normalized.Length == 0 && text.Length == 0 ? [] : normalized.Split('\n');
    }

    // A longest-common-subsequence diff; templates are small enough for the quadratic table.
    private static List<(char Kind, string Line)> Diff(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var operations = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                operations.Add((' ', a[x++]));
                y++;
            }
            else if (table[x + 1, y] >= table[x, y + 1])
            {
                operations.Add(('-', a[x++]));
            }
            else
            {
                operations.Add(('+', b[y++]));
            }
        }

        while (x < a.Length)
        {
            operations.Add(('-', a[x++]));
        }

        while (y < b.Length)
        {
            operations.Add(('+', b[y++]));
        }

        return operations;
    }
}

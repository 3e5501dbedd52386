using ToneLsp.Core.Text;
using CoreTextEdit = ToneLsp.Core.Text.TextEdit;

namespace ToneLsp.Server;

/// <summary>The text edits that add a phrase to the "accept:" list of a configuration file.</summary>
internal static class AcceptedPhraseEdits
{
    /// <summary>Appends to an existing block list under "accept:", into a flow list, or adds the key at the end.</summary>
    public static CoreTextEdit AcceptListEdit(SourceText source, string quoted)
    {
        for (int line = 0; line < source.LineCount; line++)
        {
            string text = source.GetLineText(line);
            if (!text.StartsWith("accept:", StringComparison.Ordinal))
            {
                continue;
            }

            string rest = text["accept:".Length..].Trim();
            if (rest.StartsWith('['))
            {
                int close = source.GetLineStart(line) + text.LastIndexOf(']');
                return new CoreTextEdit(new TextSpan(close, 0), rest == "[]" ? quoted : ", " + quoted);
            }

            int last = line;
            string indent = "  ";
            for (int next = line + 1; next < source.LineCount; next++)
            {
                string item = source.GetLineText(next);
                if (item.TrimStart().StartsWith("- ", StringComparison.Ordinal) && item.StartsWith(' '))
                {
                    last = next;
                    indent = item[..(item.Length - item.TrimStart().Length)];
                }
                else if (item.Trim().Length > 0 && !item.TrimStart().StartsWith('#'))
                {
                    break;
                }
            }

            int end = source.GetLineContentEnd(last);
            return new CoreTextEdit(new TextSpan(end, 0), "\n" + indent + "- " + quoted);
        }

        string prefix = source.Length == 0 || source.Text.EndsWith('\n') ? string.Empty : "\n";
        return new CoreTextEdit(new TextSpan(source.Length, 0), prefix + "accept:\n  - " + quoted + "\n");
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string QuotedYaml(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}

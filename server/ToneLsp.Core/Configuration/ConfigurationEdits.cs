using ToneLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ToneLsp.Core.Configuration;

/// <summary>
/// Edits to a <c>.tonelsp.yaml</c> that keep everything else as it is, comments and layout included: the file is read
/// with YAML's own parser, and the edit goes where the parser found the node, not where a text search guesses it.
/// </summary>
public static class ConfigurationEdits
{
    /// <summary>The text of a new configuration file that accepts one phrase.</summary>
    public static string NewFileAccepting(string phrase) => "accept:\n  - " + Quoted(phrase) + "\n";

    /// <summary>
    /// The edit that adds a phrase to the top-level <c>accept:</c> list: after the last item of a block list (in its
    /// indentation), before the closing bracket of a flow list, under an empty key, or a new key at the end. Null
    /// when the file is not valid YAML or its root is not a mapping (then no edit could be trusted).
    /// </summary>
    public static TextEdit? AcceptPhrase(SourceText source, string phrase)
    {
        string item = Quoted(phrase);
        if (FindAccept(source.Text) is not { } found)
        {
            return null;
        }

        switch (found)
        {
            case { Missing: true }:
                string prefix = source.Length == 0 || source.Text.EndsWith('\n') ? string.Empty : "\n";
                return new TextEdit(new TextSpan(source.Length, 0), prefix + "accept:\n  - " + item + "\n");
            case { Flow: true, SequenceEnd: int close }:
                return new TextEdit(new TextSpan(close, 0), found.Items == 0 ? item : ", " + item);
            case { LastItemEnd: int end, Column: int column }:
                int lineEnd = source.GetLineContentEnd(source.GetLineNumber(Math.Max(0, end - 1)));
                return new TextEdit(new TextSpan(lineEnd, 0), "\n" + new string(' ', column) + "- " + item);
            default:
                // "accept:" with no value: the list starts under the key.
                int keyLine = source.GetLineContentEnd(source.GetLineNumber(found.KeyEnd));
                return new TextEdit(new TextSpan(keyLine, 0), "\n  - " + item);
        }
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private sealed record AcceptNode(bool Missing, int KeyEnd, bool Flow, int Items, int? LastItemEnd, int? Column, int? SequenceEnd);

    private static AcceptNode? FindAccept(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            int depth = 0;
            bool atKey = true;
            bool sawRoot = false;
            while (parser.MoveNext())
            {
                ParsingEvent current = parser.Current!;
                switch (current)
                {
                    case MappingStart when depth == 0:
                        sawRoot = true;
                        depth = 1;
                        atKey = true;
                        continue;
                    case MappingStart or SequenceStart:
                        depth++;
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }

                if (depth == 1 && current is Scalar { Value: "accept" } key && atKey)
                {
                    return ReadValue(parser, (int)key.End.Index);
                }

                // At the root mapping's level, keys and values alternate; a nested value closes back to it.
                if (depth == 1 && current is Scalar or AnchorAlias or MappingEnd or SequenceEnd)
                {
                    atKey = !atKey;
                }
            }

            return sawRoot || yaml.Trim().Length == 0 ? new AcceptNode(true, 0, false, 0, null, null, null) : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static AcceptNode? ReadValue(IParser parser, int keyEnd)
    {
        if (!parser.MoveNext())
        {
            return null;
        }

        switch (parser.Current)
        {
            case Scalar { Value.Length: 0 }:
                return new AcceptNode(false, keyEnd, false, 0, null, null, null);
            case SequenceStart start:
                bool flow = start.Style == SequenceStyle.Flow;
                int items = 0;
                int? lastEnd = null;
                int depth = 1;
                while (parser.MoveNext())
                {
                    switch (parser.Current)
                    {
                        case SequenceEnd end when depth == 1:
                            return new AcceptNode(false, keyEnd, flow, items, lastEnd, (int)start.Start.Column - 1, flow ? (int)end.Start.Index : null);
                        case MappingStart or SequenceStart:
                            depth++;
                            break;
                        case MappingEnd or SequenceEnd:
                            depth--;
                            if (depth == 1)
                            {
                                items++;
                                lastEnd = (int)parser.Current.End.Index;
                            }

                            break;
                        case Scalar scalar when depth == 1:
                            items++;
                            lastEnd = (int)scalar.End.Index;
                            break;
                    }
                }

                return null;
            default:
                // A scalar or mapping under accept: is not a list; adding to it cannot be done safely.
                return null;
        }
    }
}

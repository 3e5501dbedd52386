namespace ToneLsp.Core.Text;

/// <summary>
/// Bounds the nesting of YAML text before YamlDotNet sees it: YamlDotNet parses nested collections recursively, and
/// a stack overflow ends the process instead of throwing. One linear pass that allocates nothing.
/// </summary>
/// <remarks>
/// The scan leans towards counting more levels than YAML sees: every <c>[</c> and <c>{</c> counts, even in quotes
/// and comments, while inside what looks like a quoted scalar or a comment <c>]</c> and <c>}</c> close only a level
/// opened there. Block levels come from a stack of indentations and from runs of <c>- </c>, <c>? </c> and <c>: </c>,
/// and are kept open inside brackets and quotes. So only text that nests deeply, or leaves many brackets open
/// inside quotes or comments, is rejected.
/// </remarks>
public static class YamlDepth
{
    /// <summary>The deepest nesting allowed; far more than any configuration or front matter needs.</summary>
    public const int Limit = 64;

    /// <summary>The offset at which the text nests deeper than <see cref="Limit"/> levels, or -1 when it does not.</summary>
    public static int FindTooDeep(ReadOnlySpan<char> yaml)
    {
        Span<int> indents = stackalloc int[Limit + 1];
        int blockDepth = 0;
        int flowDepth = 0;
        char quote = '\0';
        int regionBase = 0;
        int lineStart = 0;
        while (lineStart <= yaml.Length)
        {
            int length = yaml[lineStart..].IndexOfAny('\n', '\r');
            int lineEnd = length < 0 ? yaml.Length : lineStart + length;
            ReadOnlySpan<char> line = yaml[lineStart..lineEnd];
            int indent = 0;
            while (indent < line.Length && line[indent] is ' ' or '\t')
            {
                indent++;
            }

            bool blank = indent == line.Length || line[indent] == '#';
            if (!blank)
            {
                // Inside flow collections or quotes YAML keeps the block levels open, whatever the indentation.
                if (flowDepth == 0 && quote == '\0')
                {
                    while (blockDepth > 0 && indents[blockDepth - 1] > indent)
                    {
                        blockDepth--;
                    }
                }

                if (!Push(indents, ref blockDepth, indent) || blockDepth + flowDepth > Limit)
                {
                    return lineStart + indent;
                }

                // A run of indicators opens one block level for each: "- - - x" nests three sequences.
                int position = indent;
                while (position < line.Length && line[position] is '-' or '?' or ':' && (position + 1 == line.Length || line[position + 1] is ' ' or '\t'))
                {
                    position++;
                    while (position < line.Length && line[position] is ' ' or '\t')
                    {
                        position++;
                    }

                    if (!Push(indents, ref blockDepth, position) || blockDepth + flowDepth > Limit)
                    {
                        return lineStart + position;
                    }
                }
            }

            // In a comment or a quoted scalar a closing bracket only closes one opened there: it may be text to YAML.
            bool comment = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c is '[' or '{')
                {
                    if (++flowDepth + blockDepth > Limit)
                    {
                        return lineStart + i;
                    }
                }
                else if (c is ']' or '}')
                {
                    if (flowDepth > (comment || quote != '\0' ? regionBase : 0))
                    {
                        flowDepth--;
                    }
                }
                else if (comment)
                {
                    continue;
                }
                else if (quote == '"')
                {
                    if (c == '\\' && i + 1 < line.Length && line[i + 1] is not ('[' or '{' or ']' or '}'))
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        quote = '\0';
                    }
                }
                else if (quote == '\'')
                {
                    if (c == '\'' && i + 1 < line.Length && line[i + 1] == '\'')
                    {
                        i++;
                    }
                    else if (c == '\'')
                    {
                        quote = '\0';
                    }
                }
                else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '\t' or '[' or '{' or ',' or ':'))
                {
                    quote = c;
                    regionBase = flowDepth;
                }
                else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t'))
                {
                    comment = true;
                    regionBase = flowDepth;
                }
            }

            lineStart = lineEnd + (lineEnd + 1 < yaml.Length && yaml[lineEnd] == '\r' && yaml[lineEnd + 1] == '\n' ? 2 : 1);
        }

        return -1;
    }

    /// <summary>The 1-based line and column of an offset, as YAML parsers count them.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<char> yaml, int offset)
    {
        ReadOnlySpan<char> before = yaml[..Math.Clamp(offset, 0, yaml.Length)];
        int line = 1 + before.Count('\n') + before.Count('\r') - before.Count("\r\n");
        int lastBreak = before.LastIndexOfAny('\n', '\r');
        return (line, offset - lastBreak);
    }

    // Opens a block level at the column unless the innermost one is there already; false when that is one too many.
    private static bool Push(Span<int> indents, ref int depth, int column)
    {
        if (depth > 0 && indents[depth - 1] >= column)
        {
            return true;
        }

        if (depth == indents.Length)
        {
            return false;
        }

        indents[depth++] = column;
        return true;
    }
}

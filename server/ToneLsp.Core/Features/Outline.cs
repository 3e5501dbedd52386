using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Features;

/// <summary>One section of a template collection: a heading, the text up to the next heading of its level or a higher one, and the sections below it.</summary>
public sealed record OutlineSection(string Name, int Level, TextSpan Range, TextSpan Heading, IReadOnlyList<OutlineSection> Children);

/// <summary>The outline of a template: its headings (not those in the customer's quoted message), nested by level.</summary>
public static class Outline
{
    /// <summary>The sections of the document, top level first.</summary>
    public static IReadOnlyList<OutlineSection> Of(TemplateDocument document)
    {
        var headings = document.Blocks.Where(b => b.Kind == ProseBlockKind.Heading && !b.IsQuoted).Select(b => (Block: b, Level: b.HeadingLevel)).ToList();
        var flat = new List<(string Name, int Level, TextSpan Range, TextSpan Heading)>();
        for (int i = 0; i < headings.Count; i++)
        {
            var (block, level) = headings[i];

            // A section runs to the next heading of the same or a higher level.
            int end = document.Source.Length;
            for (int j = i + 1; j < headings.Count; j++)
            {
                if (headings[j].Level <= level)
                {
                    end = headings[j].Block.Span.Start;
                    break;
                }
            }

            while (end > block.Span.End && char.IsWhiteSpace(document.Source.Text[end - 1]))
            {
                end--;
            }

            string name = ProseTokenizer.CollapseWhitespace(document.GetProse(block.Span));
            flat.Add((name.Length == 0 ? "(heading)" : name, level, TextSpan.FromBounds(block.Span.Start, end), block.Span));
        }

        return Nest(flat, 0, flat.Count);
    }

    private static List<OutlineSection> Nest(List<(string Name, int Level, TextSpan Range, TextSpan Heading)> nodes, int from, int to)
    {
        var sections = new List<OutlineSection>();
        int i = from;
        while (i < to)
        {
            int next = i + 1;
            while (next < to && nodes[next].Level > nodes[i].Level)
            {
                next++;
            }

            sections.Add(new OutlineSection(nodes[i].Name, nodes[i].Level, nodes[i].Range, nodes[i].Heading, Nest(nodes, i + 1, next)));
            i = next;
        }

        return sections;
    }
}

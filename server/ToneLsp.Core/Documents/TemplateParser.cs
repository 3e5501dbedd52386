using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Documents;

/// <summary>Turns Markdown into a <see cref="TemplateDocument"/> with Markdig. Never throws.</summary>
internal static partial class TemplateParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    public static TemplateDocument Parse(SourceText source, Language? defaultLanguage, Language? forcedLanguage)
    {
        string text = source.Text;
        // The prose is built in a rented buffer; only the finished string is allocated.
        char[] prose = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            return Parse(source, prose, defaultLanguage, forcedLanguage);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(prose);
        }
    }

    private static TemplateDocument Parse(SourceText source, char[] prose, Language? defaultLanguage, Language? forcedLanguage)
    {
        string text = source.Text;
        BlankOut(text, prose);
        var blocks = new List<ProseBlock>();
        var suppressions = new List<SuppressionComment>();
        var problems = new List<DocumentProblem>();
        TemplateMetadata metadata = TemplateMetadata.Empty;

        MarkdownDocument? markdown = null;
        try
        {
            markdown = Markdown.Parse(WithoutDeepNesting(text, problems), Pipeline);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Markdig should not throw, but if it does the text is still checked as one paragraph.
            problems.Add(new DocumentProblem(new TextSpan(0, 0), Diagnostics.Messages.ProblemMarkdown, exception.Message));
            text.AsSpan().CopyTo(prose);
            blocks.Add(new ProseBlock(new TextSpan(0, text.Length), ProseBlockKind.Paragraph, false, false));
        }

        if (markdown is not null)
        {
            var walker = new Walker(source, prose, blocks, suppressions, problems);
            bool first = true;
            foreach (Block block in markdown)
            {
                if (block is YamlFrontMatterBlock frontMatter)
                {
                    TextSpan frontMatterSpan = source.FromMarkdigSpan(frontMatter.Span.Start, frontMatter.Span.End);
                    metadata = FrontMatterReader.Read(source, frontMatterSpan, problems) with { Span = frontMatterSpan };
                    continue;
                }

                if (block is HtmlBlock || block is LinkReferenceDefinitionGroup)
                {
                    walker.Visit(block, quoted: false, customer: false);
                    continue;
                }

                bool customer = first && block is QuoteBlock;
                first = false;
                walker.Visit(block, quoted: block is QuoteBlock, customer: customer);
            }
        }

        foreach (ProseBlock block in blocks)
        {
            BlankOutNonProse(text, prose, block.Span);
        }

        string proseText = new(prose, 0, text.Length);
        bool decided = true;
        var (language, fromMetadata) = forcedLanguage is { } forced
            ? (forced, false)
            : metadata.Language is { } given
            ? (given, true)
            : (LanguageDetector.Detect(proseText, blocks, defaultLanguage ?? Language.German, out decided), false);
        return new TemplateDocument(source, proseText, blocks, metadata, language, fromMetadata, suppressions, problems) { LanguageKnown = decided };
    }

    // Markdig takes seconds on thousands of nested lists or quotes. Lines whose leading markers and indentation run
    // past this many columns are handed to it blanked out (offsets stay the same), so they parse as code: unchecked.
    private const int MaxLeadingColumns = 64;

    private static string WithoutDeepNesting(string text, List<DocumentProblem> problems)
    {
        char[]? copy = null;
        int lineStart = 0;
        int firstDeep = -1;
        while (lineStart < text.Length)
        {
            int i = lineStart;
            while (i < text.Length && text[i] is ' ' or '\t' or '>')
            {
                i++;
            }

            if (i - lineStart > MaxLeadingColumns)
            {
                // The list marker after the indentation goes too, or the line stays a deeply nested item.
                int end = i;
                if (end < text.Length && text[end] is '-' or '*' or '+')
                {
                    end++;
                }
                else
                {
                    while (end < text.Length && end - i < 9 && char.IsAsciiDigit(text[end]))
                    {
                        end++;
                    }

                    end = end > i && end < text.Length && text[end] is '.' or ')' ? end + 1 : i;
                }

                copy ??= text.ToCharArray();
                firstDeep = firstDeep < 0 ? lineStart : firstDeep;
                for (int k = lineStart; k < end; k++)
                {
                    copy[k] = ' ';
                }
            }

            int next = text.IndexOf('\n', i);
            lineStart = next < 0 ? text.Length : next + 1;
        }

        if (copy is null)
        {
            return text;
        }

        problems.Add(new DocumentProblem(new TextSpan(firstDeep, 0), Diagnostics.Messages.ProblemDeepColumns, MaxLeadingColumns));
        return new string(copy);
    }

    private static void BlankOut(string text, char[] chars)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            chars[i] = c is '\r' or '\n' ? c : ' ';
        }
    }

    private static void BlankOutNonProse(string text, char[] prose, TextSpan span)
    {
        // Each pattern only where its telltale characters occur: most blocks have none of them.
        ReadOnlySpan<char> block = text.AsSpan(span.Start, span.Length);
        if (block.IndexOfAny("{$%[\\") >= 0)
        {
            BlankOut(PlaceholderOrEscapePattern(), text, prose, span);
        }

        if (block.Contains("://", StringComparison.Ordinal) || block.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            BlankOut(UrlPattern(), text, prose, span);
        }

        if (block.Contains('@'))
        {
            BlankOut(EmailPattern(), text, prose, span);
        }
    }

    private static void BlankOut(Regex pattern, string text, char[] prose, TextSpan span)
    {
        foreach (ValueMatch match in pattern.EnumerateMatches(text.AsSpan(span.Start, span.Length)))
        {
            int start = span.Start + match.Index;
            for (int index = start; index < start + match.Length; index++)
            {
                if (prose[index] is not ('\r' or '\n'))
                {
                    prose[index] = ' ';
                }
            }
        }
    }

    /// <summary>The placeholders in the document's blocks.</summary>
    public static List<Placeholder> FindPlaceholders(TemplateDocument document)
    {
        var found = new List<Placeholder>();
        string text = document.Source.Text;
        foreach (ProseBlock block in document.Blocks)
        {
            if (text.AsSpan(block.Span.Start, block.Span.Length).IndexOfAny("{$%[") < 0)
            {
                continue;
            }

            for (Match match = PlaceholderPattern().Match(text, block.Span.Start, block.Span.Length); match.Success; match = match.NextMatch())
            {
                string name = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.Trim();
                found.Add(new Placeholder(name, match.Value, new TextSpan(match.Index, match.Length)));
            }
        }

        return found;
    }

    [GeneratedRegex(@"\{\{\s*([^{}\r\n]{0,100}?)\s*\}\}|\$\{([^{}\r\n]{1,100})\}|\{([\p{L}_][\p{L}\p{N}_.\-]{0,60})\}|%([\p{L}_][\p{L}\p{N}_]{0,60})%|\[\[([^\[\]\r\n]{1,100})\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    // Placeholders ({{name}}, ${name}, {name}, %NAME%, [[name]]) and backslash escapes are not prose.
    [GeneratedRegex(
        @"\{\{[^{}\r\n]{0,100}\}\}|\$\{[^{}\r\n]{1,100}\}|\{[\p{L}_][\p{L}\p{N}_.\-]{0,60}\}|%[\p{L}_][\p{L}\p{N}_]{0,60}%|\[\[[^\[\]\r\n]{1,100}\]\]|\\(?=[\p{P}\p{S}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderOrEscapePattern();

    [GeneratedRegex(@"\b(?:[a-zA-Z][a-zA-Z0-9+.\-]*://|www\.)[^\s<>()\[\]""]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    private sealed class Walker(
        SourceText source,
        char[] prose,
        List<ProseBlock> blocks,
        List<SuppressionComment> suppressions,
        List<DocumentProblem> problems)
    {
        private const int MaxDepth = 256;

        public void Visit(Block block, bool quoted, bool customer, int depth = 0)
        {
            if (depth > MaxDepth)
            {
                problems.Add(new DocumentProblem(Span(block), Diagnostics.Messages.ProblemDeepBlocks));
                return;
            }

            switch (block)
            {
                case HtmlBlock html:
                    SuppressionReader.Read(source, Span(html), suppressions);
                    if (html.Type == HtmlBlockType.Comment)
                    {
                        AddTextBesideComments(Span(html), quoted, customer);
                    }

                    break;
                case CodeBlock:
                    break;
                case LeafBlock { Inline: not null } leaf and (ParagraphBlock or HeadingBlock):
                    TextSpan span = Span(leaf);
                    if (span.Length == 0)
                    {
                        break;
                    }

                    Unmask(leaf.Inline, 0);
                    blocks.Add(new ProseBlock(span, leaf is HeadingBlock ? ProseBlockKind.Heading : ProseBlockKind.Paragraph, quoted, customer, (leaf as HeadingBlock)?.Level ?? 0));
                    break;
                case ContainerBlock container:
                    foreach (Block child in container)
                    {
                        Visit(child, quoted || child is QuoteBlock, customer, depth + 1);
                    }

                    break;
            }
        }

        private void Unmask(Inline inline, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            switch (inline)
            {
                case LiteralInline literal:
                    Copy(Span(literal));
                    break;
                case CodeInline or AutolinkInline or HtmlEntityInline:
                    break;
                case HtmlInline html:
                    SuppressionReader.Read(source, Span(html), suppressions);
                    break;
                case LinkInline { IsAutoLink: true } or LinkInline { IsImage: true }:
                    break;
                case ContainerInline container:
                    for (Inline? child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        Unmask(child, depth + 1);
                    }

                    break;
            }
        }

        // "<!-- Anrede --> Hallo, …": Markdown makes the whole line an HTML block, but a browser shows the text beside
        // the comment, so it is prose. Text from the next tag on is HTML and stays unchecked.
        private void AddTextBesideComments(TextSpan span, bool quoted, bool customer)
        {
            string text = source.Text;
            int i = span.Start;
            while (i < span.End)
            {
                int open = text.IndexOf("<!--", i, span.End - i, StringComparison.Ordinal);
                int segmentEnd = open < 0 ? span.End : open;
                AddVisibleSegment(i, segmentEnd, quoted, customer);
                if (open < 0)
                {
                    return;
                }

                int close = text.IndexOf("-->", open + 4, span.End - open - 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    return;
                }

                i = close + 3;
            }
        }

        private void AddVisibleSegment(int start, int end, bool quoted, bool customer)
        {
            string text = source.Text;
            int tag = text.IndexOf('<', start, end - start);
            if (tag >= 0)
            {
                end = tag;
            }

            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                var segment = new TextSpan(start, end - start);
                Copy(segment);
                blocks.Add(new ProseBlock(segment, ProseBlockKind.Paragraph, quoted, customer));
            }
        }

        private void Copy(TextSpan span)
        {
            for (int i = span.Start; i < span.End; i++)
            {
                prose[i] = source.Text[i];
            }
        }

        private TextSpan Span(MarkdownObject node) => source.FromMarkdigSpan(node.Span.Start, node.Span.End);
    }
}

using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ToneLsp.Core.Documents;

/// <summary>Reads the YAML front matter of a template with YamlDotNet.</summary>
internal static class FrontMatterReader
{
    public static TemplateMetadata Read(SourceText source, TextSpan span, List<DocumentProblem> problems)
    {
        int firstLine = source.GetLineNumber(span.Start) + 1;
        int lastLine = source.GetLineNumber(Math.Max(span.Start, span.End - 1));
        if (source.GetLineText(lastLine).Trim() is "---" or "...")
        {
            lastLine--;
        }

        if (lastLine < firstLine)
        {
            return TemplateMetadata.Empty;
        }

        int innerStart = source.GetLineStart(firstLine);
        int innerEnd = source.GetLineContentEnd(lastLine);
        string yaml = source.Text[innerStart..innerEnd];
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (TryReadFlatMapping(yaml, values))
            {
                return Metadata(values, source, innerStart, innerEnd, problems);
            }

            values.Clear();
            if (YamlDepth.FindTooDeep(yaml) is >= 0 and int deep)
            {
                int start = innerStart + deep;
                problems.Add(new DocumentProblem(TextSpan.FromBounds(start, Math.Max(start, source.GetLineContentEnd(source.GetLineNumber(start)))), Diagnostics.Messages.ProblemFrontMatterDepth, YamlDepth.Limit));
                return TemplateMetadata.Empty;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } scalar })
                    {
                        values[name] = scalar;
                    }
                }
            }
            else if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is not YamlScalarNode { Value: null or "" })
            {
                problems.Add(new DocumentProblem(TextSpan.FromBounds(innerStart, innerEnd), Diagnostics.Messages.ProblemFrontMatterMapping));
            }
        }
        catch (YamlException exception)
        {
            int line = firstLine + Math.Max(0, (int)exception.Start.Line - 1);
            int offset = source.GetOffset(new LinePosition(Math.Min(line, lastLine), Math.Max(0, (int)exception.Start.Column - 1)));
            int end = source.GetLineContentEnd(source.GetLineNumber(offset));
            problems.Add(new DocumentProblem(TextSpan.FromBounds(offset, Math.Max(offset, end)), Diagnostics.Messages.ProblemFrontMatterYaml, FirstLine(exception.Message)));
            return TemplateMetadata.Empty;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // YamlDotNet also throws InvalidOperationException and ArgumentException on some broken input, without a position.
            problems.Add(new DocumentProblem(TextSpan.FromBounds(innerStart, source.GetLineContentEnd(firstLine)), Diagnostics.Messages.ProblemFrontMatterUnclosed, FirstLine(exception.Message)));
            return TemplateMetadata.Empty;
        }

        return Metadata(values, source, innerStart, innerEnd, problems);
    }

    /// <summary>
    /// Reads the common case, lines of <c>key: plain value</c>, without a YAML parser; gives up (false) on anything
    /// else, such as quotes, comments, nesting, flow or block scalars, empty values and repeated keys, which then
    /// go to YamlDotNet. Where it succeeds, it yields what YamlDotNet yields.
    /// </summary>
    internal static bool TryReadFlatMapping(string yaml, Dictionary<string, string> values)
    {
        foreach (ReadOnlySpan<char> rawLine in yaml.AsSpan().EnumerateLines())
        {
            ReadOnlySpan<char> line = rawLine.TrimEnd(' ');
            if (line.IsEmpty)
            {
                continue;
            }

            int colon = line.IndexOf(':');
            if (colon <= 0 || !IsPlainKey(line[..colon]) || colon + 1 >= line.Length || line[colon + 1] != ' ')
            {
                return false;
            }

            ReadOnlySpan<char> value = line[(colon + 1)..].TrimStart(' ');
            if (!IsPlainValue(value) || !values.TryAdd(line[..colon].ToString(), value.ToString()))
            {
                return false;
            }
        }

        return values.Count > 0;
    }

    private static bool IsPlainKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetterOrDigit(key[0]) && key[0] != '_')
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // A plain scalar that needs no YAML rules: no indicator first, no comment, no inner ": ", printable only.
    private static bool IsPlainValue(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || "-?:,[]{}#&*!|>'\"%@`~".Contains(value[0]) || value[^1] == ':')
        {
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\u0085' or '\u2028' or '\u2029')
            {
                return false;
            }
        }

        return true;
    }

    private static TemplateMetadata Metadata(Dictionary<string, string> values, SourceText source, int innerStart, int innerEnd, List<DocumentProblem> problems) => new()
    {
        Language = ReadLanguage(values, source, innerStart, innerEnd, problems),
        Address = ReadAddress(values, source, innerStart, innerEnd, problems),
        Channel = values.GetValueOrDefault("channel"),
        Values = values,
    };

    private static Language? ReadLanguage(Dictionary<string, string> values, SourceText source, int start, int end, List<DocumentProblem> problems)
    {
        if (!values.TryGetValue("language", out string? value))
        {
            return null;
        }

        Language? language = value.Trim().ToLowerInvariant() switch
        {
            "de" or "de-de" or "de-at" or "de-ch" or "german" or "deutsch" => Language.German,
            "en" or "en-us" or "en-gb" or "english" or "englisch" => Language.English,
            _ => null,
        };
        if (language is null)
        {
            problems.Add(new DocumentProblem(KeySpan(source, start, end, "language"), Diagnostics.Messages.ProblemUnknownLanguage, value));
        }

        return language;
    }

    private static AddressForm? ReadAddress(Dictionary<string, string> values, SourceText source, int start, int end, List<DocumentProblem> problems)
    {
        if (!values.TryGetValue("address", out string? value))
        {
            return null;
        }

        AddressForm? form = value.Trim().ToLowerInvariant() switch
        {
            "du" => AddressForm.Du,
            "sie" => AddressForm.Sie,
            _ => null,
        };
        if (form is null)
        {
            problems.Add(new DocumentProblem(KeySpan(source, start, end, "address"), Diagnostics.Messages.ProblemUnknownAddress, value));
        }

        return form;
    }

    private static TextSpan KeySpan(SourceText source, int start, int end, string key)
    {
        for (int line = source.GetLineNumber(start); line <= source.GetLineNumber(end); line++)
        {
            string text = source.GetLineText(line);
            if (text.TrimStart().StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
            {
                return TextSpan.FromBounds(source.GetLineStart(line), source.GetLineContentEnd(line));
            }
        }

        return TextSpan.FromBounds(start, start);
    }

    private static string FirstLine(string message)
    {
        int index = message.IndexOfAny(['\r', '\n']);
        return index < 0 ? message : message[..index];
    }
}

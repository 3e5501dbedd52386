using System.Text;
using System.Text.RegularExpressions;

namespace ToneLsp.Core.Configuration;

/// <summary>Path globs with <c>**</c> (any directories), <c>*</c> (within a name), <c>?</c> and <c>{a,b}</c>; paths use forward slashes.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    /// <summary>Compiles a glob; a pattern without a slash matches the file name in any directory.</summary>
    public Glob(string pattern)
    {
        Pattern = pattern;
        string normalized = pattern.Replace('\\', '/').TrimStart('/');
        if (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        if (!normalized.Contains('/'))
        {
            normalized = "**/" + normalized;
        }

        if (normalized.EndsWith('/'))
        {
            normalized += "**";
        }

        _regex = new Regex("^" + Translate(normalized) + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Whether the relative path matches.</summary>
    public bool IsMatch(string relativePath)
    {
        string path = relativePath.Replace('\\', '/').TrimStart('/');
        try
        {
            return _regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Translate(string glob)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                builder.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else if (c == '{')
            {
                int close = glob.IndexOf('}', i);
                if (close < 0)
                {
                    builder.Append(Regex.Escape("{"));
                    continue;
                }

                builder.Append("(?:").Append(string.Join("|", glob[(i + 1)..close].Split(',').Select(Translate))).Append(')');
                i = close;
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return builder.ToString();
    }
}

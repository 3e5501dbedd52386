using System.Text;

namespace ToneLsp.Tests.Support;

/// <summary>Big documents for load and robustness tests.</summary>
public static class LargeDocuments
{
    /// <summary>Clean German paragraphs, repeated until the text is at least <paramref name="minimumBytes"/> long in UTF-8.</summary>
    public static string CleanParagraphs(int minimumBytes)
    {
        string paragraph = Samples.Clean + "\n";
        int count = minimumBytes / Encoding.UTF8.GetByteCount(paragraph) + 1;
        return new StringBuilder(paragraph.Length * count).Insert(0, paragraph, count).ToString();
    }
}

using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb", 2, 1, 0)]
    [InlineData("a\r\nb", 3, 1, 0)]
    [InlineData("a\rb", 2, 1, 0)]
    [InlineData("ab\n", 3, 1, 0)]
    public void OffsetsMapToLinesWithEveryLineBreakStyle(string text, int offset, int line, int character)
    {
        var source = new SourceText(text);
        Assert.Equal(new LinePosition(line, character), source.GetPosition(offset));
        Assert.Equal(offset, source.GetOffset(new LinePosition(line, character)));
    }

    [Fact]
    public void Utf16AndUtf8PositionsDifferAfterUmlautsAndEmoji()
    {
        var source = new SourceText("Grüße 🙂 du");
        int du = source.Text.IndexOf("du", StringComparison.Ordinal);
        Assert.Equal(new LinePosition(0, 9), source.GetPosition(du, PositionEncoding.Utf16));
        Assert.Equal(new LinePosition(0, 13), source.GetPosition(du, PositionEncoding.Utf8));
        Assert.Equal(du, source.GetOffset(new LinePosition(0, 13), PositionEncoding.Utf8));
    }

    [Fact]
    public void PositionsInsideASurrogatePairMoveToItsStart()
    {
        var source = new SourceText("a🙂b");
        Assert.Equal(1, source.GetOffset(new LinePosition(0, 2)));
        Assert.Equal(1, source.GetOffset(new LinePosition(0, 3), PositionEncoding.Utf8));
    }

    [Fact]
    public void OutOfRangePositionsClampInsteadOfThrowing()
    {
        var source = new SourceText("eins\nzwei");
        Assert.Equal(4, source.GetOffset(new LinePosition(0, 99)));
        Assert.Equal(source.Length, source.GetOffset(new LinePosition(42, 0)));
        Assert.Equal(0, source.GetOffset(new LinePosition(-1, -5)));
        Assert.Equal(new LinePosition(1, 4), source.GetPosition(1000));
    }

    [Fact]
    public void IncrementalChangesApplyInOrder()
    {
        var source = new SourceText("Hallo Welt\r\nWie geht's?");
        source = source.WithChange(new LineRange(new LinePosition(0, 6), new LinePosition(0, 10)), "Jana");
        source = source.WithChange(new LineRange(new LinePosition(1, 0), new LinePosition(1, 0)), "🙂 ");
        Assert.Equal("Hallo Jana\r\n🙂 Wie geht's?", source.Text);
    }

    [Fact]
    public void MarkdigInclusiveSpansBecomeExclusive()
    {
        var source = new SourceText("abc");
        Assert.Equal(new TextSpan(0, 3), source.FromMarkdigSpan(0, 2));
        Assert.Equal(new TextSpan(1, 0), source.FromMarkdigSpan(1, 0));
    }

    [Fact]
    public void ApplyEditsSkipsOverlapsAndKeepsOrder()
    {
        var source = new SourceText("eins zwei drei");
        string result = source.ApplyEdits([new TextEdit(new TextSpan(10, 4), "vier"), new TextEdit(new TextSpan(0, 4), "null"), new TextEdit(new TextSpan(2, 4), "x")]);
        Assert.Equal("null zwei vier", result);
    }
}

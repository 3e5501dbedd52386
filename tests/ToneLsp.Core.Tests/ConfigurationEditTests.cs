using ToneLsp.Core.Configuration;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

/// <summary>"Always accept" edits a .tonelsp.yaml where YAML's parser found the list, keeping comments and layout.</summary>
public class ConfigurationEditTests
{
    private static string Accept(string yaml, string phrase)
    {
        var source = new SourceText(yaml);
        TextEdit edit = ConfigurationEdits.AcceptPhrase(source, phrase) ?? throw new Xunit.Sdk.XunitException("no edit");
        return source.ApplyEdits([edit]);
    }

    private static IReadOnlyList<string> Accepted(string yaml)
    {
        var (configuration, errors) = ConfigurationParser.Parse(yaml, ".tonelsp.yaml");
        Assert.Empty(errors);
        return configuration.Accept;
    }

    [Theory]
    [InlineData("accept:\n  - \"eins\"\n  # a comment that stays\nrules:\n  TONE001: warning\n", "accept:\n  - \"eins\"\n  - \"wie bereits erwähnt\"\n  # a comment that stays\nrules:\n  TONE001: warning\n")]
    [InlineData("rules:\n  TONE001: off   # off for now\naccept:\n    - eins\n    - zwei\n", "rules:\n  TONE001: off   # off for now\naccept:\n    - eins\n    - zwei\n    - \"wie bereits erwähnt\"\n")]
    [InlineData("accept: [eins, zwei]  # flow\n", "accept: [eins, zwei, \"wie bereits erwähnt\"]  # flow\n")]
    [InlineData("accept: []\n", "accept: [\"wie bereits erwähnt\"]\n")]
    [InlineData("accept:\nrules: {}\n", "accept:\n  - \"wie bereits erwähnt\"\nrules: {}\n")]
    [InlineData("# only a comment\nrules:\n  TONE001: off", "# only a comment\nrules:\n  TONE001: off\naccept:\n  - \"wie bereits erwähnt\"\n")]
    [InlineData("", "accept:\n  - \"wie bereits erwähnt\"\n")]
    public void ThePhraseJoinsTheListAndEverythingElseStays(string yaml, string expected)
    {
        string edited = Accept(yaml, "wie bereits erwähnt");

        Assert.Equal(expected, edited);
        Assert.Contains("wie bereits erwähnt", Accepted(edited));
    }

    [Fact]
    public void AnAcceptKeyInsideAnotherSectionIsNotTheList()
    {
        const string yaml = "channels:\n  email:\n    accept: [nested]\naccept:\n  - eins\n";

        Assert.Equal(yaml + "  - \"wie bereits erwähnt\"", Accept(yaml, "wie bereits erwähnt").TrimEnd('\n'));
    }

    [Fact]
    public void QuotesAndBackslashesInThePhraseAreEscaped()
    {
        Assert.Contains("sag \"nie\" \\ nie", Accepted(Accept("accept:\n  - eins\n", "sag \"nie\" \\ nie")));
    }

    [Theory]
    [InlineData("accept: [eins\n")]
    [InlineData("accept: not a list\n")]
    [InlineData("- a list at the root\n")]
    public void AFileThatCannotBeEditedSafelyGetsNoEdit(string yaml)
    {
        Assert.Null(ConfigurationEdits.AcceptPhrase(new SourceText(yaml), "wie bereits erwähnt"));
    }
}

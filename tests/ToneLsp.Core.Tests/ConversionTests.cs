using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Tests;

/// <summary>Runs TestData/convert.cases through the converter and checks protected regions.</summary>
public class ConversionTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "convert.cases")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split(" => ");
            string[] head = parts[0].Split(": ", 2);
            data.Add(head[0], head[1], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConvertsTheSentence(string target, string input, string expected)
    {
        Assert.Equal(expected, Convert(input, target == "du" ? AddressForm.Du : AddressForm.Sie));
    }

    [Fact]
    public void ConversionLeavesCodeLinksPlaceholdersAndTheCustomerAlone()
    {
        string input = "> Können Sie mir helfen?\n\nHallo {{Name}}, können Sie `Sie` in [Ihre Seite](https://x.de/Sie) eintragen?\n";
        string output = Convert(input, AddressForm.Du);
        Assert.Equal("> Können Sie mir helfen?\n\nHallo {{Name}}, kannst du `Sie` in [deine Seite](https://x.de/Sie) eintragen?\n", output);
    }

    [Fact]
    public void GreetingAndClosingFollowTheForm()
    {
        string formal = "Sehr geehrte Frau Weber,\n\nvielen Dank für Ihre Nachricht.\n\nMit freundlichen Grüßen\nIhr Service-Team\n";
        Assert.Equal("Hallo Frau Weber,\n\nvielen Dank für deine Nachricht.\n\nViele Grüße\ndein Service-Team\n", Convert(formal, AddressForm.Du));
        string casual = "Hey Anna,\n\ndanke für deine Nachricht!\n\nLG\n";
        Assert.Equal("Hallo Anna,\n\ndanke für Ihre Nachricht!\n\nViele Grüße\n", Convert(casual, AddressForm.Sie));
    }

    [Fact]
    public void GreetingsCanBeLeftAlone()
    {
        var document = TemplateDocument.ParseAs("Sehr geehrte Frau Weber,\n\nvielen Dank für Ihre Nachricht.\n", Language.German);
        var edits = AddressFormConverter.ConvertDocument(document, AddressForm.Du, new ConversionOptions { ConvertGreetings = false });
        Assert.Equal("Sehr geehrte Frau Weber,\n\nvielen Dank für deine Nachricht.\n", document.Source.ApplyEdits(edits));
    }

    [Fact]
    public void CapitalisedDuIsAnOption()
    {
        var document = TemplateDocument.ParseAs("Wir danken Ihnen für Ihre Geduld.", Language.German);
        var edits = AddressFormConverter.ConvertDocument(document, AddressForm.Du, new ConversionOptions { CapitalizeDu = true });
        Assert.Equal("Wir danken Dir für Deine Geduld.", document.Source.ApplyEdits(edits));
    }

    [Fact]
    public void RoundTripRestoresTheFormalText()
    {
        string formal = "Können Sie uns bitte Ihre Kundennummer nennen? Wir melden uns dann bei Ihnen.";
        Assert.Equal(formal, Convert(Convert(formal, AddressForm.Du), AddressForm.Sie));
    }

    [Fact]
    public void EnglishTextIsNotConverted()
    {
        var document = TemplateDocument.Parse("Could you send us your order number?");
        Assert.Empty(AddressFormConverter.ConvertDocument(document, AddressForm.Du));
    }

    private static string Convert(string text, AddressForm target)
    {
        var document = TemplateDocument.ParseAs(text, Language.German);
        return document.Source.ApplyEdits(AddressFormConverter.ConvertDocument(document, target));
    }
}

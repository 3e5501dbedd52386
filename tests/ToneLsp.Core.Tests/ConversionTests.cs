using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tests;

/// <summary>
/// Runs the data-driven cases in TestData/conversion (one file per construct: pronouns, possessives, reflexives,
/// finite verbs, imperatives) through the converter, and checks protected regions, options and notes.
/// </summary>
public class ConversionTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "conversion"), "*.cases").Order(StringComparer.Ordinal))
        {
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                string[] parts = line.Split(" => ");
                string[] head = parts[0].Split(": ", 2);
                data.Add(Path.GetFileNameWithoutExtension(path), head[0], head[1], parts[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConvertsTheSentence(string construct, string target, string input, string expected)
    {
        string output = Convert(input, target == "du" ? AddressForm.Du : AddressForm.Sie);
        string[] accepted = expected.Split(" | ");
        Assert.True(accepted.Contains(output), $"{construct}: {input}\n  expected {string.Join(" or ", accepted)}\n  got      {output}");
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
    public void SeveralReadersGetIhrWhenTheFrontMatterSaysSo()
    {
        string formal = "---\naudience: plural\n---\nKönnen Sie uns Ihre Kundennummer schicken? Melden Sie sich bei uns, wir helfen Ihnen gern.\n";
        Assert.Equal("---\naudience: plural\n---\nKönnt ihr uns eure Kundennummer schicken? Meldet euch bei uns, wir helfen euch gern.\n",
            Convert(formal, AddressForm.Du));
    }

    [Fact]
    public void SeveralReadersCanBeConfigured()
    {
        var document = TemplateDocument.ParseAs("Haben Sie Fragen? Schreiben Sie uns.", Language.German);
        var edits = AddressFormConverter.ConvertDocument(document, AddressForm.Du, new ConversionOptions { Audience = Audience.Plural });
        Assert.Equal("Habt ihr Fragen? Schreibt uns.", document.Source.ApplyEdits(edits));
    }

    [Fact]
    public void AnUnknownWordInVerbPositionIsLeftAndNoted()
    {
        var document = TemplateDocument.ParseAs("Du flurbst das Paket morgen.", Language.German);
        ConversionResult result = AddressFormConverter.ConvertDocumentWithNotes(document, AddressForm.Sie);
        Assert.Equal("Sie flurbst das Paket morgen.", document.Source.ApplyEdits(result.Edits));
        ConversionNote note = Assert.Single(result.Notes);
        Assert.Equal("flurbst", note.Word);
        Assert.Equal("not a known verb", note.Reason.En);
        Assert.Equal("kein bekanntes Verb", note.Reason.De);
    }

    [Fact]
    public void SieThatMayMeanTheyIsLeftAndNoted()
    {
        var document = TemplateDocument.ParseAs("Die Pakete sind angekommen. Sie liegen im Lager.", Language.German);
        ConversionResult result = AddressFormConverter.ConvertDocumentWithNotes(document, AddressForm.Du);
        Assert.Empty(result.Edits);
        Assert.Equal("Sie", Assert.Single(result.Notes).Word);
    }

    [Theory]
    [InlineData("Die Schuhe sind neu. Sie passen gut.")]
    [InlineData("Wir haben die Pakete gestern verschickt. Sie kommen morgen an.")]
    [InlineData("Die Kollegen sind informiert. Sie melden sich morgen.")]
    [InlineData("Die Schuhe sind neu. Ich habe sie gestern gekauft. Sie passen gut.")]
    [InlineData("Meine Eltern wissen das, so haben sie mich erzogen. Sie haben viel gearbeitet.")]
    [InlineData("Sie sprechen über mich, was sagen sie denn?")]
    [InlineData("Die Kunden sind nicht zufrieden, WEIL SIE NICHT WARTEN WOLLEN.")]
    [InlineData("Anna und Tom sind schon da. Sie warten unten.")]
    [InlineData("Die sind neu. Sie passen gut.")]
    public void SieAfterAPluralReferentIsLeftAndNoted(string text)
    {
        var document = TemplateDocument.ParseAs(text, Language.German);
        ConversionResult result = AddressFormConverter.ConvertDocumentWithNotes(document, AddressForm.Du);
        Assert.Empty(result.Edits);
        Assert.Equal("could mean “they” or “she”", Assert.Single(result.Notes).Reason.En);
    }

    [Fact]
    public void EveryChangedVerbIsAFormTheLexiconKnows()
    {
        foreach (var row in Cases())
        {
            string input = (string)row[2];
            var document = TemplateDocument.ParseAs(input, Language.German);
            foreach (TextEdit edit in AddressFormConverter.ConvertDocument(document, (string)row[1] == "du" ? AddressForm.Du : AddressForm.Sie))
            {
                foreach (string word in edit.NewText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.True(IsPronoun(word) || Morphology.GermanLexicon.Shared.Contains(word), $"'{word}' in the conversion of '{input}' is not in the lexicon");
                }
            }
        }
    }

    [Fact]
    public void EnglishTextIsNotConverted()
    {
        var document = TemplateDocument.Parse("Could you send us your order number?");
        Assert.Empty(AddressFormConverter.ConvertDocument(document, AddressForm.Du));
    }

    private static bool IsPronoun(string word) =>
        word.ToLowerInvariant() is "du" or "dich" or "dir" or "sie" or "ihnen" or "sich" or "ihr" or "euch" or "hallo" or "viele" or "grüße" ||
        word.StartsWith("dein", StringComparison.OrdinalIgnoreCase) || word.StartsWith("ihr", StringComparison.OrdinalIgnoreCase) ||
        word.StartsWith("eu", StringComparison.OrdinalIgnoreCase);

    private static string Convert(string text, AddressForm target)
    {
        var document = TemplateDocument.ParseAs(text, Language.German);
        return document.Source.ApplyEdits(AddressFormConverter.ConvertDocument(document, target));
    }
}

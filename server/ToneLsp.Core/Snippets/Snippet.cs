using System.Text;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Documents;

namespace ToneLsp.Core.Snippets;

/// <summary>An approved opener, closing or passage: a name to type, a description, its language and its text.</summary>
public sealed record Snippet(string Prefix, string Description, Language Language, string Body)
{
    /// <summary>The description in both message languages, for the built-in snippets; a team's has its own words only.</summary>
    public Diagnostics.LocalText? Descriptions { get; init; }

    /// <summary>The description in the message language.</summary>
    public string DescriptionIn(Language language) => Descriptions?.In(language) ?? Description;

    /// <summary>Openers and closings offered when the team has no snippets of its own.</summary>
    public static IReadOnlyList<Snippet> Defaults { get; } =
    [
        new("hallo", "Opener: thanks and acknowledgement", Language.German, "Hallo {{vorname}},\n\ndanke für deine Nachricht – das ist wirklich ärgerlich, und wir kümmern uns darum.") { Descriptions = Diagnostics.Messages.SnippetOpener },
        new("dm", "Move to a direct message", Language.German, "Schick uns gern eine Direktnachricht mit deiner Bestellnummer, dann schauen wir uns das direkt an.") { Descriptions = Diagnostics.Messages.SnippetDirectMessage },
        new("gruss", "Closing with an offer of help", Language.German, "Melde dich gern, wenn wir noch etwas für dich tun können.\n\nViele Grüße\n{{agent}}") { Descriptions = Diagnostics.Messages.SnippetClosing },
        new("hi", "Opener: thanks and acknowledgement", Language.English, "Hi {{first_name}},\n\nthanks for reaching out, and sorry for the trouble – we're on it.") { Descriptions = Diagnostics.Messages.SnippetOpener },
        new("dm", "Move to a direct message", Language.English, "Could you send us a DM with your order number? Then we can look into it right away.") { Descriptions = Diagnostics.Messages.SnippetDirectMessage },
        new("bye", "Closing with an offer of help", Language.English, "Let us know if there's anything else we can do.\n\nBest regards\n{{agent}}") { Descriptions = Diagnostics.Messages.SnippetClosing },
    ];

    /// <summary>
    /// A team snippet from its file (<c>snippets/*.md</c>): the front matter's <c>prefix:</c> (else the file name) and
    /// <c>description:</c>, the language, and the body after the front matter.
    /// </summary>
    public static Snippet FromFile(string fileName, string text)
    {
        var document = TemplateDocument.Parse(text);
        string body = (document.Metadata.Span is { } frontMatter ? document.Source.Text[frontMatter.End..] : document.Source.Text).Trim();
        string prefix = document.Metadata.Values.GetValueOrDefault("prefix") ?? Path.GetFileNameWithoutExtension(fileName);
        string description = document.Metadata.Values.GetValueOrDefault("description") ?? "Team snippet";
        return new Snippet(prefix, description, document.Language, body);
    }

    /// <summary>
    /// The snippet as LSP snippet text for a document: converted to the form of address the document uses (German),
    /// with <c>$</c>, <c>}</c> and <c>\</c> escaped and each placeholder a tab stop.
    /// </summary>
    public string Render(AddressForm target, ConversionOptions? options = null)
    {
        string text = Body;
        if (Language == Language.German && target is AddressForm.Du or AddressForm.Sie)
        {
            var document = TemplateDocument.ParseAs(text, Language.German);
            text = document.Source.ApplyEdits(AddressFormConverter.ConvertDocument(document, target, options));
        }

        var placeholders = TemplateDocument.ParseAs(text, Language).Placeholders;
        var builder = new StringBuilder();
        int position = 0;
        int stop = 1;
        var stops = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Placeholder placeholder in placeholders)
        {
            builder.Append(Escape(text[position..placeholder.Span.Start]));
            if (!stops.TryGetValue(placeholder.Name, out int number))
            {
                number = stops[placeholder.Name] = stop++;
            }

            builder.Append("${").Append(number).Append(':').Append(Escape(placeholder.Text)).Append('}');
            position = placeholder.Span.End;
        }

        builder.Append(Escape(text[position..]));
        return builder.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("$", "\\$").Replace("}", "\\}");
}

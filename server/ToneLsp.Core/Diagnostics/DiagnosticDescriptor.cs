namespace ToneLsp.Core.Diagnostics;

/// <summary>How serious a finding is. Values match the LSP's DiagnosticSeverity.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Must be fixed before sending.</summary>
    Error = 1,

    /// <summary>Should be fixed.</summary>
    Warning = 2,

    /// <summary>Worth a look.</summary>
    Information = 3,

    /// <summary>A gentle suggestion.</summary>
    Hint = 4,
}

/// <summary>The public category slugs. They are a contract of the JSON output.</summary>
public static class Categories
{
    /// <summary>Talking down to the reader.</summary>
    public const string Condescension = "condescension";

    /// <summary>Remarks about the person instead of the matter.</summary>
    public const string PersonalAttack = "personal-attack";

    /// <summary>Irony and sarcasm that read as attacks.</summary>
    public const string Sarcasm = "sarcasm";

    /// <summary>du and Sie: mixed, or not mirroring the customer.</summary>
    public const string AddressForm = "address-form";

    /// <summary>Sending the customer off the platform.</summary>
    public const string ChannelRedirect = "channel-redirect";

    /// <summary>Asking for personal data in public.</summary>
    public const string PersonalData = "personal-data";

    /// <summary>Justification and blame.</summary>
    public const string Defensive = "defensive";

    /// <summary>Insults and swear words.</summary>
    public const string Profanity = "profanity";

    /// <summary>Capitals and piled-up punctuation.</summary>
    public const string Shouting = "shouting";

    /// <summary>Tone policing and minimising.</summary>
    public const string Dismissive = "dismissive";

    /// <summary>How formally the reply is written against how the customer writes, and the channel's limits.</summary>
    public const string Tonality = "tonality";

    /// <summary>Problems with the template file itself, such as invalid front matter.</summary>
    public const string Template = "template";
}

/// <summary>
/// Describes one rule, like Roslyn's DiagnosticDescriptor: a stable ID that is never reused, a category slug, a default
/// severity, and what it says in English and in German (<see cref="RuleTexts"/>: a short title, a message format whose
/// {0} is usually the matched text, a help text that explains why the finding matters and what to write instead, and a
/// good example). Both languages have the same placeholders.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Category,
    DiagnosticSeverity DefaultSeverity,
    RuleTexts English,
    RuleTexts German)
{
    /// <summary>What the rule says in the language.</summary>
    public RuleTexts Texts(Documents.Language language) => language == Documents.Language.German ? German : English;

    /// <summary>The rule's title in the language.</summary>
    public string Title(Documents.Language language) => Texts(language).Title;

    /// <summary>The rule's help text in the language.</summary>
    public string HelpText(Documents.Language language) => Texts(language).HelpText;

    /// <summary>Formats the message in the language with the given arguments; a broken format falls back to the title.</summary>
    public string FormatMessage(Documents.Language language, params object?[] arguments)
    {
        RuleTexts texts = Texts(language);
        try
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.MessageFormat, arguments);
        }
        catch (FormatException)
        {
            return texts.Title;
        }
    }
}

using System.Text.RegularExpressions;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;
using TeamSalutations = System.Collections.Generic.IReadOnlyDictionary<(ToneLsp.Core.Documents.Language Language, ToneLsp.Core.Text.Register Register), ToneLsp.Core.Configuration.SalutationPair>;

namespace ToneLsp.Core.Tonality;

/// <summary>
/// Writes the greeting and closing a person would write for a register, a form of address and a language:
/// "Sehr geehrte Frau Roth" for formal, "Hallo Frau Roth" for neutral, "Hey Anna" for casual with du; a generic
/// recipient ("Kundin, Kunde", "Damen und Herren") is dropped rather than carried over ("Hallo,").
/// </summary>
public static partial class SalutationWriter
{
    /// <summary>The greeting for the register, without punctuation; <paramref name="name"/> is "Frau Roth", "Anna", a placeholder, or null.</summary>
    public static string Greeting(Language language, Register register, AddressForm form, string? name, TeamSalutations? team = null)
    {
        string opening = Opening(language, register, form, name, team);
        return name is null ? opening : opening + " " + name;
    }

    /// <summary>
    /// The words that open a greeting before <paramref name="name"/>: "Sehr geehrte" before "Frau Roth", "Hallo", "Hey".
    /// The team's greeting for the register wins where it fits the form of address; with du a formal greeting is
    /// "Guten Tag" (never "Sehr geehrte"), with Sie a casual one is "Hallo" (never "Hey").
    /// </summary>
    public static string Opening(Language language, Register register, AddressForm form, string? name, TeamSalutations? team = null)
    {
        if (team?.GetValueOrDefault((language, register))?.Greeting is { } configured && Fits(language, configured, form))
        {
            return configured;
        }

        bool titled = name is not null && TitledName().IsMatch(name);
        if (language == Language.English)
        {
            return register switch
            {
                Register.Formal => name is null ? "Good day" : "Dear",
                Register.Casual => "Hi",
                _ => "Hello",
            };
        }

        return register switch
        {
            Register.Formal when titled && form != AddressForm.Du => name!.StartsWith("Herr", StringComparison.Ordinal) ? "Sehr geehrter" : "Sehr geehrte",
            Register.Formal => "Guten Tag",
            Register.Casual when form == AddressForm.Du && !titled => "Hey",
            _ => "Hallo",
        };
    }

    /// <summary>The closing for the register: the team's where it fits the form of address, else the built-in one ("Freundliche Grüße" for formal with du).</summary>
    public static string Closing(Language language, Register register, AddressForm form, TeamSalutations? team = null)
    {
        if (team?.GetValueOrDefault((language, register))?.Closing is { } configured && Fits(language, configured, form))
        {
            return configured;
        }

        return language == Language.English
            ? register switch { Register.Formal => "Yours sincerely", Register.Casual => "Cheers", _ => "Best regards" }
            : register switch
            {
                Register.Formal when form == AddressForm.Du => "Freundliche Grüße",
                Register.Formal => "Mit freundlichen Grüßen",
                Register.Casual when form == AddressForm.Du => "Liebe Grüße",
                _ => "Viele Grüße",
            };
    }

    // A German greeting or closing the address-form rule would flag again does not fit ("Sehr geehrte" with du, "LG" with Sie).
    private static bool Fits(Language language, string text, AddressForm form) =>
        language != Language.German || form is not (AddressForm.Du or AddressForm.Sie) || !GreetingConverter.Clashes(text, form);

    /// <summary>The name after a greeting ("Frau Roth", "Anna", "{{vorname}}"), or null when it is missing or generic ("Kundin, sehr geehrter Kunde").</summary>
    public static string? NameOf(string rest)
    {
        string name = ProseTokenizer.CollapseWhitespace(rest);
        return name.Length == 0 || GenericRecipient().IsMatch(name) ? null : name;
    }

    [GeneratedRegex(@"^(Frau|Herr|Herrn|Ms\.?|Mrs\.?|Mr\.?|Dr\.?)\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();

    [GeneratedRegex(@"^(Kundin|Kunde|Kunden|Kundinnen und Kunden|Damen und Herren|Nutzerin|Nutzer|Service-?Team|Team|Community|Leute|zusammen|ihr Lieben|ihr|alle|allerseits|customer|customers|Sir or Madam|Sir|Madam|all|there|team|everyone)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericRecipient();
}

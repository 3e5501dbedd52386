using System.Text.RegularExpressions;
using ToneLsp.Core.AddressForms;
using ToneLsp.Core.Documents;
using ToneLsp.Core.Text;

namespace ToneLsp.Core.Tonality;

/// <summary>
/// Writes the greeting and closing a person would write for a register, a form of address and a language:
/// "Sehr geehrte Frau Roth" for formal, "Hallo Frau Roth" for neutral, "Hey Anna" for casual with du; a generic
/// recipient ("Kundin, Kunde", "Damen und Herren") is dropped rather than carried over ("Hallo,").
/// </summary>
public static partial class SalutationWriter
{
    /// <summary>The greeting for the register, without punctuation; <paramref name="name"/> is "Frau Roth", "Anna", a placeholder, or null.</summary>
    public static string Greeting(Language language, Register register, AddressForm form, string? name)
    {
        bool titled = name is not null && TitledName().IsMatch(name);
        string with(string word) => name is null ? word : word + " " + name;
        if (language == Language.English)
        {
            return register switch
            {
                Register.Formal => name is null ? "Good day" : "Dear " + name,
                Register.Casual => with("Hi"),
                _ => with("Hello"),
            };
        }

        return register switch
        {
            Register.Formal when titled => (name!.StartsWith("Herr", StringComparison.Ordinal) ? "Sehr geehrter " : "Sehr geehrte ") + name,
            Register.Formal => with("Guten Tag"),
            Register.Casual when form == AddressForm.Du && !titled => with("Hey"),
            _ => with("Hallo"),
        };
    }

    /// <summary>The closing for the register.</summary>
    public static string Closing(Language language, Register register, AddressForm form) => language == Language.English
        ? register switch { Register.Formal => "Yours sincerely", Register.Casual => "Cheers", _ => "Best regards" }
        : register switch { Register.Formal => "Mit freundlichen Grüßen", Register.Casual when form == AddressForm.Du => "Liebe Grüße", _ => "Viele Grüße" };

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

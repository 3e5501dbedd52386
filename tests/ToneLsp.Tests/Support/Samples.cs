namespace ToneLsp.Tests.Support;

/// <summary>Reply templates with known findings, shared by the server and command-line tests.</summary>
public static class Samples
{
    /// <summary>TONE001 on “Wie bereits erwähnt,”; the preferred fix rewrites it to “Kurz zusammengefasst”.</summary>
    public const string GermanCondescension = "Wie bereits erwähnt, ist die Antwort im Hilfebereich.\n";

    /// <summary>The condescending phrase in <see cref="GermanCondescension"/>.</summary>
    public const string GermanCondescensionPhrase = "Wie bereits erwähnt,";

    /// <summary><see cref="GermanCondescension"/> after its preferred fix.</summary>
    public const string GermanCondescensionFixed = "Kurz zusammengefasst ist die Antwort im Hilfebereich.\n";

    /// <summary>A second condescending German phrase, for fix-all.</summary>
    public const string GermanCondescensionAgain = "Wie schon gesagt: Die Antwort steht in der Hilfe.\n";

    /// <summary>TONE002 on “du” in a reply that otherwise uses Sie.</summary>
    public const string MixedAddress = "Danke für Ihre Anfrage. Hast du schon einen Termin gebucht?\n";

    /// <summary>TONE003: the customer writes du, the reply uses Sie.</summary>
    public const string CustomerMirror = "> Hallo, könnt ihr mir helfen? Danke dir!\n\nSehr geehrte Kundin, wir bitten Sie um etwas Geduld.\n";

    /// <summary>TONE001 in English.</summary>
    public const string EnglishCondescension = "As I said before, the answer is in our help center.\n";

    /// <summary>A reply without findings.</summary>
    public const string Clean = "Danke für dein Feedback! Wir geben das direkt an unser Produktteam weiter.\n";

    /// <summary>A document URI for a test template.</summary>
    public static string Uri(string name) => $"file:///templates/{name}.md";
}

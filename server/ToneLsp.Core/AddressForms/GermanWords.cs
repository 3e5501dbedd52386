namespace ToneLsp.Core.AddressForms;

/// <summary>Closed German word classes that the address-form detector and other rules share.</summary>
internal static class GermanWords
{
    public static readonly HashSet<string> InformalSingular = Set(
        "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines", "deins", "deinerseits", "deinetwegen", "deinethalben");

    public static readonly HashSet<string> InformalPlural = Set("euch", "euer", "eure", "euren", "eurem", "eurer", "eures", "eurerseits", "euretwegen");

    public static readonly HashSet<string> FormalPossessive = Set("ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "ihrerseits", "ihretwegen", "ihrethalben");

    public static readonly HashSet<string> Determiners = Set(
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "unser", "unsere", "unseren",
        "unserem", "unserer", "kein", "keine", "keinen", "jeder", "jede", "jedes", "dieser", "diese", "dieses", "alle", "mein", "meine");

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}

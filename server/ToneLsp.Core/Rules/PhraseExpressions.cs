namespace ToneLsp.Core.Rules;

/// <summary>
/// How the phrase rules' regular expressions run. Compiling pays off over many keystrokes in a server; in one run of
/// the command line over a repository it costs more start-up than it saves (measured: 10,000 templates checked in a
/// fifth less time interpreted). An option of the engine, chosen by its host.
/// </summary>
public enum PhraseExpressions
{
    /// <summary>Compiled to IL on first use: for long-lived hosts such as the language server.</summary>
    Compiled,

    /// <summary>Interpreted: for short runs such as <c>tonelsp check</c>.</summary>
    Interpreted,
}

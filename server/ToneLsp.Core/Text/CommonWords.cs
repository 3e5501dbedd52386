namespace ToneLsp.Core.Text;

/// <summary>
/// Shared strings for the words and marks that make up much of any reply, so tokenizing a template does not
/// allocate them again; read-only after start-up and therefore safe to share between threads.
/// </summary>
internal static class CommonWords
{
    private const string German =
        "der die das den dem des ein eine einen einem einer eines und oder aber doch denn sondern nicht kein keine keinen " +
        "ich du er sie es wir ihr man mich dich sich uns euch mir dir ihm ihn ihnen mein meine dein deine sein seine " +
        "unser unsere unseren ihre ihren ihrem ihrer euer eure ist sind war waren bin bist hat haben habe hast hatte wird " +
        "werden wurde kann können kannst könnte könnten muss müssen soll sollte will möchte möchten gibt gern gerne bitte " +
        "danke dank vielen für mit von zu zum zur bei nach aus auf an in im am um über unter vor durch ohne bis seit als " +
        "wie was wer wo wann warum dass wenn ob weil damit so auch noch schon nur sehr mal jetzt hier da dann gleich leider " +
        "heute morgen gut alle alles etwas nichts mehr viel wieder einfach gerade natürlich ja nein hallo liebe lieber " +
        "grüße viele beste team anfrage nachricht bestellung";

    private const string English =
        "the a an and or but not no yes i you he she it we they me him her us them my your his its our their is are was were " +
        "be been am has have had do does did will would can could should may might must to of in on at for with from by about " +
        "as if so that this these those there here what who when where why how all any some more very just also still " +
        "please thanks thank hi hello dear best regards team order sorry again know let help get";

    private static readonly Dictionary<string, string> Lower = Build();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Lower.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string and lower-case form for the characters, when they are a common word or an ASCII mark.</summary>
    public static bool TryGet(ReadOnlySpan<char> characters, out string text, out string lower)
    {
        if (characters.Length <= 12 && Lookup.TryGetValue(characters, out string? found, out string? foundLower))
        {
            text = found;
            lower = foundLower;
            return true;
        }

        text = lower = string.Empty;
        return false;
    }

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string word in (German + " " + English).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            table.TryAdd(word, word);
            table.TryAdd(char.ToUpperInvariant(word[0]) + word[1..], word);
        }

        for (char c = '!'; c <= '~'; c++)
        {
            string mark = c.ToString();
            table.TryAdd(mark, mark.ToLowerInvariant());
        }

        foreach (char c in "–—„“”‘’…«»·•")
        {
            string mark = c.ToString();
            table.TryAdd(mark, mark);
        }

        return table;
    }
}

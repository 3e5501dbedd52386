namespace ToneLsp.Core.AddressForms;

/// <summary>
/// Conjugates German finite verbs between the formal (Sie, the same form as the infinitive or the
/// first person plural) and the informal second person singular. Regular verbs follow rules; strong
/// and frequent service verbs come from a table written for this project.
/// </summary>
internal static class GermanVerbs
{
    // Formal form → informal present or past form, and informal imperative where it differs from the stem.
    private static readonly (string Formal, string Informal, string? Imperative)[] Irregular =
    [
        ("sind", "bist", "sei"), ("seien", "seist", "sei"), ("waren", "warst", null), ("wären", "wärst", null),
        ("haben", "hast", "hab"), ("hatten", "hattest", null), ("hätten", "hättest", null),
        ("werden", "wirst", "werde"), ("wurden", "wurdest", null), ("würden", "würdest", null),
        ("können", "kannst", null), ("konnten", "konntest", null), ("könnten", "könntest", null),
        ("müssen", "musst", null), ("mussten", "musstest", null), ("müssten", "müsstest", null),
        ("dürfen", "darfst", null), ("durften", "durftest", null), ("dürften", "dürftest", null),
        ("sollen", "sollst", null), ("sollten", "solltest", null),
        ("wollen", "willst", null), ("wollten", "wolltest", null),
        ("mögen", "magst", null), ("mochten", "mochtest", null), ("möchten", "möchtest", null),
        ("wissen", "weißt", "wisse"), ("wussten", "wusstest", null), ("wüssten", "wüsstest", null),
        ("geben", "gibst", "gib"), ("gaben", "gabst", null), ("gäben", "gäbest", null),
        ("nehmen", "nimmst", "nimm"), ("nahmen", "nahmst", null),
        ("sehen", "siehst", "sieh"), ("sahen", "sahst", null),
        ("lesen", "liest", "lies"), ("lasen", "last", null),
        ("essen", "isst", "iss"), ("vergessen", "vergisst", "vergiss"), ("messen", "misst", "miss"),
        ("helfen", "hilfst", "hilf"), ("halfen", "halfst", null),
        ("sprechen", "sprichst", "sprich"), ("treffen", "triffst", "triff"), ("brechen", "brichst", "brich"),
        ("werfen", "wirfst", "wirf"), ("sterben", "stirbst", "stirb"), ("empfehlen", "empfiehlst", "empfiehl"),
        ("befehlen", "befiehlst", "befiehl"), ("stehlen", "stiehlst", "stiehl"), ("gelten", "giltst", "gilt"),
        ("erschrecken", "erschrickst", "erschrick"), ("vergeben", "vergibst", "vergib"),
        ("fahren", "fährst", "fahr"), ("tragen", "trägst", "trag"), ("schlagen", "schlägst", "schlag"),
        ("laden", "lädst", "lade"), ("halten", "hältst", "halt"), ("lassen", "lässt", "lass"),
        ("schlafen", "schläfst", "schlaf"), ("laufen", "läufst", "lauf"), ("fallen", "fällst", "fall"),
        ("fangen", "fängst", "fang"), ("waschen", "wäschst", "wasch"), ("wachsen", "wächst", "wachs"),
        ("raten", "rätst", "rat"), ("braten", "brätst", "brat"), ("stoßen", "stößt", "stoß"),
        ("heißen", "heißt", "heiß"), ("tun", "tust", "tu"), ("gehen", "gehst", "geh"), ("stehen", "stehst", "steh"),
        ("kamen", "kamst", null), ("gingen", "gingst", null), ("standen", "standest", null), ("fanden", "fandest", null),
        ("bekamen", "bekamst", null), ("erhielten", "erhieltest", null), ("ließen", "ließest", null),
    ];

    private static readonly Dictionary<string, (string Informal, string? Imperative)> ByFormal =
        Irregular.ToDictionary(v => v.Formal, v => (v.Informal, v.Imperative), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> ByInformal = BuildReverse();

    private static readonly string[] Prefixes =
    [
        "zurück", "weiter", "heraus", "herunter", "hinzu", "wieder", "voraus", "nach", "durch", "über", "unter", "ent",
        "ver", "zer", "miss", "ein", "aus", "auf", "ab", "an", "bei", "mit", "vor", "zu", "be", "er", "ge", "her", "hin",
    ];

    /// <summary>Whether the word is a known finite verb form of the formal/plural person, such as "können" or "würden".</summary>
    public static bool IsKnownFormal(string word) => ByFormal.ContainsKey(word) || FindPrefixed(word, ByFormal.ContainsKey) is not null;

    /// <summary>Whether the word is a known informal second person singular form.</summary>
    public static bool IsKnownInformal(string word) => ByInformal.ContainsKey(word) || FindPrefixed(word, ByInformal.ContainsKey) is not null;

    /// <summary>Turns a formal finite verb ("bekommen") into the second person singular ("bekommst").</summary>
    public static string ToInformal(string formal)
    {
        string lower = formal.ToLowerInvariant();
        string result;
        if (ByFormal.TryGetValue(lower, out var entry))
        {
            result = entry.Informal;
        }
        else if (FindPrefixed(lower, ByFormal.ContainsKey) is { } prefix)
        {
            result = prefix + ByFormal[lower[prefix.Length..]].Informal;
        }
        else
        {
            result = RegularInformal(lower);
        }

        return MatchCase(formal, result);
    }

    /// <summary>Turns a formal imperative verb ("Wenden", as in "Wenden Sie sich") into the informal one ("Wende").</summary>
    public static string ToInformalImperative(string formal)
    {
        string lower = formal.ToLowerInvariant();
        string result;
        if (ByFormal.TryGetValue(lower, out var entry) && entry.Imperative is { } imperative)
        {
            result = imperative;
        }
        else if (FindPrefixed(lower, w => ByFormal.TryGetValue(w, out var e) && e.Imperative is not null) is { } prefix)
        {
            result = prefix + ByFormal[lower[prefix.Length..]].Imperative;
        }
        else
        {
            string stem = Stem(lower);
            result = lower.EndsWith("eln", StringComparison.Ordinal) ? lower[..^3] + "le"
                : lower.EndsWith("ern", StringComparison.Ordinal) ? lower[..^1] + "e"
                : NeedsLinkingE(stem) || stem.EndsWith("ig", StringComparison.Ordinal) ? stem + "e"
                : stem;
        }

        return MatchCase(formal, result);
    }

    /// <summary>Turns an informal second person singular verb ("kannst") into the formal one ("können").</summary>
    public static string ToFormal(string informal)
    {
        string lower = informal.ToLowerInvariant();
        string result;
        if (ByInformal.TryGetValue(lower, out string? formal))
        {
            result = formal;
        }
        else if (FindPrefixed(lower, ByInformal.ContainsKey) is { } prefix)
        {
            result = prefix + ByInformal[lower[prefix.Length..]];
        }
        else if (lower.EndsWith("est", StringComparison.Ordinal) && NeedsLinkingE(lower[..^3]))
        {
            result = lower[..^3] + "en";
        }
        else if (lower.EndsWith("ierst", StringComparison.Ordinal))
        {
            result = lower[..^2] + "en";
        }
        else if ((lower.EndsWith("erst", StringComparison.Ordinal) || lower.EndsWith("elst", StringComparison.Ordinal)) && lower.Length > 5 && !IsVowel(lower[^5]))
        {
            result = lower[..^2] + "n";
        }
        else if (lower.EndsWith("st", StringComparison.Ordinal))
        {
            result = lower[..^2] + "en";
        }
        else if (lower.EndsWith('t') && lower.Length > 2 && lower[^2] is 's' or 'ß' or 'z' or 'x')
        {
            result = lower[..^1] + "en";
        }
        else
        {
            result = lower.EndsWith('e') ? lower + "n" : lower + "en";
        }

        return MatchCase(informal, result);
    }

    /// <summary>Turns an informal imperative ("Schick", "Wende", "Gib") into the formal verb ("Schicken", "Wenden", "Geben").</summary>
    public static string ImperativeToFormal(string imperative)
    {
        string lower = imperative.ToLowerInvariant();
        foreach (var (formalForm, _, imp) in Irregular)
        {
            if (imp is not null && string.Equals(imp, lower, StringComparison.Ordinal))
            {
                return MatchCase(imperative, formalForm == "sind" ? "seien" : formalForm);
            }
        }

        foreach (string prefix in Prefixes)
        {
            if (lower.Length > prefix.Length + 1 && lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                string rest = lower[prefix.Length..];
                foreach (var (formalForm, _, imp) in Irregular)
                {
                    if (imp == rest)
                    {
                        return MatchCase(imperative, prefix + formalForm);
                    }
                }
            }
        }

        string result = lower.EndsWith("le", StringComparison.Ordinal) && lower.Length > 3 && "mgsdbkpftzn".Contains(lower[^3]) && lower[^4] != lower[^3]
            ? lower[..^2] + "eln"
            : lower.EndsWith("ere", StringComparison.Ordinal) ? lower[..^1] + "n"
            : lower.EndsWith('e') ? lower + "n"
            : lower + "en";
        return MatchCase(imperative, result);
    }

    /// <summary>Whether a word ends like a formal finite verb: "-en", "-n" after l/r, or "sind".</summary>
    public static bool LooksFormalFinite(string word)
    {
        string lower = word.ToLowerInvariant();
        return lower is "sind" or "tun" || ByFormal.ContainsKey(lower) ||
               (lower.Length > 3 && (lower.EndsWith("en", StringComparison.Ordinal) || lower.EndsWith("ern", StringComparison.Ordinal) || lower.EndsWith("eln", StringComparison.Ordinal)));
    }

    /// <summary>Whether a word ends like an informal second person singular verb.</summary>
    public static bool LooksInformalFinite(string word)
    {
        string lower = word.ToLowerInvariant();
        return ByInformal.ContainsKey(lower) || (lower.Length > 3 && lower.EndsWith("st", StringComparison.Ordinal)) ||
               (lower.Length > 3 && lower.EndsWith('t') && lower[^2] is 's' or 'ß' or 'z' or 'x');
    }

    private static Dictionary<string, string> BuildReverse()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (formal, informal, _) in Irregular)
        {
            if (formal != "seien")
            {
                map.TryAdd(informal, formal);
            }
        }

        return map;
    }

    private static string RegularInformal(string formal)
    {
        if (formal.EndsWith("eln", StringComparison.Ordinal) || formal.EndsWith("ern", StringComparison.Ordinal))
        {
            return formal[..^1] + "st";
        }

        string stem = Stem(formal);
        if (stem.Length > 0 && stem[^1] is 's' or 'ß' or 'z' or 'x')
        {
            return stem + "t";
        }

        return NeedsLinkingE(stem) ? stem + "est" : stem + "st";
    }

    private static string Stem(string formal) =>
        formal.EndsWith("en", StringComparison.Ordinal) ? formal[..^2] : formal.EndsWith('n') ? formal[..^1] : formal;

    // Stems in -d or -t, and in -m or -n after another consonant (except l, r, m, n, h), take a linking e.
    private static bool NeedsLinkingE(string stem)
    {
        if (stem.Length < 2)
        {
            return false;
        }

        char last = stem[^1];
        if (last is 'd' or 't')
        {
            return true;
        }

        char before = stem[^2];
        return last is 'm' or 'n' && !IsVowel(before) && before is not ('l' or 'r' or 'm' or 'n' or 'h');
    }

    private static bool IsVowel(char c) => "aeiouäöüy".Contains(c);

    private static string? FindPrefixed(string word, Func<string, bool> known)
    {
        foreach (string prefix in Prefixes)
        {
            if (word.Length > prefix.Length + 2 && word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && known(word[prefix.Length..]))
            {
                return word[..prefix.Length].ToLowerInvariant();
            }
        }

        return null;
    }

    private static string MatchCase(string original, string result) =>
        original.Length > 0 && char.IsUpper(original[0]) && result.Length > 0 ? char.ToUpperInvariant(result[0]) + result[1..] : result;
}

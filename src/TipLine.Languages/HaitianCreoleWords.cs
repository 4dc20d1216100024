namespace TipLine.Languages;

/// <summary>
/// Recognises Haitian Creole, which Lingua does not know, from its function and everyday words, written with or without
/// accents. Words it shares with French, Spanish or Tagalog (li, pa, yo, sa, nan) count only next to words that are its
/// own (mwen, gen, pral, konn, lekol, zanmi ...).
/// </summary>
public static class HaitianCreoleWords
{
    public const string Code = "ht";

    private static readonly HashSet<string> Own = new(StringComparer.Ordinal)
    {
        "mwen", "yon", "gen", "pral", "konn", "konnen", "tanpri", "zanmi", "kounye", "konnye", "kounya", "jodi", "demen",
        "lekol", "moun", "anpil", "poukisa", "kijan", "bagay", "selman", "anko", "touye", "goumen", "kriye", "manje",
        "twalet", "entenet", "anmerde", "pitit", "fanmi", "lakay", "kounyeya", "ankò", "gade", "rete", "tande", "bezwen",
        "paske", "epi", "tankou", "kisa", "kiyes", "kote", "lekòl", "tèt", "fè",
    };

    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal)
    {
        "m", "li", "nou", "yo", "ou", "ap", "ki", "pa", "nan", "pou", "sa", "ak", "te", "vle", "di", "we", "fe", "chak", "jou",
        "tout", "tan", "e", "a", "la", "k", "l", "sou", "tet", "ede", "bat", "sak", "zam", "vann", "mete", "bonm", "viv",
    };

    /// <summary>Haitian Creole when two of its own words, or one and shared words making up half the text, are there.</summary>
    public static LanguageGuess Read(string text)
    {
        var words = text.Normalize().ToLowerInvariant()
            .Split([' ', '\t', '\n', '\r', ',', '.', '!', '?', ';', ':', '"', '(', ')', '\'', '\u2019'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return LanguageGuess.Unknown;
        var own = words.Count(w => Own.Contains(w) || Own.Contains(Folded(w)));
        var shared = words.Count(w => Shared.Contains(w) || Shared.Contains(Folded(w)));
        var share = (own + shared) / (double)words.Length;
        if (own >= 2 || (own == 1 && share >= 0.5)) return new LanguageGuess(Code, Math.Min(1, 0.4 + share / 2));
        return LanguageGuess.Unknown;
    }

    private static string Folded(string word) => word.Replace('ò', 'o').Replace('è', 'e').Replace('à', 'a');
}

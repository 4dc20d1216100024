using System.Text;

namespace TipLine.Languages;

/// <summary>
/// Counts the letters of a text by writing system and names the language the dominant non-Latin script
/// implies. A Han, kana or Hangul character counts as two letters, being about a syllable or a word.
/// </summary>
internal readonly record struct ScriptTally(Script Dominant, int DominantWeight, int TotalWeight, string? Code)
{
    public double Share => TotalWeight == 0 ? 0 : (double)DominantWeight / TotalWeight;

    public static ScriptTally Of(ReadOnlySpan<char> text)
    {
        Span<int> weights = stackalloc int[(int)Script.Count];
        int kana = 0, persian = 0, urdu = 0, pashto = 0, ukrainian = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            var script = Scripts.Of(rune.Value);
            switch (script)
            {
                case Script.Kana:
                    kana++;
                    script = Script.Han;
                    break;
                case Script.Arabic:
                    persian += Scripts.IsPersianLetter(rune.Value) ? 1 : 0;
                    urdu += Scripts.IsUrduLetter(rune.Value) ? 1 : 0;
                    pashto += Scripts.IsPashtoLetter(rune.Value) ? 1 : 0;
                    break;
                case Script.Cyrillic:
                    ukrainian += Scripts.IsUkrainianLetter(rune.Value) ? 1 : 0;
                    break;
            }
            weights[(int)script] += script is Script.Han or Script.Hangul ? 2 : 1;
        }

        var total = 0;
        var dominant = Script.Other;
        for (var s = 0; s < weights.Length; s++)
        {
            total += weights[s];
            if (weights[s] > weights[(int)dominant]) dominant = (Script)s;
        }
        var weight = weights[(int)dominant];
        var code = dominant switch
        {
            Script.Han => kana * 5 >= weight / 2 ? "ja" : "zh-Hans",
            Script.Arabic => ArabicScriptLanguage(weight, persian, urdu, pashto),
            Script.Cyrillic => ukrainian > 0 ? "uk" : "ru",
            _ => Scripts.Code(dominant),
        };
        return new ScriptTally(dominant, weight, total, code);
    }

    // Urdu, Pashto and Persian add letters to the Arabic alphabet. A dialect spelling may borrow one
    // (Gulf Arabic writes چ), so the added letters must make up a twentieth of the text to count.
    private static string ArabicScriptLanguage(int letters, int persian, int urdu, int pashto) =>
        pashto > 0 && pashto * 20 >= letters ? "ps"
        : urdu > 0 && urdu * 20 >= letters ? "ur"
        : persian > 1 && persian * 20 >= letters ? "fa"
        : "ar";
}

using Lingua;
using LinguaDetector = Lingua.LanguageDetector;

namespace TipLine.Languages;

/// <summary>
/// Detects the language of a tip that arrived without one (SMS, email, a reporter's answer): short, informal text typed
/// on a phone, often without accents. It chooses only among the district's languages (<see cref="LanguageOptions"/>).
/// Measured on tests/LanguageSamples (15 short texts per reporter language; `infra/bench.sh languages`), each step keeps
/// what still helps:
/// <list type="number">
/// <item>The writing system decides first (Arabic, Chinese, Korean, Russian, ...: <see cref="WordListDetector"/>); Lingua
/// does no better there and would need its models in memory.</item>
/// <item>The old word lists, when they are sure (<see cref="TrustWordListsFrom"/>).</item>
/// <item>Haitian Creole, which Lingua does not know, by its own words (<see cref="HaitianCreoleWords"/>).</item>
/// <item>SearchPioneer.Lingua, restricted to the district's Latin-script languages; but when the word lists have an answer
/// and Lingua is not confident (under <see cref="LinguaSure"/>), the word lists win: they know Vietnamese typed without
/// accents (Lingua alone places 10 of 15) and texting forms ("idk", "thx").</item>
/// <item>Lingua's answer from <see cref="LinguaFrom"/>; below it ("ok", "LHS rm 204", a name) the text is
/// <see cref="LanguageGuess.Unknown"/>, and routing treats the tip as one nobody has read.</item>
/// </list>
/// Lingua's models for the district's Latin-script languages are loaded on first use (about 2.5 s, about 140 MiB for seven
/// languages); <see cref="WarmUp"/> does it at start and says whether they were found. Thread-safe.
/// </summary>
public sealed class LanguageDetector
{
    public const double TrustWordListsFrom = 0.5;
    public const double LinguaSure = 0.8;
    public const double LinguaFrom = 0.5;

    private readonly HashSet<string> supported;
    private readonly Dictionary<string, string> byPrimaryTag;
    private readonly Dictionary<Language, string> latinCodes;
    private readonly LinguaDetector lingua;

    public LanguageDetector(IEnumerable<string> languages)
    {
        supported = new HashSet<string>(languages.Union(["en", "es"], StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        // A district may write zh-Hant or pt-BR: answers are given in its own spelling of the language.
        byPrimaryTag = supported.GroupBy(PrimaryTag, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        latinCodes = byPrimaryTag.Values
            .Select(code => (Code: code, Language: LanguageOptions.LinguaLanguage(code)))
            .Where(l => l.Language is { } language && LanguageInfo.AllWithLatinScript().Contains(language))
            .GroupBy(l => l.Language!.Value)
            .ToDictionary(g => g.Key, g => g.First().Code);
        lingua = LanguageDetectorBuilder.FromLanguages([.. latinCodes.Keys]).Build();
    }

    public IReadOnlyCollection<string> Languages => supported;

    public LanguageGuess Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return LanguageGuess.Unknown;
        if (text.Length > WordListDetector.MaxLength) text = text[..WordListDetector.MaxLength];
        if (!WordListDetector.WrittenInLatin(text)) return Supported(WordListDetector.Detect(text));

        var words = Supported(WordListDetector.Detect(text));
        if (words.IsKnown && words.Confidence >= TrustWordListsFrom) return words;
        if (supported.Contains(HaitianCreoleWords.Code) && HaitianCreoleWords.Read(text) is { IsKnown: true } haitian) return haitian;
        var best = lingua.ComputeLanguageConfidenceValues(text).FirstOrDefault();
        if (words.IsKnown && best.Value < LinguaSure) return words;
        return best.Value >= LinguaFrom && latinCodes.TryGetValue(best.Key, out var code) ? new LanguageGuess(code, best.Value) : LanguageGuess.Unknown;
    }

    /// <summary>The detected language's code, or <paramref name="fallback"/> when it is unknown.</summary>
    public string DetectOr(string? text, string fallback)
    {
        var guess = Detect(text);
        return guess.IsKnown ? guess.Code : fallback;
    }

    /// <summary>
    /// Loads Lingua's models now, so that the first tip does not wait for them; false when they were not found (the
    /// package copies them next to the binary, in Lingua/LanguageModels): detection then falls back to the word lists.
    /// </summary>
    public bool WarmUp() => lingua.ComputeLanguageConfidenceValues("someone is going to bring a weapon to school tomorrow").Values.Any(v => v > 0);

    private LanguageGuess Supported(LanguageGuess guess) =>
        guess.IsKnown && byPrimaryTag.TryGetValue(PrimaryTag(guess.Code), out var code) ? new LanguageGuess(code, guess.Confidence) : LanguageGuess.Unknown;

    private static string PrimaryTag(string code) => code.Split('-')[0];
}

namespace TipLine.Contracts;

/// <summary>Language codes on the bus are BCP 47 tags (en, es, vi, zh-Hans, ...).</summary>
public static class LanguageCodes
{
    /// <summary>The language of the text could not be detected (BCP 47 "und").</summary>
    public const string Unknown = "und";

    /// <summary>
    /// The reporter languages TipLine supports: the most common home languages of English learners in US schools. Each has
    /// an urgency keyword list; staff record which of them they read.
    /// </summary>
    public static readonly IReadOnlyList<string> Reporter = ["en", "es", "vi", "zh-Hans", "ar", "ht", "pt", "ru", "so", "tl", "ko", "fr"];
}

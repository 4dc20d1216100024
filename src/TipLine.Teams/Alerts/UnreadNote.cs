using TipLine.Contracts;

namespace TipLine.Teams.Alerts;

/// <summary>
/// Why nobody on the team can read a tip yet, in words for an alert and the case page ("in Vietnamese, not yet
/// translated"); null when it can be read.
/// </summary>
internal static class UnreadNote
{
    public static string? For(TipReadability readability, string language) => readability switch
    {
        TipReadability.NotTranslated => $"in {LanguageNames.English(language)}, not yet translated",
        TipReadability.LanguageUnknown => "in a language not recognised, not yet translated",
        TipReadability.NotTranscribed => "voicemail not transcribed, listen to the recording",
        _ => null,
    };
}

using System.Globalization;

namespace TipLine.Teams.Alerts;

/// <summary>
/// Names of the reporter languages for staff: in English, and in the language itself. Written out because the platform's
/// locale data does not name every one of them (Haitian Creole is missing from some ICU builds); other codes fall back
/// to the platform, then to the code.
/// </summary>
internal static class LanguageNames
{
    private static readonly Dictionary<string, (string English, string Native)> Reporter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("English", "English"),
        ["es"] = ("Spanish", "español"),
        ["vi"] = ("Vietnamese", "Tiếng Việt"),
        ["zh-Hans"] = ("Chinese (Simplified)", "简体中文"),
        ["ar"] = ("Arabic", "العربية"),
        ["ht"] = ("Haitian Creole", "Kreyòl ayisyen"),
        ["pt"] = ("Portuguese", "português"),
        ["ru"] = ("Russian", "русский"),
        ["so"] = ("Somali", "Soomaali"),
        ["tl"] = ("Tagalog", "Tagalog"),
        ["ko"] = ("Korean", "한국어"),
        ["fr"] = ("French", "français"),
    };

    public static string English(string code) =>
        Reporter.TryGetValue(code, out var names) ? names.English : Platform(code)?.EnglishName ?? code;

    public static string Native(string code) =>
        Reporter.TryGetValue(code, out var names) ? names.Native : Platform(code)?.NativeName ?? code;

    private static CultureInfo? Platform(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}

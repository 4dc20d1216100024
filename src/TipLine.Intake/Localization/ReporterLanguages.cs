using System.Globalization;

namespace TipLine.Intake.Localization;

public sealed record ReporterLanguage(string Code, string NativeName);

/// <summary>The languages the public pages speak; the reporter's language travels with the report.</summary>
public static class ReporterLanguages
{
    public static readonly IReadOnlyList<ReporterLanguage> All =
    [
        new("en", "English"),
        new("es", "Español"),
        new("vi", "Tiếng Việt"),
        new("zh-Hans", "简体中文"),
        new("ar", "العربية"),
        new("ht", "Kreyòl ayisyen"),
        new("pt", "Português"),
        new("ru", "Русский"),
        new("so", "Soomaali"),
        new("tl", "Tagalog"),
        new("ko", "한국어"),
        new("fr", "Français"),
    ];

    public static string Current() =>
        All.FirstOrDefault(l => l.Code == CultureInfo.CurrentUICulture.Name)?.Code
        ?? All.FirstOrDefault(l => l.Code == CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)?.Code
        ?? "en";

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
}

using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TipLine.Intake.Localization;

internal static class ReporterTextIn
{
    /// <summary>
    /// One reporter text in a given language (not the request's): for texts, mails and calls composed away from a page.
    /// A language the pages do not speak gets English.
    /// </summary>
    public static string In(this IStringLocalizer<ReporterText> text, string language, string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = ReporterLanguages.All.Any(l => l.Code == language) ? new CultureInfo(language) : CultureInfo.InvariantCulture;
        try
        {
            return text[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using TipLine.Contracts;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Intake;

/// <summary>The public form speaks every reporter language, each from its own resources (none falls back to English).</summary>
public sealed partial class ReporterLanguagesTests : RunningDistrict
{
    [Fact]
    public async Task The_form_is_in_each_of_the_twelve_reporter_languages_with_its_own_words_and_direction()
    {
        using var client = App.CreateClient();
        var buttons = new Dictionary<string, string>();
        foreach (var language in LanguageCodes.Reporter)
        {
            var html = await client.GetStringAsync($"/report?culture={language}");
            Assert.Contains($"<html lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\">", html, StringComparison.Ordinal);
            buttons[language] = WebUtility.HtmlDecode(SubmitButton().Match(html).Groups[1].Value);
            Assert.Contains("988", html, StringComparison.Ordinal);
            Assert.Contains("741741", html, StringComparison.Ordinal);
        }
        Assert.Equal(LanguageCodes.Reporter.Count, buttons.Values.Distinct().Count());
    }

    [GeneratedRegex("<button type=\"submit\">([^<]+)</button>")]
    private static partial Regex SubmitButton();
}

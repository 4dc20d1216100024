using System.Xml.Linq;

namespace TipLine.UnitTests;

/// <summary>The reporter-facing resource files (src/TipLine.Intake/Localization): complete in every language, with crisis guidance everywhere it is given.</summary>
public sealed class ReporterTextTests
{
    private static readonly string[] ReplyKeywords = ["STOP", "START"];
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Localization");

    public static TheoryData<string> Languages => new(System.IO.Directory.GetFiles(Folder, "ReporterText.*.resx").Select(f => Path.GetFileName(f).Split('.')[1]));

    private static Dictionary<string, string> Strings(string? language) =>
        XDocument.Load(Path.Combine(Folder, language is null ? "ReporterText.resx" : $"ReporterText.{language}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_every_key_of_the_english_file(string language) =>
        Assert.Empty(Strings(null).Keys.Except(Strings(language).Keys));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_keeps_the_english_placeholders_and_the_reply_keywords(string language)
    {
        var english = Strings(null);
        foreach (var (key, text) in Strings(language))
        {
            Assert.Equal(Placeholders(english[key]), Placeholders(text));
            foreach (var keyword in ReplyKeywords.Where(k => english[key].Contains(k, StringComparison.Ordinal)))
                Assert.True(text.Contains(keyword, StringComparison.Ordinal), $"{language} {key} lost the keyword {keyword}: {text}");
        }
    }

    [Fact]
    public void Every_reporter_language_has_its_file()
    {
        var files = System.IO.Directory.GetFiles(Folder, "ReporterText.*.resx").Select(f => Path.GetFileName(f).Split('.')[1]).Append("en").Order();
        Assert.Equal(TipLine.Contracts.LanguageCodes.Reporter.Order(), files);
    }

    private static List<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order()];

    [Theory]
    [InlineData(null)]
    [MemberData(nameof(Languages))]
    public void Crisis_guidance_names_911_988_and_the_crisis_text_line(string? language)
    {
        var strings = Strings(language);
        foreach (var key in new[] { "EmergencyBanner", "DangerGuidance", "SmsReceived", "SmsHelp", "VoiceEmergency", "EmailEmergencyFooter" })
        {
            var text = strings[key];
            Assert.Contains("911", text, StringComparison.Ordinal);
            Assert.Contains("988", text, StringComparison.Ordinal);
            Assert.True(text.Contains("741741", StringComparison.Ordinal) || text.Contains("7 4 1 7 4 1", StringComparison.Ordinal), $"{language ?? "en"} {key}: {text}");
            Assert.Contains("HOME", text, StringComparison.Ordinal);
        }
    }
}

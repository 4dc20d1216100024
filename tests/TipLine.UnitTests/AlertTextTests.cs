using TipLine.Contracts;
using TipLine.Teams.Alerts;
using Xunit;

namespace TipLine.UnitTests;

public sealed class AlertTextTests
{
    [Theory]
    [InlineData(SuggestedUrgency.Imminent, "TipLine: new IMMINENT-urgency tip for Lincoln High School. Open https://staff.example.org/staff/cases/5")]
    [InlineData(SuggestedUrgency.High, "TipLine: new HIGH-urgency tip for Lincoln High School. Open https://staff.example.org/staff/cases/5")]
    [InlineData(SuggestedUrgency.Routine, "TipLine: new routine tip for Lincoln High School. Open https://staff.example.org/staff/cases/5")]
    public void An_alert_says_only_school_urgency_and_link(SuggestedUrgency urgency, string expected) =>
        Assert.Equal(expected, AlertText.For(new Alert("Lincoln High School", urgency, new Uri("https://staff.example.org/staff/cases/5"))));

    [Fact]
    public void An_SMS_alert_with_a_reply_code_says_how_to_acknowledge() =>
        Assert.Equal("TipLine: new HIGH-urgency tip for Lincoln High School. Open https://staff.example.org/a/x or reply 4821 to acknowledge.",
            AlertText.For(new Alert("Lincoln High School", SuggestedUrgency.High, new Uri("https://staff.example.org/a/x"), "4821")));

    [Theory]
    [InlineData(TipReadability.NotTranslated, "vi", "TipLine: new HIGH-urgency tip for Lincoln High School, in Vietnamese, not yet translated. Open https://staff.example.org/a/x")]
    [InlineData(TipReadability.NotTranslated, "ht", "TipLine: new HIGH-urgency tip for Lincoln High School, in Haitian Creole, not yet translated. Open https://staff.example.org/a/x")]
    [InlineData(TipReadability.NotTranslated, "so", "TipLine: new HIGH-urgency tip for Lincoln High School, in Somali, not yet translated. Open https://staff.example.org/a/x")]
    [InlineData(TipReadability.LanguageUnknown, "und", "TipLine: new HIGH-urgency tip for Lincoln High School, in a language not recognised, not yet translated. Open https://staff.example.org/a/x")]
    [InlineData(TipReadability.NotTranscribed, "en", "TipLine: new HIGH-urgency tip for Lincoln High School, voicemail not transcribed, listen to the recording. Open https://staff.example.org/a/x")]
    [InlineData(TipReadability.Read, "vi", "TipLine: new HIGH-urgency tip for Lincoln High School. Open https://staff.example.org/a/x")]
    public void An_alert_about_a_tip_nobody_can_read_yet_says_why(TipReadability readability, string language, string expected) =>
        Assert.Equal(expected, AlertText.For(new Alert("Lincoln High School", SuggestedUrgency.High, new Uri("https://staff.example.org/a/x"),
            Unread: UnreadNote.For(readability, language))));

    [Theory]
    [InlineData(SuggestedUrgency.Imminent, 5, 2, "TipLine: 5 new tips for Lincoln High School, 2 IMMINENT-urgency. Open https://staff.example.org/a/x or reply 4821 to acknowledge.")]
    [InlineData(SuggestedUrgency.Imminent, 12, 12, "TipLine: 12 new IMMINENT-urgency tips for Lincoln High School. Open https://staff.example.org/a/x or reply 4821 to acknowledge.")]
    [InlineData(SuggestedUrgency.High, 3, 0, "TipLine: 3 new HIGH-urgency tips for Lincoln High School. Open https://staff.example.org/a/x or reply 4821 to acknowledge.")]
    public void One_alert_for_several_tips_counts_them_and_the_imminent_ones(SuggestedUrgency urgency, int tips, int imminent, string expected) =>
        Assert.Equal(expected, AlertText.For(new Alert("Lincoln High School", urgency, new Uri("https://staff.example.org/a/x"), "4821", tips,
            Imminent: imminent)));
}

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
}

using System.Globalization;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

public sealed class DigestTests : EscalationDistrict
{
    // Today's digest half a minute from now, after the app has started (UTC), every day a school day.
    private readonly string digestAt = TimeOnly.FromDateTime(DateTime.UtcNow.AddSeconds(30)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>(base.MoreSettings)
    {
        ["Escalation:Routine:At"] = digestAt,
        ["Escalation:Routine:TimeZone"] = "UTC",
        ["Escalation:Routine:SchoolDays"] = "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday",
    };

    [Fact]
    public async Task Routine_tips_wait_for_one_digest_by_email_and_a_refused_email_falls_back_to_a_text()
    {
        RefuseEmail = true;
        var caseId = await SubmitTipAsync("Someone keeps taking my lunch and laughing about it");
        Assert.Empty(Twilio.Requests); // nothing at once for a routine tip

        var texts = await WaitForSmsAsync(3, TimeSpan.FromSeconds(90));

        Assert.Equal(new[] { Dana, Lee, Sam }.Order(), texts.Select(t => t.Form["To"]).Order());
        Assert.All(texts, t => Assert.Equal("TipLine: new routine tip for Lincoln High School. Open https://staff.example.org/staff", t.Form["Body"]));
        Assert.Equal(3L, await AttemptsAsync("\"Digest\" AND \"Method\" = 'Email' AND \"Status\" = 'Failed'"));
        Assert.Equal("digest sent", await App.Database.ScalarAsync<string>($"SELECT \"StopReason\" FROM teams.escalations WHERE \"CaseId\" = '{caseId}'"));
    }
}

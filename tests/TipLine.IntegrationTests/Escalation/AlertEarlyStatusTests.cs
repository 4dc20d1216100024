using System.Net;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

public sealed class AlertEarlyStatusTests : EscalationDistrict
{
    private static readonly string Sid = "SM" + new string('e', 32);

    // Twilio's answer to the first alert text takes five seconds; its status callback comes first.
    protected override IEnumerable<Answer> TwilioAnswers =>
        base.TwilioAnswers.Prepend(new Answer(201, FakeTwilioApi.Created(Sid, AccountSid), Delay: TimeSpan.FromSeconds(5)));

    [Fact]
    public async Task Twilio_reporting_an_alert_undelivered_before_its_send_is_recorded_still_falls_back_to_email()
    {
        var caseId = await SubmitTipAsync("A boy in my class threatened to hurt people at the game");
        await WaitForSmsAsync(1); // the text is at Twilio, whose answer is still on its way
        var status = new Dictionary<string, string>
        {
            ["MessageSid"] = Sid, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30007", ["AccountSid"] = AccountSid,
        };

        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/alerts/status", status)).Status);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.alert_status_early")); // kept for the send's record

        await Eventually.GetAsync(() => Task.FromResult(Emails.Count > 0 ? "" : null), TimeSpan.FromSeconds(60), "the fallback email");
        var email = Emails[0];
        Assert.Matches(EmailAlert(), email.Text);
        Assert.Equal(await App.Database.ScalarAsync<string>(
            $"SELECT m.\"AlertEmail\" FROM teams.cases c JOIN directory.team_members m ON m.\"Id\" = c.\"AssignedMemberId\" WHERE c.\"Id\" = '{caseId}'"), email.To);
        Assert.Equal(1L, await AttemptsAsync($"\"ProviderId\" = '{Sid}' AND \"Status\" = 'Failed' AND \"Detail\" = 'undelivered (error 30007)'"));
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.alert_status_early"));
    }
}

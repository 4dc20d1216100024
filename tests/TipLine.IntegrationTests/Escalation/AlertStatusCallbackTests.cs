using System.Net;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

public sealed class AlertStatusCallbackTests : EscalationDistrict
{
    [Fact]
    public async Task An_alert_text_twilio_later_reports_undelivered_falls_back_to_email_once()
    {
        var caseId = await SubmitTipAsync("A boy in my class threatened to hurt people at the game");
        var sms = Assert.Single(await WaitForSmsAsync(1));
        var sid = await Eventually.GetAsync(() => App.Database.ScalarAsync<string?>(
            $"SELECT \"ProviderId\" FROM teams.alert_attempts WHERE \"Status\" = 'Sent' AND \"Method\" = 'Sms'"), what: "the sent text");
        var onCallEmail = await App.Database.ScalarAsync<string>(
            $"SELECT m.\"AlertEmail\" FROM teams.cases c JOIN directory.team_members m ON m.\"Id\" = c.\"AssignedMemberId\" WHERE c.\"Id\" = '{caseId}'");
        // Twilio could not deliver it: 30007, filtered by the carrier.
        var status = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30007", ["AccountSid"] = AccountSid,
        };

        var unsigned = await PostWebhookAsync("/twilio/alerts/status", status, Signing.Missing);
        var first = await PostWebhookAsync("/twilio/alerts/status", status);
        var repeated = await PostWebhookAsync("/twilio/alerts/status", status);
        var email = await Eventually.GetAsync(() => Task.FromResult(Emails.Count > 0 ? Emails[0].Text : null), TimeSpan.FromSeconds(60), "the fallback email");

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.Status);
        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal(HttpStatusCode.NoContent, repeated.Status);
        Assert.Matches(EmailAlert(), email);
        Assert.Equal(onCallEmail, Emails[0].To);
        Assert.Equal(sms.Form["To"], await OnCallPhoneAsync(caseId));
        await WaitUntilSettledAsync();
        Assert.Single(Emails);
        Assert.Equal(1L, await AttemptsAsync($"\"ProviderId\" = '{sid}' AND \"Status\" = 'Failed' AND \"Detail\" = 'undelivered (error 30007)'"));
        Assert.Equal(1L, await AttemptsAsync($"\"FallbackFor\" = (SELECT \"Id\" FROM teams.alert_attempts WHERE \"ProviderId\" = '{sid}')"));
    }
}

using System.Net;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

public sealed class EscalationTests : EscalationDistrict
{
    private const string HighTip = "A boy in my class threatened to hurt people at the game";

    [Fact]
    public async Task Without_acknowledgement_the_whole_team_then_the_district_team_are_alerted_at_the_configured_times()
    {
        var caseId = await SubmitTipAsync(HighTip);
        var onCall = await OnCallPhoneAsync(caseId);

        var first = Assert.Single(await WaitForSmsAsync(1));
        Assert.Equal(onCall, first.Form["To"]);
        Assert.Equal(AlertsNumber, first.Form["From"]);
        Assert.Matches(SmsAlert(), first.Form["Body"]);
        Assert.Equal($"{PublicBaseUrl}/twilio/alerts/status", first.Form["StatusCallback"]);

        // Level 2: the whole Lincoln team; level 3: the district's 24/7 team.
        var all = await WaitForSmsAsync(5, TimeSpan.FromSeconds(60));
        Assert.Equal(new[] { Dana, Lee, Sam }.Order(), all.Skip(1).Take(3).Select(r => r.Form["To"]).Order());
        Assert.Equal(Casey, all[4].Form["To"]);
        Assert.All(all, r => Assert.Matches(SmsAlert(), r.Form["Body"]));
        Assert.All(all, r => Assert.DoesNotContain("threatened", r.Form["Body"], StringComparison.Ordinal));

        // Each level is due its configured delay after the one before (within 30 s): the timer runs from when the level
        // before was due, however long its texts took to send.
        var gaps = await App.Database.ScalarAsync<string>("""
            SELECT string_agg(extract(epoch FROM s - lag)::text, ',' ORDER BY "Level") FROM (
              SELECT "Level", min("DueAt") AS s, lag(min("DueAt")) OVER (ORDER BY "Level") AS lag
              FROM teams.alert_attempts GROUP BY "Level") x WHERE lag IS NOT NULL
            """);
        Assert.All(gaps.Split(','), g => Assert.InRange(double.Parse(g, System.Globalization.CultureInfo.InvariantCulture),
            EscalateAfter.TotalSeconds - 0.5, EscalateAfter.TotalSeconds + 30));
        Assert.Equal(0L, await AttemptsAsync("\"SentAt\" > \"DueAt\" + interval '30 seconds'")); // and each text went out within 30 s of it

        // The timeline shows every attempt; the repeat interval (an hour) holds the fourth level back.
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var detail = await staff.CaseAsync(caseId);
        Assert.Equal([1, 2, 2, 2, 3], detail.Alerts.Select(a => a.Level));
        Assert.All(detail.Alerts, a => Assert.Equal(("Sms", "Sent"), (a.Method, a.Status)));
        await WaitUntilSettledAsync();
        Assert.Equal(5, Twilio.Requests.Count);
    }

    [Fact]
    public async Task A_reply_with_the_code_from_the_alerted_phone_acknowledges_and_stops_escalation()
    {
        var caseId = await SubmitTipAsync(HighTip);
        var onCall = await OnCallPhoneAsync(caseId);
        var alert = Assert.Single(await WaitForSmsAsync(1));
        var code = SmsAlert().Match(alert.Form["Body"]).Groups[3].Value;
        var stranger = onCall == Sam ? Lee : Sam;

        var unsigned = await PostWebhookAsync("/twilio/alerts/sms", Sms(onCall, AlertsNumber, code), Signing.Wrong);
        var fromStranger = await PostWebhookAsync("/twilio/alerts/sms", Sms(stranger, AlertsNumber, code));
        var wrongCode = await PostWebhookAsync("/twilio/alerts/sms", Sms(onCall, AlertsNumber, "000000"));
        var reply = await PostWebhookAsync("/twilio/alerts/sms", Sms(onCall, AlertsNumber, $"ok {code}"));
        var again = await PostWebhookAsync("/twilio/alerts/sms", Sms(onCall, AlertsNumber, code));

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.Status);
        Assert.Contains("no alert to you matches that code", fromStranger.Body, StringComparison.Ordinal);
        Assert.Contains("no alert to you matches that code", wrongCode.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?><Response><Message>TipLine: acknowledged. Thank you; alerts for this tip have stopped.</Message></Response>", reply.Body);
        Assert.Contains("already acknowledged", again.Body, StringComparison.Ordinal);

        await WaitUntilSettledAsync();
        Assert.Single(Twilio.Requests);
        Assert.Equal("acknowledged", await App.Database.ScalarAsync<string>($"SELECT \"StopReason\" FROM teams.escalations WHERE \"CaseId\" = '{caseId}'"));
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var detail = await staff.CaseAsync(caseId);
        Assert.NotNull(detail.AcknowledgedAt);
        Assert.Equal(detail.AssignedTo, detail.AcknowledgedBy);
    }

    [Fact]
    public async Task The_link_in_an_alert_acknowledges_on_a_button_press_not_on_opening_and_only_once()
    {
        var caseId = await SubmitTipAsync(HighTip);
        var alert = Assert.Single(await WaitForSmsAsync(1));
        var path = "/staff/ack/" + SmsAlert().Match(alert.Form["Body"]).Groups[2].Value;
        using var browser = App.CreateClient();

        var page = await browser.GetStringAsync(path); // what a mail scanner's prefetch does
        Assert.Contains("HIGH-urgency tip for Lincoln High School is waiting", page, StringComparison.Ordinal);
        Assert.DoesNotContain("threatened", page, StringComparison.Ordinal);
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.cases WHERE \"AcknowledgedAt\" IS NOT NULL"));

        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var withoutToken = await browser.PostAsync(path, new FormUrlEncodedContent([]));
        using var press = await browser.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        using var pressAgain = await browser.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        using var forged = await browser.GetAsync(path[..^3] + (path[^3..] == "AAA" ? "BBB" : "AAA"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("Acknowledged. Alerts for this", await press.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("already been used", await pressAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not valid", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'case.acknowledge' AND \"CaseId\" = '{caseId}' AND \"Allowed\""));
        await WaitUntilSettledAsync();
        Assert.Single(Twilio.Requests);
    }
}

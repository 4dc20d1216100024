using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

public sealed class SmsEarlyStatusTests : SmsDistrict
{
    private const string Student = "+15551230042";
    private static readonly string Sid = "SM" + new string('f', 32);

    // Twilio's answer to the team's question takes five seconds; its status callback comes first.
    protected override IEnumerable<Answer> TwilioAnswers =>
        [new Answer(201, FakeTwilioApi.Created(Sid, AccountSid), Delay: TimeSpan.FromSeconds(5))];

    [Fact]
    public async Task A_delivery_status_that_beats_the_record_of_the_send_still_reaches_the_case()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "someone wrote a threat on the bathroom wall"))).Status);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, "Which bathroom?"));
        await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.Count == 1 ? "" : null), what: "the question at Twilio, its answer on the way");

        var delivered = new Dictionary<string, string> { ["MessageSid"] = Sid, ["AccountSid"] = AccountSid, ["MessageStatus"] = "delivered" };
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/sms/status", delivered)).Status);
        Assert.Equal(0L, await CountAsync("intake.sms_deliveries")); // the send is not recorded yet…
        Assert.Equal(1L, await CountAsync("intake.sms_early_statuses")); // …so the status waits for it
        var sending = new Dictionary<string, string> { ["MessageSid"] = Sid, ["AccountSid"] = AccountSid, ["MessageStatus"] = "sending" };
        Assert.Equal(HttpStatusCode.NoContent, (await PostWebhookAsync("/twilio/sms/status", sending)).Status); // late and older: ignored

        await Eventually.GetAsync(async () =>
        {
            var c = await staff.CaseAsync(queued.CaseId);
            return c.Conversation.Any(m => m.DeliveryStatus == "delivered") ? c : null;
        }, TimeSpan.FromSeconds(60), "the early delivery status on the case");
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM intake.sms_deliveries WHERE \"MessageSid\" = '{Sid}' AND \"Status\" = 'delivered'"));
        Assert.Equal(0L, await CountAsync("intake.sms_early_statuses"));
    }
}

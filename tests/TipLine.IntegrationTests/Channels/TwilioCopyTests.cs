using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>Twilio keeps what it delivers: once TipLine has committed its own copy, Twilio's goes, exactly once.</summary>
public sealed class TwilioCopyTests : SmsDistrict
{
    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Work:TwilioCopy:RetryBaseDelay"] = "00:00:00.200",
    };

    [Fact]
    public async Task A_texted_tip_s_body_is_redacted_at_Twilio_once_and_a_failure_there_is_tried_again()
    {
        // Twilio fails the first request and its three retries (one attempt), and the next one: the queue tries again.
        Twilio.FailNextCopyDeletions(5);
        var sms = Sms("+15551237777", DemoDistrict.LincolnHighNumber, "someone is selling vapes in the bathroom");

        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", sms)).Status);

        await Eventually.GetAsync(() => Task.FromResult(Twilio.CopyDeletions.Count > 0 ? "" : null), what: "the redaction at Twilio");
        await Eventually.GetAsync(async () => await CountAsync("intake.twilio_copy_deletions") == 0 ? "" : null, what: "the queue item done");
        Assert.Equal([$"POST /2010-04-01/Accounts/{AccountSid}/Messages/{sms["MessageSid"]}.json"], Twilio.CopyDeletions);
        Assert.True(await App.Database.ScalarAsync<int>("SELECT count(*)::int FROM intake.reports") == 1, "the tip itself was committed first");
        // The team can see it is gone, and nothing of the text's address at Twilio.
        var page = await CasePageOnceAsync("Twilio&#x27;s copy of a text&#x27;s words was deleted.");
        Assert.DoesNotContain(sms["MessageSid"], page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deletion_Twilio_refuses_is_parked_and_the_case_says_the_copy_is_still_there()
    {
        Twilio.AnswerCopyDeletionsWith(403);
        var sms = Sms("+15551237778", DemoDistrict.LincolnHighNumber, "a kid at the bus stop has a knife");

        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", sms)).Status);

        await CasePageOnceAsync("could not be deleted: an administrator can delete it in Twilio&#x27;s console.");
        Assert.Equal(1, Twilio.CopyRequests); // a refusal is not tried again
        Assert.Empty(Twilio.CopyDeletions);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("""SELECT count(*) FROM intake.twilio_copy_deletions WHERE "DeadAt" IS NOT NULL"""));
    }

    private async Task<string> CasePageOnceAsync(string note)
    {
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        return await Eventually.GetAsync(async () => await staff.Http.GetStringAsync($"/staff/cases/{queued.CaseId}") is { } page
            && page.Contains(note, StringComparison.Ordinal) ? page : null, what: "the note on the case page");
    }
}

using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Channels;

/// <summary>A team question goes to a texting student through the work queue, once, even when a process dies mid-send.</summary>
public sealed class SmsQuestionDeliveryTests : SmsDistrict
{
    private const string Student = "+15551230042";
    private const string FirstSid = "SM" + "11111111111111111111111111111111";

    /// <summary>Twilio accepts the first text but its answer never arrives in time; any later text is accepted at once.</summary>
    protected override IEnumerable<Answer> TwilioAnswers =>
    [
        new Answer(201, FakeTwilioApi.Created(FirstSid, AccountSid), Delay: TimeSpan.FromMinutes(2)),
        new Answer(201, FakeTwilioApi.Created("SM" + new string('2', 32), AccountSid)),
    ];

    [Fact]
    public async Task A_question_whose_answer_from_Twilio_was_lost_in_a_restart_is_not_texted_twice()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "someone has a knife in his bag"))).Status);
        var queued = await AskAsync(App, "Which bag, and where is it now?");
        await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.Count == 1 ? (object?)true : null), what: "the text at Twilio");

        // The process stops while Twilio holds the answer; another one takes the queued text over.
        await App.DisposeAsync();
        App = await StartAppAsync(seed: false);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var detail = await Eventually.GetAsync(async () =>
            await staff.CaseAsync(queued) is var c && c.Conversation.Any(m => m.DeliveryStatus == "sent") ? c : null,
            what: "the question's delivery recorded from Twilio's list");

        Assert.Single(Twilio.Requests);
        Assert.Contains(Twilio.Lookups, l => l.Contains("To=%2B15551230042", StringComparison.Ordinal));
        Assert.Equal(FirstSid, await App.Database.ScalarAsync<string>("SELECT \"MessageSid\" FROM intake.sms_deliveries"));
        Assert.Equal(0L, await CountAsync("intake.sms_pending"));
        Assert.Single(detail.Conversation, m => !m.FromReporter);
    }

    internal static async Task<Guid> AskAsync(TipLineApp app, string question)
    {
        using var staff = await StaffClient.SignInAsync(app, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync(c => c.Channel == "sms");
        Assert.Equal(HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, question));
        return queued.CaseId;
    }
}

/// <summary>A team question to a texting student, with Twilio answering at once.</summary>
public sealed class SmsQuestionQueueTests : SmsDistrict
{
    private const string Student = "+15551230043";

    protected override IEnumerable<Answer> TwilioAnswers => [new Answer(201, FakeTwilioApi.Created("SM" + new string('3', 32), AccountSid))];

    [Fact]
    public async Task A_question_is_texted_through_the_queue_outside_the_message_handler_and_its_status_reaches_the_case()
    {
        Twilio.Remember(new FakeTwilioApi.ListedMessage("SM" + new string('9', 32), DemoDistrict.LincolnHighNumber, Student,
            "an earlier text with other words", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync("/twilio/sms", Sms(Student, DemoDistrict.LincolnHighNumber, "a fight is planned after school"))).Status);

        var queued = await SmsQuestionDeliveryTests.AskAsync(App, "Who is planning it?");
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        await Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.Count == 1 ? (object?)true : null), what: "the text at Twilio");

        Assert.Equal(Student, Twilio.Requests[0].Form["To"]);
        Assert.Empty(Twilio.Lookups); // a first attempt has nothing to look for
        await Eventually.GetAsync(async () => await CountAsync("intake.sms_pending") == 0 ? (object?)true : null, what: "the queue item done");
    }
}

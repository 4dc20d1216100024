using TipLine.IntegrationTests.Infrastructure;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

public sealed class AlertHandBackTests : EscalationDistrict
{
    // Twilio takes the first alert text and never answers; the rest are answered at once.
    protected override IEnumerable<Answer> TwilioAnswers =>
        base.TwilioAnswers.Prepend(new Answer(201, FakeTwilioApi.Created("SM" + new string('9', 32), AccountSid), Delay: TimeSpan.FromMinutes(10)));

    [Fact]
    public async Task An_alert_under_way_when_the_process_stops_is_handed_back_and_sent_at_once_by_the_next_process()
    {
        var caseId = await SubmitTipAsync("A boy in my class threatened to hurt people at the game");
        var onCall = await OnCallPhoneAsync(caseId);
        await WaitForSmsAsync(1); // the alert text is at Twilio, which does not answer...

        await App.DisposeAsync(); // ...when the process stops
        Assert.Equal(1L, await AttemptsAsync("\"Level\" = 1 AND \"Status\" = 'Pending' AND \"Attempts\" = 0 AND \"NextAttemptAt\" <= now()"));

        App = await StartAppAsync(seed: false);
        var texts = await WaitForSmsAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal([onCall, onCall], texts.Take(2).Select(t => t.Form["To"]));
        await Eventually.GetAsync(async () => await AttemptsAsync("\"Level\" = 1 AND \"Status\" = 'Sent'") == 1 ? "" : null, what: "the alert recorded as sent");
        Assert.Equal(1L, await AttemptsAsync("\"Level\" = 1")); // handed back, not failed: no fallback by email
    }
}

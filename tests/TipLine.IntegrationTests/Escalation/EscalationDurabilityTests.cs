using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

public sealed class EscalationDurabilityTests : EscalationDistrict
{
    private TipLineApp? second;

    [Fact]
    public async Task A_restart_during_an_open_escalation_still_escalates_once()
    {
        await SubmitTipAsync("A boy in my class threatened to hurt people at the game");
        var onCall = Assert.Single(await WaitForSmsAsync(1)).Form["To"];
        // Its outcome committed (a stop between Twilio's answer and that commit sends it again: see the README).
        await Eventually.GetAsync(async () => await AttemptsAsync("\"Status\" = 'Sent'") == 1 ? "" : null, what: "the first alert recorded as sent");

        await App.DisposeAsync(); // the only process stops before the next level is due...
        App = await StartAppAsync(seed: false); // ...and a new one takes over from PostgreSQL

        var all = await WaitForSmsAsync(5, TimeSpan.FromSeconds(60));
        await WaitUntilSettledAsync();
        Assert.Equal(5, Twilio.Requests.Count);
        Assert.Equal(onCall, all[0].Form["To"]);
        Assert.Equal(new[] { Dana, Lee, Sam }.Order(), all.Skip(1).Take(3).Select(r => r.Form["To"]).Order());
        Assert.Equal(Casey, all[4].Form["To"]);
        Assert.Equal(5L, await AttemptsAsync("\"Status\" = 'Sent'"));
    }

    [Fact]
    public async Task Two_processes_side_by_side_send_each_alert_exactly_once()
    {
        second = await StartAppAsync(seed: false);
        var caseId = await SubmitTipAsync("He has a gun in his locker and says he will shoot people tomorrow");
        var onCall = await OnCallPhoneAsync(caseId);
        // Imminent: level 1 is the member on call, the administrator (Dana) and the liaison (Lee), by text and email;
        // level 2 the whole team; level 3 the district's 24/7 team (Casey).
        string[] firstLevel = [.. new[] { onCall, Dana, Lee }.Distinct()];
        var expected = firstLevel.Concat([Dana, Sam, Lee, Casey]).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var total = expected.Values.Sum();

        await WaitForSmsAsync(total, TimeSpan.FromSeconds(60));
        await Eventually.GetAsync(() => Task.FromResult(Emails.Count >= total ? "" : null), TimeSpan.FromSeconds(30), "the emails");
        await WaitUntilSettledAsync();

        Assert.Equal(expected, Twilio.Requests.GroupBy(r => r.Form["To"]).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(total, Emails.Count);
        Assert.Equal(total * 2, await AttemptsAsync("\"Status\" = 'Sent'"));
        Assert.All(Twilio.Requests, r => Assert.Matches(SmsAlert(), r.Form["Body"]));
        Assert.All(Emails, e => Assert.Matches(EmailAlert(), e.Text));
        Assert.All(Twilio.Requests, r => Assert.StartsWith("TipLine: new IMMINENT-urgency tip", r.Form["Body"], StringComparison.Ordinal));
    }

    public override async Task DisposeAsync()
    {
        if (second is not null) await second.DisposeAsync();
        await base.DisposeAsync();
    }
}

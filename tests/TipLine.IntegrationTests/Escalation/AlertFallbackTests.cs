using System.Net;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.TwilioTests;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

public sealed class AlertFallbackTests : EscalationDistrict
{
    private const string HighTip = "A boy in my class threatened to hurt people at the game";

    // The first alert text is refused (the member texted STOP to the alerts number); the rest are accepted.
    protected override IEnumerable<Answer> TwilioAnswers =>
        base.TwilioAnswers.Prepend(new Answer(400, FakeTwilioApi.Error(21610, "Attempt to send to unsubscribed recipient", 400)));

    [Fact]
    public async Task A_refused_alert_text_falls_back_to_email_at_once_and_both_show_on_the_timeline()
    {
        var caseId = await SubmitTipAsync(HighTip);
        var onCall = await App.Database.ScalarAsync<string>(
            $"SELECT m.\"AlertEmail\" FROM teams.cases c JOIN directory.team_members m ON m.\"Id\" = c.\"AssignedMemberId\" WHERE c.\"Id\" = '{caseId}'");

        var email = await Eventually.GetAsync(() => Task.FromResult<string?>(Emails.FirstOrDefault(e => e.To == onCall).Text), TimeSpan.FromSeconds(60), "the email");

        Assert.Matches(EmailAlert(), email);
        Assert.Single(Emails);
        var timeline = await SignedInTimelineAsync(caseId);
        Assert.Equal([("Sms", "Failed", "refused (21610)", false), ("Email", "Sent", "sent", true)],
            timeline.Select(a => (a.Method, a.Status, a.Detail, a.Fallback)));
        Assert.InRange(timeline[1].At - timeline[0].At, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    private async Task<IReadOnlyList<TipLine.Teams.Escalation.AlertItem>> SignedInTimelineAsync(Guid caseId)
    {
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        return (await staff.CaseAsync(caseId)).Alerts;
    }
}

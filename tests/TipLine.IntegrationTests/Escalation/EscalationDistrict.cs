using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TipLine.Hosting;
using TipLine.IntegrationTests.Channels;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Alerts;
using TipLine.TwilioTests;

namespace TipLine.IntegrationTests.Escalation;

/// <summary>
/// A district with alerts on and escalation measured in seconds: SMS through the Twilio stand-in, email through a
/// recorder. Demo alert phones: Dana (Lincoln admin) +15555550110, Sam +15555550111, Officer Lee +15555550112, Casey
/// (district 24/7 team) +15555550115.
/// </summary>
public abstract partial class EscalationDistrict : SmsDistrict
{
    public const string AlertsNumber = "+15555550199";
    public static readonly TimeSpan EscalateAfter = TimeSpan.FromSeconds(4);
    public const string Dana = "+15555550110", Sam = "+15555550111", Lee = "+15555550112", Casey = "+15555550115";

    private readonly List<RecordingEmailSender> mailboxes = [];
    private readonly string linkKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override IEnumerable<Answer> TwilioAnswers =>
        Enumerable.Range(0, 60).Select(i => new Answer(201, FakeTwilioApi.Created($"SM{i:D32}", AccountSid)));

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Alerts:SmsFrom"] = AlertsNumber,
        ["Alerts:StaffBaseUrl"] = "https://staff.example.org",
        ["Work:Alert:PollInterval"] = "00:00:00.200",
        ["Work:Escalation:PollInterval"] = "00:00:00.200",
        ["Escalation:AckLinkKey"] = linkKey,
        ["Escalation:High:EscalateAfter"] = EscalateAfter.ToString(),
        ["Escalation:High:RepeatEvery"] = "01:00:00",
        ["Escalation:Imminent:EscalateAfter"] = EscalateAfter.ToString(),
        ["Escalation:Imminent:RepeatEvery"] = "01:00:00",
    };

    /// <summary>Every email "sent" by every process of the district.</summary>
    protected IReadOnlyList<(string To, string Text)> Emails => [.. mailboxes.SelectMany(m => m.Sent)];

    protected bool RefuseEmail { set => mailboxes.ForEach(m => m.Refuse = value); }

    protected override void ReplaceServices(IServiceCollection services)
    {
        var mailbox = new RecordingEmailSender();
        mailboxes.Add(mailbox);
        services.RemoveAll<IAlertSender>();
        services.AddScoped<IAlertSender>(sp => sp.GetRequiredService<SmsAlertSender>()).AddSingleton<IAlertSender>(mailbox);
    }

    /// <summary>A tip to Lincoln High through the web form; returns its case id once the case is open.</summary>
    protected async Task<Guid> SubmitTipAsync(string text)
    {
        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, text);
        return (Guid)await Eventually.GetAsync(
            () => App.Database.ScalarAsync<object?>("SELECT \"Id\" FROM teams.cases LIMIT 1"), what: "the case");
    }

    protected async Task<string> OnCallPhoneAsync(Guid caseId) => await App.Database.ScalarAsync<string>(
        $"SELECT m.\"AlertPhone\" FROM teams.cases c JOIN directory.team_members m ON m.\"Id\" = c.\"AssignedMemberId\" WHERE c.\"Id\" = '{caseId}'");

    protected IReadOnlyList<RecordedRequest> SmsTo(string phone) => Twilio.Requests.Where(r => r.Form["To"] == phone).ToList();

    protected Task<IReadOnlyList<RecordedRequest>> WaitForSmsAsync(int count, TimeSpan? within = null) =>
        Eventually.GetAsync(() => Task.FromResult(Twilio.Requests.Count >= count ? Twilio.Requests : null), within, $"{count} alert texts");

    /// <summary>
    /// Waits until no alert is pending and no open escalation has a step due in the next ten minutes: from then on nothing
    /// more is sent, so a count taken after it is final.
    /// </summary>
    protected Task WaitUntilSettledAsync() => Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>("""
        SELECT (SELECT count(*) FROM teams.alert_attempts WHERE "Status" = 'Pending')
             + (SELECT count(*) FROM teams.escalations WHERE "StoppedAt" IS NULL AND "DeadAt" IS NULL AND "NextAttemptAt" < now() + interval '10 minutes')
        """) == 0 ? (object?)true : null, TimeSpan.FromSeconds(60), "no alert pending or due");

    protected Task<long> AttemptsAsync(string where) => App.Database.ScalarAsync<long>($"SELECT count(*) FROM teams.alert_attempts WHERE {where}");

    /// <summary>The exact words of an SMS alert: school, urgency, an acknowledgement link and a reply code; nothing else.</summary>
    [GeneratedRegex(@"^TipLine: new (HIGH|IMMINENT)-urgency tip for Lincoln High School\. Open https://staff\.example\.org/staff/ack/([A-Za-z0-9_-]{54}) or reply (\d{6}) to acknowledge\.$")]
    protected static partial Regex SmsAlert();

    [GeneratedRegex(@"^TipLine: new (HIGH|IMMINENT)-urgency tip for Lincoln High School\. Open https://staff\.example\.org/staff/ack/([A-Za-z0-9_-]{54})$")]
    protected static partial Regex EmailAlert();
}

using System.Net;
using System.Text.RegularExpressions;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

/// <summary>
/// A flood of one danger-now threat: every tip becomes a case, each member gets at most one alert per window about it, each
/// alert counts and covers what arrived meanwhile, and an unrelated tip in the middle is alerted on its own.
/// </summary>
public sealed partial class AlertFloodTests : EscalationDistrict
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(8);
    private const string Flood = "Someone has a gun in the cafeteria right now";
    private const string Unrelated = "A girl in 7th grade told me she wants to kill herself tonight";

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>(base.MoreSettings)
    {
        ["Escalation:AlertWindow"] = Window.ToString(),
        // Only the first level within the test: what is measured is the window, not the ladder.
        ["Escalation:High:EscalateAfter"] = "00:30:00",
        ["Escalation:Imminent:EscalateAfter"] = "00:30:00",
    };

    [Fact]
    public async Task A_flood_yields_one_alert_per_member_per_window_covering_every_tip_and_an_unrelated_tip_is_alerted_on_its_own()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        var firstCase = await SubmitTipAsync(Flood);
        await WaitForSmsAsync(1);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, Flood, "yes")).Status);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, Unrelated)).Status);
        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, Flood + "!!", "yes")).Status);

        // Every tip is a case, and every case was covered by an alert that went out.
        await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.cases") == 13 ? "" : null, what: "13 cases");
        await WaitUntilSettledAsync();
        var onCall = await OnCallPhoneAsync(firstCase);
        var onCallId = await App.Database.ScalarAsync<Guid>($"SELECT \"AssignedMemberId\" FROM teams.cases WHERE \"Id\" = '{firstCase}'");
        Assert.Equal(0L, await App.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM teams.cases c WHERE NOT EXISTS (SELECT 1 FROM teams.alert_attempts a WHERE c."Id" = ANY(a."CaseIds")
              AND a."MemberId" = '{onCallId}' AND a."Method" = 'Sms' AND a."Status" IN ('Sent', 'Delivered'))
            """));
        var unrelatedCase = await App.Database.ScalarAsync<Guid>($"SELECT \"Id\" FROM teams.cases WHERE \"Original\"::text LIKE '%kill herself%'");
        Assert.Equal(12L, await App.Database.ScalarAsync<long>($"SELECT count(*) FROM teams.cases WHERE \"IncidentId\" = '{firstCase}' AND \"PossibleFlood\""));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>($"SELECT count(*) FROM teams.cases WHERE \"Id\" = '{unrelatedCase}' AND \"IncidentId\" IS NULL"));

        // Per member and method, the flood's alerts are at least a window apart, and there are few of them.
        var gaps = await App.Database.ScalarAsync<string?>($"""
            SELECT string_agg(gap::text, ',') FROM (
              SELECT extract(epoch FROM "SentAt" - lag("SentAt") OVER (PARTITION BY "MemberId", "Method" ORDER BY "SentAt")) AS gap
              FROM teams.alert_attempts a WHERE a."Status" IN ('Sent', 'Delivered') AND a."FallbackFor" IS NULL
                AND NOT ('{unrelatedCase}' = ANY(a."CaseIds"))) x WHERE gap IS NOT NULL
            """);
        Assert.NotNull(gaps);
        Assert.All(gaps.Split(','), g => Assert.True(double.Parse(g, System.Globalization.CultureInfo.InvariantCulture) >= Window.TotalSeconds - 0.01, $"alerts {g} s apart"));
        var floodTexts = SmsTo(onCall).Select(r => r.Form["Body"]).Where(b => !b.Contains("new HIGH-urgency tip for", StringComparison.Ordinal)).ToList();
        var floodSeconds = await App.Database.ScalarAsync<double>("""
            SELECT extract(epoch FROM max("RoutedAt") - min("AcceptedAt"))::float8 FROM teams.cases WHERE "PossibleFlood"
            """);
        Assert.InRange(floodTexts.Count, 2, 2 + (int)(floodSeconds / Window.TotalSeconds));
        var combined = floodTexts.Select(b => CombinedAlert().Match(b)).First(m => m.Success);
        Assert.InRange(int.Parse(combined.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 2, 11);

        // The unrelated tip had an alert of its own: one tip, nothing else in it.
        Assert.Equal(1L, await AttemptsAsync(
            $"\"MemberId\" = '{onCallId}' AND \"Method\" = 'Sms' AND \"Status\" IN ('Sent', 'Delivered') AND \"CaseIds\" = ARRAY['{unrelatedCase}'::uuid]"));
        Assert.Single(SmsTo(onCall), r => SmsAlert().IsMatch(r.Form["Body"]) && r.Form["Body"].Contains("HIGH-urgency", StringComparison.Ordinal));

        // A covered case's timeline shows the combined alert that covered it.
        var covered = await App.Database.ScalarAsync<Guid>($"""
            SELECT a."CaseIds"[1] FROM teams.alert_attempts a WHERE a."Status" = 'Covered' AND a."MemberId" = '{onCallId}' LIMIT 1
            """);
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var timeline = (await staff.CaseAsync(covered)).Alerts;
        Assert.Contains(timeline, a => a.Status == "Covered");
        Assert.Contains(timeline, a => a.Status == "Sent" && a.Tips > 1);

        // Replying with the combined alert's code acknowledges every tip it counted.
        var code = CombinedAlert().Match(floodTexts.Last(b => CombinedAlert().IsMatch(b))).Groups[2].Value;
        var reply = await PostWebhookAsync("/twilio/alerts/sms", Sms(onCall, AlertsNumber, code));
        Assert.Contains("alerts for these tips have stopped", reply.Body, StringComparison.Ordinal);
        var counted = await App.Database.ScalarAsync<long>($"""
            SELECT cardinality("CaseIds")::bigint FROM teams.alert_attempts WHERE "ReplyCode" = '{code}' AND "MemberId" = '{onCallId}' AND "Method" = 'Sms' AND "Status" = 'Sent'
            """);
        Assert.Equal(counted, await App.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM teams.cases c JOIN teams.alert_attempts a ON c."Id" = ANY(a."CaseIds")
            WHERE a."ReplyCode" = '{code}' AND a."MemberId" = '{onCallId}' AND a."Method" = 'Sms' AND a."Status" = 'Sent' AND c."AcknowledgedAt" IS NOT NULL
            """));
    }

    [GeneratedRegex(@"^TipLine: (\d+) new IMMINENT-urgency tips for Lincoln High School\. Open https://staff\.example\.org/staff/ack/[A-Za-z0-9_-]{54} or reply (\d{6}) to acknowledge\.$")]
    private static partial Regex CombinedAlert();
}

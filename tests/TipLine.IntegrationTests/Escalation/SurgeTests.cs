using System.Net;
using System.Net.Http.Json;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Api;
using Xunit;

namespace TipLine.IntegrationTests.Escalation;

/// <summary>
/// More tips than usual: staff pages show a surge banner, district administrators are told once, and a district
/// administrator turns surge mode on (each member's urgent alerts then come combined, across incidents) and off.
/// </summary>
public sealed class SurgeTests : EscalationDistrict
{
    private static readonly TimeSpan SurgeAlertWindow = TimeSpan.FromSeconds(10);

    protected override IDictionary<string, string?> MoreSettings => new Dictionary<string, string?>(base.MoreSettings)
    {
        ["Surge:Window"] = "00:01:00",
        ["Surge:MinimumTips"] = "4",
        ["Surge:CheckEvery"] = "00:00:00.500",
        ["Surge:AlertWindow"] = SurgeAlertWindow.ToString(),
        ["Escalation:High:EscalateAfter"] = "00:30:00",
        ["Escalation:Imminent:EscalateAfter"] = "00:30:00",
    };

    private static readonly string[] Tips =
    [
        "A boy in my class threatened to hurt people at the game",
        "My friend says she wants to end her life",
        "Someone wrote a threat on the bathroom wall about the dance",
        "A kid said he would beat up a teacher after school",
        "There is a student selling pills and he said he will stab anyone who tells",
        "My brother is being threatened by older kids who say they will hurt him",
    ];

    [Fact]
    public async Task A_surge_shows_a_banner_tells_district_administrators_once_and_surge_mode_combines_alerts_across_incidents()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        using var counselor = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        foreach (var tip in Tips[..3]) await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, tip);

        // Three tips are measured, below the minimum: no banner, no notice.
        await WaitForMeasureAsync(3);
        Assert.DoesNotContain("surge-banner", await counselor.Http.GetStringAsync("/staff"), StringComparison.Ordinal);
        Assert.Equal(0L, await AttemptsAsync("\"Notice\" IS NOT NULL"));

        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, Tips[3]);
        var page = await Eventually.GetAsync(async () => await counselor.Http.GetStringAsync("/staff") is { } p && p.Contains("surge-banner", StringComparison.Ordinal) ? p : null,
            what: "the surge banner");
        Assert.Contains("4 tips in the last 1 minutes", page, StringComparison.Ordinal);
        var notice = await Eventually.GetAsync(() => Task.FromResult(SmsTo(Dana).FirstOrDefault(r => r.Form["Body"].Contains("surge", StringComparison.Ordinal))),
            what: "the surge notice to the district administrator");
        Assert.Equal("TipLine: surge of tips, 4 in the last 1 minute. A district administrator can turn surge mode on. Open https://staff.example.org/staff",
            notice.Form["Body"]);

        // Still a surge one tip later: nobody is told again.
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, Tips[4]);
        await WaitForMeasureAsync(5);
        Assert.Equal(1L, await AttemptsAsync("\"Notice\" IS NOT NULL"));
        Assert.Single(SmsTo(Dana), r => r.Form["Body"].Contains("surge", StringComparison.Ordinal));

        // Only a district administrator turns surge mode on; it is audited and shown.
        using (var refused = await counselor.Http.PutAsJsonAsync("/api/admin/surge-mode", new SurgeModeRequest(true)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using (var on = await admin.Http.PutAsJsonAsync("/api/admin/surge-mode", new SurgeModeRequest(true)))
        {
            Assert.Equal(HttpStatusCode.NoContent, on.StatusCode);
        }
        Assert.Contains("Surge mode is on", await counselor.Http.GetStringAsync("/staff"), StringComparison.Ordinal);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'surge.mode.on'"));

        // In surge mode, three tips about three different things reach the member on call in alerts at least a window apart,
        // one of them counting more than one tip.
        var before = await App.Database.ScalarAsync<DateTime>("SELECT now()");
        foreach (var tip in new[] { Tips[5], "A student brought a knife to class today", "Someone said they will shoot up the school on Friday" })
        {
            await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, tip);
        }
        await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.cases") == 8 ? "" : null, what: "8 cases");
        await WaitUntilSettledAsync();
        var onCall = await App.Database.ScalarAsync<Guid>("SELECT \"AssignedMemberId\" FROM teams.cases LIMIT 1");
        var sent = $"\"MemberId\" = '{onCall}' AND \"Method\" = 'Sms' AND \"Status\" IN ('Sent', 'Delivered') AND \"SentAt\" > '{before:O}'";
        Assert.Equal(0L, await App.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM teams.cases c WHERE c."AcceptedAt" > '{before:O}'
              AND NOT EXISTS (SELECT 1 FROM teams.alert_attempts a WHERE c."Id" = ANY(a."CaseIds") AND {sent})
            """));
        Assert.True(await AttemptsAsync($"{sent} AND cardinality(\"CaseIds\") > 1") >= 1);
        var gaps = await App.Database.ScalarAsync<double>($"""
            SELECT coalesce(min(gap), 'Infinity') FROM (SELECT extract(epoch FROM "SentAt" - lag("SentAt") OVER (ORDER BY "SentAt"))::float8 AS gap
            FROM teams.alert_attempts WHERE {sent}) x
            """);
        Assert.True(gaps >= SurgeAlertWindow.TotalSeconds - 0.01, $"alerts {gaps} s apart");

        using (var off = await admin.Http.PutAsJsonAsync("/api/admin/surge-mode", new SurgeModeRequest(false)))
        {
            Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        }
        Assert.DoesNotContain("Surge mode is on", await counselor.Http.GetStringAsync("/staff"), StringComparison.Ordinal);
    }

    private Task<string> WaitForMeasureAsync(int tips) => Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>($"""
        SELECT count(*) FROM teams.surge_state WHERE "RecentTips" = {tips} AND "MeasuredAt" > (SELECT max("RoutedAt") FROM teams.cases)
        """) == 1 ? "" : null, what: $"a measure of {tips} tips");
}

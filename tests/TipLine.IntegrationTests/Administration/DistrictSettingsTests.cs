using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Hosting;
using TipLine.Intake.Reporters;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.District;
using TipLine.Teams.Escalation;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>A district administrator changes the district's settings on a page; they take effect without a restart.</summary>
public sealed class DistrictSettingsTests : RunningDistrict
{
    // Alerts on, so a new case starts its escalation (a routine tip's waits for the next digest).
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Alerts:StaffBaseUrl"] = "https://staff.example.org",
        ["Escalation:AckLinkKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    };

    [Fact]
    public async Task Saved_settings_win_over_configuration_at_once_and_a_wrong_value_saves_nothing()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var page = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/staff/admin/settings"));
        Assert.Contains("name=\"Escalation:Routine:TimeZone\" value=\"UTC\"", page, StringComparison.Ordinal);
        Assert.Contains("From the server's configuration.", page, StringComparison.Ordinal);

        var wanted = new Dictionary<string, string>
        {
            ["Escalation:Routine:TimeZone"] = "America/Chicago",
            ["Escalation:Routine:SchoolDays"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
            ["Escalation:Routine:At"] = "6:45",
            ["Escalation:Imminent:EscalateAfter"] = "00:05:00",
            ["Escalation:Imminent:RepeatEvery"] = "00:05:00",
            ["Escalation:High:EscalateAfter"] = "00:07:00",
            ["Escalation:High:RepeatEvery"] = "00:15:00",
            ["Escalation:LawEnforcementAt"] = "high",
            ["Privacy:ContactRetentionDays"] = "30",
        };
        Assert.Equal(DistrictSettingFields.All.Select(f => f.Key).Order(), wanted.Keys.Order());

        var (refused, refusedPage) = await admin.SubmitAsync("/staff/admin/settings", "/staff/admin/settings",
            [.. wanted.Select(kv => kv.Key == "Escalation:High:RepeatEvery" ? (kv.Key, "0") : (kv.Key, kv.Value))]);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("Nothing was saved", refusedPage, StringComparison.Ordinal);
        Assert.Contains("High tips: then alert again every: a time from 00:01:00", WebUtility.HtmlDecode(refusedPage), StringComparison.Ordinal);
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.district_settings"));

        var (saved, savedPage) = await admin.SubmitAsync("/staff/admin/settings", "/staff/admin/settings", [.. wanted.Select(kv => (kv.Key, kv.Value))]);
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Contains("Set here.", savedPage, StringComparison.Ordinal);

        // What every consumer reads, in this process, with no restart.
        var escalation = App.Services.GetRequiredService<IOptionsMonitor<EscalationOptions>>().CurrentValue;
        Assert.Equal(TimeSpan.FromMinutes(7), escalation.High.EscalateAfter);
        Assert.Equal(SuggestedUrgency.High, escalation.LawEnforcementAt);
        Assert.Equal(30, App.Services.GetRequiredService<IOptionsMonitor<PrivacyOptions>>().CurrentValue.ContactRetentionDays);

        // A routine tip now waits for the digest at 6:45 in Chicago.
        using (var reporter = new ReporterClient(App.CreateClient()))
        {
            await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Some kids keep vaping in the second floor bathroom");
        }
        var due = await Eventually.GetAsync(() => App.Database.ScalarAsync<DateTime?>("SELECT \"NextAttemptAt\" FROM teams.escalations LIMIT 1"),
            what: "the routine tip's escalation");
        var chicago = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(due!.Value, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        Assert.Equal((6, 45), (chicago.Hour, chicago.Minute));

        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'district.settings.save' AND \"Detail\" = 'Escalation:High:EscalateAfter: 00:15:00 → 00:07:00'"));
        Assert.Equal(6L, await App.Database.ScalarAsync<long>( // the two imminent times and High:RepeatEvery were in force already
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'district.settings.save'"));
        // A row for any other key (the teams role writes this table) never reaches configuration.
        Assert.Equal(1, await App.Database.ScalarAsync<int>(
            "WITH added AS (INSERT INTO directory.district_settings VALUES ('Staff:RequireTwoFactor', 'false', now(), gen_random_uuid()) RETURNING 1) SELECT count(*)::int FROM added"));
        App.Services.GetRequiredService<TipLine.Directory.Settings.DistrictSettingsProvider>().Refresh();
        Assert.True(App.Services.GetRequiredService<IOptionsMonitor<TipLine.Teams.Staff.StaffOptions>>().CurrentValue.RequireTwoFactor);
        Assert.Null(App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Staff:RequireTwoFactor"]);

        using var teamAdmin = await StaffClient.SignInAsync(App, "north.admin@demo.tipline.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await teamAdmin.Http.GetAsync("/staff/admin/settings")).StatusCode);
    }
}

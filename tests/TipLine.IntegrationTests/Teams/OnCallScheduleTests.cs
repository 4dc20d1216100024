using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Teams;

public sealed class OnCallScheduleTests : RunningDistrict
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private Guid Staff(string email) => App.Accounts.Single(a => a.Email == email).StaffId;

    private async Task<(StaffClient Client, OnCallPage Page)> SignInAsync(string email)
    {
        var client = await StaffClient.SignInAsync(App, email);
        return (client, new OnCallPage(client.Http));
    }

    private static DateTime ChicagoNow() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Chicago).DateTime;

    [Fact]
    public async Task An_administrator_sets_the_rotation_and_an_override_and_the_page_shows_who_is_on_call()
    {
        var (admin, page) = await SignInAsync("admin@demo.tipline.test");
        using var _ = admin;

        var saved = await page.SaveRotationAsync(DemoDistrict.LincolnTeam, [Staff("counselor@demo.tipline.test")],
            leftOut: [Staff("admin@demo.tipline.test"), Staff("sro@demo.tipline.test")]);
        var afterRotation = await page.HtmlAsync();
        var added = await page.AddOverrideAsync(DemoDistrict.LincolnTeam, Staff("sro@demo.tipline.test"),
            ChicagoNow().AddHours(-1), ChicagoNow().AddDays(1));
        var afterOverride = await page.HtmlAsync();
        var removed = await page.PostAsync("removeOverride", DemoDistrict.LincolnTeam,
            [new("overrideId", OnCallPage.OverrideIds(afterOverride).Single().ToString())]);
        var afterRemoval = await page.HtmlAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("Sam Counselor", OnCallPage.Field(afterRotation, DemoDistrict.LincolnTeam));
        Assert.Equal("no handoff in the next 90 days", OnCallPage.Field(afterRotation, DemoDistrict.LincolnTeam, "next"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.StartsWith("Officer Lee (covering, override) until", OnCallPage.Field(afterOverride, DemoDistrict.LincolnTeam));
        Assert.StartsWith("Sam Counselor from", OnCallPage.Field(afterOverride, DemoDistrict.LincolnTeam, "next"));
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal("Sam Counselor", OnCallPage.Field(afterRemoval, DemoDistrict.LincolnTeam));
        Assert.Equal(3L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"ActorId\" = '{Staff("admin@demo.tipline.test")}' AND \"Action\" LIKE 'schedule.%' AND \"Allowed\""));
    }

    [Fact]
    public async Task A_member_of_another_team_cannot_see_or_edit_the_schedule_and_the_attempt_is_audited()
    {
        var (northAdmin, northAdminPage) = await SignInAsync("north.admin@demo.tipline.test");
        var (northPsych, northPsychPage) = await SignInAsync("north.psych@demo.tipline.test");
        using var _ = northAdmin;
        using var __ = northPsych;

        var otherTeam = await northAdminPage.SaveRotationAsync(DemoDistrict.LincolnTeam, [Staff("north.admin@demo.tipline.test")]);
        var notAnAdministrator = await northPsychPage.SaveRotationAsync(DemoDistrict.NorthTeam, [Staff("north.psych@demo.tipline.test")]);
        var ownTeam = await northAdminPage.SaveRotationAsync(DemoDistrict.NorthTeam, [Staff("north.psych@demo.tipline.test")],
            leftOut: [Staff("north.admin@demo.tipline.test")]);
        var html = await northAdminPage.HtmlAsync();

        Assert.Equal(HttpStatusCode.Forbidden, otherTeam.Status);
        Assert.Equal(HttpStatusCode.Forbidden, notAnAdministrator.Status);
        Assert.Equal(HttpStatusCode.Redirect, ownTeam.Status);
        Assert.Equal("(team not shown)", OnCallPage.Field(html, DemoDistrict.LincolnTeam));
        Assert.Equal("Riley Psych", OnCallPage.Field(html, DemoDistrict.NorthTeam));
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.rotations WHERE \"TeamId\" <> '" + DemoDistrict.NorthTeam + "'"));
        Assert.Equal(2L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'schedule.rotation.save' AND NOT \"Allowed\""));
    }

    [Fact]
    public async Task A_rotation_with_an_unknown_time_zone_is_refused_with_a_message_and_nothing_changes()
    {
        var (admin, page) = await SignInAsync("admin@demo.tipline.test");
        using var _ = admin;

        var (status, html) = await page.SaveRotationAsync(DemoDistrict.LincolnTeam, [Staff("sro@demo.tipline.test")], timeZone: "Mars/Olympus_Mons");
        var (overlapStatus, overlapHtml) = await page.AddOverrideAsync(DemoDistrict.LincolnTeam, Staff("sro@demo.tipline.test"),
            ChicagoNow().AddDays(2), ChicagoNow().AddDays(1));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"Mars/Olympus_Mons\" is not an IANA time zone", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overlapStatus);
        Assert.Contains("An override must end after it starts.", overlapHtml, StringComparison.Ordinal);
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.rotations"));
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.on_call_overrides"));
    }

    [Fact]
    public async Task Routing_assigns_the_member_the_schedule_has_on_call()
    {
        var (admin, page) = await SignInAsync("admin@demo.tipline.test");
        using var _ = admin;
        await page.SaveRotationAsync(DemoDistrict.LincolnTeam, [Staff("sro@demo.tipline.test")],
            leftOut: [Staff("admin@demo.tipline.test"), Staff("counselor@demo.tipline.test")]);

        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone said they will bring a gun to the dance");
        var queued = await admin.WaitForCaseAsync();
        var detail = await admin.CaseAsync(queued.CaseId);

        Assert.Equal("Officer Lee", detail.AssignedTo);
        Assert.Contains($"\"OnCallMemberId\":\"{Staff("sro@demo.tipline.test")}\"", App.PublishedMessages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_with_nobody_on_call_gets_the_district_fallback_who_can_open_and_acknowledge_the_case()
    {
        var (admin, page) = await SignInAsync("admin@demo.tipline.test");
        using var _ = admin;
        await page.SaveRotationAsync(DemoDistrict.LincolnTeam, [],
            leftOut: [Staff("admin@demo.tipline.test"), Staff("counselor@demo.tipline.test"), Staff("sro@demo.tipline.test")]);
        var html = await page.HtmlAsync();

        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "A student is selling vapes behind the gym");
        var queued = await admin.WaitForCaseAsync();
        using var district = await StaffClient.SignInAsync(App, "district.safety@demo.tipline.test");
        var detail = await district.CaseAsync(queued.CaseId);

        Assert.StartsWith("Casey District (district 24/7 team", OnCallPage.Field(html, DemoDistrict.LincolnTeam));
        Assert.Equal("Casey District", detail.AssignedTo);
        Assert.Equal(HttpStatusCode.NoContent, await district.AcknowledgeAsync(queued.CaseId));
        Assert.Equal("Casey District", (await admin.CaseAsync(queued.CaseId)).AcknowledgedBy);
        using var north = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await north.GetCaseAsync(queued.CaseId)).Status);
    }
}

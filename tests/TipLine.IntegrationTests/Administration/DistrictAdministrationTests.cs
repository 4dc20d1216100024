using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>District administrators change schools and teams; a change shows at once, bad input is refused in words.</summary>
public sealed class DistrictAdministrationTests : RunningDistrict
{
    [Fact]
    public async Task A_new_school_is_offered_on_the_report_form_at_once_and_bad_changes_are_refused_with_reasons()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        Assert.DoesNotContain("Harbor View Middle School", await reporter.Http.GetStringAsync("/report"), StringComparison.Ordinal);
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");

        using var taken = await admin.Http.PostAsJsonAsync("/api/admin/schools", new { Name = "Harbor View Middle School", Code = "lhs", TeamId = DemoDistrict.NorthTeam });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Another school already has the code LHS", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var secondDistrictEntry = await admin.Http.PostAsJsonAsync("/api/admin/schools",
            new { Name = "Not sure", Code = "NS", TeamId = DemoDistrict.NorthTeam, IsDistrictWide = true });
        Assert.Contains("already has its entry", await secondDistrictEntry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badLanguage = await admin.Http.PostAsJsonAsync("/api/admin/teams", new { Name = "Harbor team", WorkingLanguage = "xx" });
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        using var sameName = await admin.Http.PostAsJsonAsync("/api/admin/teams", new { Name = "LINCOLN HIGH btam TEAM", WorkingLanguage = "en" });
        Assert.Contains("There is already a team called", await sameName.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (status, page) = await admin.SubmitAsync("/staff/admin/district", "/staff/admin/district?handler=School",
            ("name", "Harbor View Middle School"), ("code", "hvms"), ("team", DemoDistrict.NorthTeam.ToString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("School Harbor View Middle School saved", page, StringComparison.Ordinal);
        Assert.Contains("<td>HVMS</td>", page, StringComparison.Ordinal);
        Assert.Contains("Harbor View Middle School", await reporter.Http.GetStringAsync("/report"), StringComparison.Ordinal);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'district.school.save' AND \"Allowed\""));
    }

    [Fact]
    public async Task A_phone_number_is_pointed_at_a_school_or_the_district_then_removed_and_a_malformed_one_is_refused()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var (refused, refusedPage) = await admin.SubmitAsync("/staff/admin/district", "/staff/admin/district?handler=Number", ("number", "555-0199"), ("school", ""));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("international form", refusedPage, StringComparison.Ordinal);

        var (saved, page) = await admin.SubmitAsync("/staff/admin/district", "/staff/admin/district?handler=Number",
            ("number", "+1 (555) 555-0199"), ("school", DemoDistrict.RooseveltMiddle.ToString()));
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Contains("<tr><td>+15555550199</td><td>Roosevelt Middle School</td>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<TipLine.Directory.SchoolDirectory>();
        Assert.Equal(DemoDistrict.RooseveltMiddle, (await directory.OwnerOfNumberAsync("+15555550199", CancellationToken.None)).SchoolId);

        // Moved to the district: texters to it name their school.
        await admin.SubmitAsync("/staff/admin/district", "/staff/admin/district?handler=Number", ("number", "+15555550199"), ("school", ""));
        var owner = await directory.OwnerOfNumberAsync("+15555550199", CancellationToken.None);
        Assert.True(owner.Known);
        Assert.Null(owner.SchoolId);

        // Taken out of service: gone from the list and the directory; the removal is audited with the number.
        var (removed, afterRemoval) = await admin.SubmitAsync("/staff/admin/district", "/staff/admin/district?handler=RemoveNumber", ("number", "+15555550199"));
        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Contains("Number +15555550199 removed.", WebUtility.HtmlDecode(afterRemoval), StringComparison.Ordinal);
        Assert.DoesNotContain("<td>+15555550199</td>", WebUtility.HtmlDecode(afterRemoval), StringComparison.Ordinal);
        Assert.False((await directory.OwnerOfNumberAsync("+15555550199", CancellationToken.None)).Known);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'district.number.remove' AND \"Detail\" = '+15555550199'"));
        var (again, _) = await admin.SubmitAsync("/staff/admin/district", "/staff/admin/district?handler=RemoveNumber", ("number", "+15555550199"));
        Assert.Equal(HttpStatusCode.BadRequest, again);
    }

    [Fact]
    public async Task Only_district_administrators_change_the_district_and_a_refusal_is_audited()
    {
        using var teamAdmin = await StaffClient.SignInAsync(App, "north.admin@demo.tipline.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await teamAdmin.Http.GetAsync("/staff/admin/district")).StatusCode);
        using var api = await teamAdmin.Http.PostAsJsonAsync("/api/admin/teams", new { Name = "Rogue team", WorkingLanguage = "en" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(0L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM directory.teams WHERE \"Name\" = 'Rogue team'"));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'district.view' AND NOT \"Allowed\""));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'access.refused' AND \"Detail\" = 'POST /api/admin/teams' AND NOT \"Allowed\""));
    }
}

using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Teams;

public sealed class CaseAccessTests : RunningDistrict
{
    [Fact]
    public async Task A_staff_member_of_another_schools_team_cannot_open_the_case_and_the_attempt_is_audited()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone posted that they want to hurt people at the game");
        using var lincoln = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await lincoln.WaitForCaseAsync();

        using var north = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        var (status, body) = await north.GetCaseAsync(queued.CaseId);
        using var page = await north.Http.GetAsync($"/staff/cases/{queued.CaseId}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("hurt people", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Empty(await north.QueueAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await north.AskAsync(queued.CaseId, "Who are you?"));
        var northId = App.Accounts.Single(a => a.Email == "north.psych@demo.tipline.test").StaffId;
        Assert.Equal(3L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"ActorId\" = '{northId}' AND \"CaseId\" = '{queued.CaseId}' AND NOT \"Allowed\""));
    }

    [Fact]
    public async Task Every_case_view_is_audited_and_the_audit_log_cannot_be_rewritten()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "My friend says she wants to end her life");
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        await staff.CaseAsync(queued.CaseId);

        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'case.view' AND \"CaseId\" = '{queued.CaseId}' AND \"Allowed\""));
        foreach (var rewrite in new[] { "DELETE FROM teams.audit_entries", "UPDATE teams.audit_entries SET \"Allowed\" = NOT \"Allowed\"", "TRUNCATE teams.audit_entries" })
        {
            var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => App.Database.ScalarAsync<object>(rewrite));
            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        }
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'case.view' AND \"CaseId\" = '{queued.CaseId}' AND \"Allowed\""));
    }

    [Fact]
    public async Task The_API_and_its_OpenAPI_description_need_a_signed_in_staff_member()
    {
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cases")).StatusCode);
        using var described = await anonymous.GetAsync("/openapi/v1.json");
        Assert.NotEqual(HttpStatusCode.OK, described.StatusCode);
        Assert.DoesNotContain("/api/cases", await described.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        Assert.Contains("/api/cases/{caseId}/questions", await staff.Http.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_alerts_there_is_no_acknowledgement_link_page()
    {
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/staff/ack/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
    }

    [Fact]
    public async Task Two_members_acknowledging_at_once_record_one_acknowledgement()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone wrote a list of names on the bus");
        using var counselor = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        using var sro = await StaffClient.SignInAsync(App, "sro@demo.tipline.test");
        var queued = await counselor.WaitForCaseAsync();

        await Task.WhenAll(counselor.AcknowledgeAsync(queued.CaseId), sro.AcknowledgeAsync(queued.CaseId));

        // Evidence that every acknowledgement message there is has been published: teams' outbox is empty.
        await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.outbox_messages") == 0 ? (object?)true : null,
            what: "teams' outbox relayed");
        var detail = await counselor.CaseAsync(queued.CaseId);
        Assert.True(detail.AcknowledgedBy is "Sam Counselor" or "Officer Lee", detail.AcknowledgedBy);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(App.PublishedMessages, "^CaseAcknowledged ", System.Text.RegularExpressions.RegexOptions.Multiline));
    }
}

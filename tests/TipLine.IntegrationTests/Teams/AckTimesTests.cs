using System.Net;
using System.Net.Http.Json;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Escalation;
using Xunit;

namespace TipLine.IntegrationTests.Teams;

public sealed class AckTimesTests : RunningDistrict
{
    [Fact]
    public async Task District_admins_see_time_to_first_acknowledgement_per_team_and_overall()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone keeps taking my lunch");
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone keeps taking my bus seat");
        using var counselor = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        var queued = await counselor.WaitForCaseAsync();
        await Eventually.GetAsync(async () => (await counselor.QueueAsync()).Count == 2 ? "" : null, what: "both cases");
        await counselor.AcknowledgeAsync(queued.CaseId);
        var waited = (await counselor.CaseAsync(queued.CaseId)).AcknowledgedAt!.Value - queued.AcceptedAt;
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");

        var rows = await admin.Http.GetFromJsonAsync<List<AckTimeRow>>("/api/admin/ack-times", StaffClient.Json);
        var page = await admin.Http.GetStringAsync("/staff/metrics");
        using var refused = await counselor.Http.GetAsync("/api/admin/ack-times");
        using var refusedPage = await counselor.Http.GetAsync("/staff/metrics");

        var lincoln = Assert.Single(rows!, r => r.TeamId == DemoDistrict.LincolnTeam);
        var all = Assert.Single(rows!, r => r.TeamId is null);
        Assert.Equal(("Lincoln High BTAM team", 1L, 1L), (lincoln.Team, lincoln.Acknowledged, lincoln.Waiting));
        Assert.Equal(("All teams", 1L, 1L), (all.Team, all.Acknowledged, all.Waiting));
        Assert.Equal(waited.TotalSeconds, lincoln.MedianSeconds!.Value, 0.01);
        Assert.Equal(waited.TotalSeconds, lincoln.P95Seconds!.Value, 0.01);
        Assert.Contains("Lincoln High BTAM team", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedPage.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Api;
using Xunit;

namespace TipLine.IntegrationTests.Teams;

/// <summary>
/// Tips about one incident are grouped across languages (the Spanish one is compared through its translation by APY), shown
/// as one row, acknowledged together, and a wrong grouping is undone; a different incident, or another school, stays apart.
/// </summary>
public sealed class IncidentTests : RunningDistrict
{
    private const string Threat = "A student says he will bring a gun to school tomorrow and shoot everyone";

    [Fact]
    public async Task The_same_threat_in_english_and_spanish_is_one_incident_and_a_different_one_is_not()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, Threat);
        var first = await staff.WaitForCaseAsync();
        await reporter.SubmitAsync("es", DemoDistrict.LincolnHigh, "Un estudiante dice que traerá una pistola a la escuela mañana y disparará a todos");
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "There was a fight after school near the gym, two boys got hurt");
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "he said he will bring a gun to school tomorrow and shoot everyone!!");
        await reporter.SubmitAsync("en", DemoDistrict.RooseveltMiddle, Threat);

        var queue = await Eventually.GetAsync(async () => await staff.QueueAsync() is { Count: 4 } q ? q : null, what: "Lincoln's four cases");
        var spanish = queue.Single(c => c.ReporterLanguage == "es");
        var fight = queue.Single(c => c.ReporterLanguage == "en" && c.CaseId != first.CaseId && c.IncidentId is null);
        Assert.Equal(first.CaseId, spanish.IncidentId);
        Assert.Equal(3, queue.Count(c => c.IncidentId == first.CaseId));
        Assert.Null(fight.IncidentId);
        // The same words at another school are another incident (its case may open after Lincoln's four).
        await Eventually.GetAsync(async () => await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.cases WHERE \"SchoolId\" = '{DemoDistrict.RooseveltMiddle}'") > 0 ? "opened" : null, what: "Roosevelt's case");
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.cases WHERE \"SchoolId\" = '{DemoDistrict.RooseveltMiddle}' AND \"IncidentId\" IS NULL"));
        Assert.DoesNotContain(queue, c => c.PossibleFlood);

        // The queue page shows the incident as one row with its count; the incident page lists each tip.
        var page = await staff.Http.GetStringAsync("/staff");
        Assert.Contains("3 tips about one incident", page, StringComparison.Ordinal);
        Assert.Contains($"/staff/cases/{fight.CaseId}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/staff/cases/{spanish.CaseId}", page, StringComparison.Ordinal);
        var incidentPage = await staff.Http.GetStringAsync($"/staff/incidents/{first.CaseId}");
        Assert.Contains($"/staff/cases/{spanish.CaseId}", incidentPage, StringComparison.Ordinal);
        Assert.Contains("Acknowledge all 3 open tips", incidentPage, StringComparison.Ordinal);

        // A wrong grouping is undone: the Spanish tip leaves, and is audited; acknowledging the incident then takes the other two.
        using (var apart = await staff.Http.PostAsJsonAsync($"/api/cases/{spanish.CaseId}/keep-apart", new AcknowledgeRequest()))
        {
            Assert.Equal(HttpStatusCode.NoContent, apart.StatusCode);
        }
        Assert.Null((await staff.QueueAsync()).Single(c => c.CaseId == spanish.CaseId).IncidentId);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'incident.keep_apart' AND \"CaseId\" = '{spanish.CaseId}'"));
        using var acknowledged = await staff.Http.PostAsJsonAsync($"/api/incidents/{first.CaseId}/acknowledge", new AcknowledgeRequest());
        Assert.Equal(2, (await acknowledged.Content.ReadFromJsonAsync<IncidentAcknowledged>())!.Acknowledged);
        var after = await staff.QueueAsync();
        Assert.All(after.Where(c => c.IncidentId == first.CaseId), c => Assert.True(c.Acknowledged));
        Assert.False(after.Single(c => c.CaseId == spanish.CaseId).Acknowledged);
        Assert.False(after.Single(c => c.CaseId == fight.CaseId).Acknowledged);
        Assert.Equal(2L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'case.acknowledge' AND \"Allowed\""));

        // Another member of another team cannot acknowledge Lincoln's incident.
        using var north = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, Threat + " at lunch");
        var late = await staff.WaitForCaseAsync(c => !c.Acknowledged && c.IncidentId == first.CaseId);
        using var foreign = await north.Http.PostAsJsonAsync($"/api/incidents/{first.CaseId}/acknowledge", new AcknowledgeRequest());
        Assert.Equal(0, (await foreign.Content.ReadFromJsonAsync<IncidentAcknowledged>())!.Acknowledged);
        Assert.False((await staff.QueueAsync()).Single(c => c.CaseId == late.CaseId).Acknowledged);
    }

    [Fact]
    public async Task Many_copies_of_one_text_in_a_short_time_are_marked_a_possible_flood_and_all_kept()
    {
        using var reporter = new ReporterClient(App.CreateClient());
        using var staff = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        for (var i = 0; i < 6; i++) await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, i % 2 == 0 ? "Someone is in danger right now" : "someone is in danger RIGHT NOW!!", "yes");
        await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "A girl in 7th grade told me she wants to kill herself tonight");

        var queue = await Eventually.GetAsync(async () => await staff.QueueAsync() is { Count: 7 } q ? q : null, what: "seven cases");
        var copies = queue.Where(c => c.DangerNow).ToList();
        Assert.Equal(6, copies.Count);
        // The flood mark needs five copies: the first four were not yet a flood when they arrived, and are marked with the fifth.
        Assert.All(copies, c => Assert.True(c.PossibleFlood));
        Assert.False(queue.Single(c => !c.DangerNow).PossibleFlood);
        Assert.Single(copies.Select(c => c.IncidentId).Distinct());
        var detail = await staff.CaseAsync(copies[0].CaseId);
        Assert.True(detail.Incident.PossibleFlood);
        Assert.Equal(6, detail.Incident.Tips);
        Assert.Contains("possible flood or template", await staff.Http.GetStringAsync($"/staff/cases/{copies[0].CaseId}"), StringComparison.Ordinal);
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Directory;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Bus;

/// <summary>Intake and the staff side as separate processes, and the safety net between them.</summary>
public sealed class SafetyNetTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastSafetyNet = new()
    {
        ["SafetyNet:RouteWithin"] = "00:00:02",
        ["SafetyNet:SweepInterval"] = "00:00:01",
    };

    private AppEnvironment environment = null!;

    public async Task InitializeAsync() => environment = await AppEnvironment.CreateAsync();

    public async Task DisposeAsync() => await environment.DisposeAsync();

    [Fact]
    public async Task A_tip_published_before_routing_runs_is_published_again_and_reaches_the_queue()
    {
        var schoolId = Guid.NewGuid();
        await using (var intake = await TipLineApp.StartAsync(environment, "intake", FastSafetyNet))
        {
            await AddSchoolAsync(intake, schoolId);
            using var reporter = new ReporterClient(intake.CreateClient());
            var submitted = await reporter.SubmitAsync("en", schoolId, "Someone said they would bring a gun on Friday");
            Assert.Equal(HttpStatusCode.OK, submitted.Status);
            // The public process has no staff surface at all.
            Assert.Equal(HttpStatusCode.NotFound, (await reporter.Http.GetAsync("/staff")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reporter.Http.GetAsync("/api/cases")).StatusCode);

            // Nothing consumed that first publication (routing was not running); now the staff side starts.
            await using var staffSide = await TipLineApp.StartAsync(environment, "routing,teams", FastSafetyNet, seed: false);
            await Eventually.GetAsync(async () =>
                await intake.Database.ScalarAsync<long>("SELECT count(*) FROM teams.cases") == 1 ? (object)true : null,
                TimeSpan.FromSeconds(60), "the republished report to open a case");
            await Eventually.GetAsync(async () => await intake.Database.ScalarAsync<long>(
                "SELECT count(*) FROM intake.reports WHERE \"CaseOpenedAt\" IS NOT NULL AND \"LastRepublishedAt\" IS NOT NULL") == 1 ? (object)true : null,
                what: "intake to learn that the case is open");
            Assert.Contains("\"Count\":1", intake.PublishedMessages, StringComparison.Ordinal);
            await Eventually.GetAsync(async () =>
                await intake.Database.ScalarAsync<long>("SELECT count(*) FROM teams.system_health") == 1 ? (object)true : null,
                what: "the unrouted count to reach the administrators' view");
        }
    }

    private static async Task AddSchoolAsync(TipLineApp app, Guid schoolId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var team = new Team { Id = Guid.NewGuid(), Name = "Test BTAM team" };
        directory.Teams.Add(team);
        directory.Schools.Add(new School { Id = schoolId, Name = "Test High", Code = "TH", TeamId = team.Id });
        await directory.SaveChangesAsync();
    }
}

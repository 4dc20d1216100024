using System.Collections.Concurrent;
using System.Net;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TipLine.IntegrationTests.Bus;

/// <summary>
/// The public surface's process is killed (SIGKILL) while reporters keep submitting and tips it committed still wait
/// in its outbox. After a restart every tip it stored becomes exactly one case.
/// </summary>
// Alone: eight reporters at full speed on two cores would slow every test beside this one.
[Collection(Alone.Name)]
public sealed class ProcessKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private AppEnvironment environment = null!;
    private TipLineApp pipeline = null!;

    public async Task InitializeAsync()
    {
        environment = await AppEnvironment.CreateAsync();
        pipeline = await TipLineApp.StartAsync(environment, target: "routing,teams");
    }

    public async Task DisposeAsync()
    {
        await pipeline.DisposeAsync();
        await environment.DisposeAsync();
    }

    [Fact]
    public async Task Tips_committed_but_not_yet_published_when_the_process_is_killed_each_become_one_case_after_restart()
    {
        var receipts = new ConcurrentBag<string>();
        var unpublishedAtKill = 0L;
        var rounds = 0;
        var publishedBeforeKill = 0L;
        // A kill may land just after the relay emptied the outbox; then the load runs again.
        for (; rounds < 5 && unpublishedAtKill == 0; rounds++)
        {
            await using var intake = await TipLineProcess.StartAsync(environment, "intake");
            using var load = new CancellationTokenSource();
            var reporters = Enumerable.Range(0, 8).Select(_ => SubmitUntilStoppedAsync(intake.BaseAddress, receipts, load.Token)).ToList();
            var before = receipts.Count;
            // Killed under load: once reporters have had receipts, at a moment tips wait in the outbox.
            await Eventually.GetAsync(async () => receipts.Count >= before + 20 && await CountAsync("intake.outbox_messages") > 0 ? "" : null,
                what: "receipts given and tips waiting in the outbox");
            intake.Kill();
            await load.CancelAsync();
            await Task.WhenAll(reporters);
            unpublishedAtKill = await CountAsync("intake.outbox_messages");
            publishedBeforeKill = await CountAsync("intake.reports") - await CountAsync("intake.outbox_messages WHERE message_type LIKE '%ReportSubmitted'");
        }
        Assert.True(unpublishedAtKill > 0, "No kill caught a committed tip before its publish.");
        Assert.NotEmpty(receipts);

        await using (await TipLineProcess.StartAsync(environment, "intake"))
        {
            await Eventually.GetAsync(async () => await CountAsync("intake.outbox_messages") == 0
                && await CountAsync("teams.cases") == await CountAsync("intake.reports") ? "" : null,
                within: TimeSpan.FromSeconds(120), what: "every stored tip in the team's queue");
        }
        var stored = await CountAsync("intake.reports");
        output.WriteLine($"{rounds} kill(s); {publishedBeforeKill} tips published and {unpublishedAtKill} outbox rows waiting at the kill; "
            + $"{receipts.Count} receipts; {stored} tips stored");
        Assert.True(stored >= receipts.Count, $"{receipts.Count} receipts given but {stored} tips stored.");
        Assert.Equal(0L, await CountAsync("intake.reports r WHERE NOT EXISTS (SELECT 1 FROM teams.cases c WHERE c.\"ReportId\" = r.\"Id\")"));
        Assert.Equal(stored, await pipeline.Database.ScalarAsync<long>("SELECT count(DISTINCT \"ReportId\") FROM teams.cases"));
        Assert.Equal(stored, await CountAsync("teams.cases"));
    }

    /// <summary>One reporter submitting again and again; a submission cut off by the kill has no receipt and is not counted.</summary>
    private static async Task SubmitUntilStoppedAsync(Uri intake, ConcurrentBag<string> receipts, CancellationToken stop)
    {
        using var reporter = new ReporterClient(new HttpClient { BaseAddress = intake, Timeout = TimeSpan.FromSeconds(10) });
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var result = await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "Someone said they would bring a knife to the dance");
                if (result is { Status: HttpStatusCode.OK, Code: { } code }) receipts.Add(code);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The process is gone mid-request: that tip may or may not have been stored; the counts below cover both.
                return;
            }
        }
    }

    private Task<long> CountAsync(string from) => pipeline.Database.ScalarAsync<long>($"SELECT count(*) FROM {from}");
}

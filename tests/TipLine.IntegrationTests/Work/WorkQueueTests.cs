using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TipLine.Bus.Database;
using TipLine.Bus.Work;
using TipLine.Contracts;
using TipLine.Intake;
using TipLine.Intake.Channels.Email;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Work;

/// <summary>
/// The one work queue on real PostgreSQL, with a stand-in handler on intake's outgoing-mail rows: retries with backoff,
/// the poison limit, leases of dead workers, hand-back on shutdown, and no item taken twice.
/// </summary>
public sealed class WorkQueueTests : IAsyncLifetime
{
    private const string Kind = "Test";
    private AppEnvironment district = null!;

    public async Task InitializeAsync() => district = await AppEnvironment.CreateAsync();

    public async Task DisposeAsync() => await district.DisposeAsync();

    [Fact]
    public async Task An_item_that_always_fails_is_retried_with_backoff_then_given_up_once_and_parked_with_its_error_type()
    {
        var id = await EnqueueAsync();
        var handler = new Record { Fail = true };

        await using (await StartWorkersAsync(handler))
        {
            await WaitUntilParkedAsync(id);
        }

        Assert.Equal(3, handler.Attempts[id]);
        Assert.Equal(1, handler.GivenUp[id]);
        Assert.Equal("InvalidOperationException after 3", await ScalarAsync<string>(
            $"SELECT \"LastError\" || ' after ' || \"Attempts\" FROM intake.email_pending WHERE \"Id\" = '{id}'"));
        // Backoff: the second and third attempts each waited at least half their step (50 ms, then 100 ms).
        Assert.True(handler.Times[id][1] - handler.Times[id][0] >= TimeSpan.FromMilliseconds(25));
        Assert.True(handler.Times[id][2] - handler.Times[id][1] >= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Parked_items_are_counted_by_error_type_and_removed_once_past_retention()
    {
        var old = await EnqueueAsync();
        var recent = await EnqueueAsync();
        await district.Database.ScalarAsync<object?>($"""
            UPDATE intake.email_pending SET "DeadAt" = now() - interval '91 days', "LastError" = 'HttpRequestException' WHERE "Id" = '{old}';
            UPDATE intake.email_pending SET "DeadAt" = now() - interval '1 day', "LastError" = 'HttpRequestException' WHERE "Id" = '{recent}';
            """);
        QueuedKind[] kinds = [new(Kind, typeof(IntakeDbContext), typeof(PendingEmail))];
        await using var db = new IntakeDbContextFactory().Create(district.Database.ConnectionString);

        Assert.Equal(new DeadWorkCount(Kind, "HttpRequestException", 2), Assert.Single(await DeadWork.CountAsync(db, kinds, CancellationToken.None)));
        Assert.Equal(1, await DeadWork.PurgeAsync(db, kinds, DateTimeOffset.UtcNow.AddDays(-90), CancellationToken.None));
        Assert.Equal($"{recent}", $"{await ScalarAsync<Guid>("SELECT \"Id\" FROM intake.email_pending")}");
    }

    [Fact]
    public async Task An_item_whose_workers_keep_dying_is_given_up_when_its_lease_runs_out_past_the_limit()
    {
        var id = await EnqueueAsync(attempts: 3);
        var handler = new Record();

        await using (await StartWorkersAsync(handler))
        {
            await WaitUntilParkedAsync(id);
        }

        Assert.False(handler.Attempts.ContainsKey(id));
        Assert.Equal(1, handler.GivenUp[id]);
        Assert.Equal("LeaseExpired", await ScalarAsync<string>($"SELECT \"LastError\" FROM intake.email_pending WHERE \"Id\" = '{id}'"));
    }

    [Fact]
    public async Task An_item_under_way_at_shutdown_is_handed_back_due_now_and_its_attempt_does_not_count()
    {
        var id = await EnqueueAsync();
        var handler = new Record { Block = true };

        var workers = await StartWorkersAsync(handler);
        await Eventually.GetAsync(() => Task.FromResult<object?>(handler.Attempts.ContainsKey(id) ? true : null), what: "the item under way");
        Assert.Equal(1, await ScalarAsync<int>($"SELECT \"Attempts\" FROM intake.email_pending WHERE \"Id\" = '{id}'"));
        await workers.DisposeAsync();

        Assert.Equal("0 attempts, due: true", await ScalarAsync<string>(
            $"SELECT \"Attempts\" || ' attempts, due: ' || (\"NextAttemptAt\" <= now()) FROM intake.email_pending WHERE \"Id\" = '{id}'"));
        Assert.False(handler.GivenUp.ContainsKey(id));
    }

    [Fact]
    public async Task Two_processes_working_one_queue_take_each_item_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++) ids.Add(await EnqueueAsync());
        var handler = new Record();

        await using (await StartWorkersAsync(handler))
        await using (await StartWorkersAsync(handler))
        {
            await Eventually.GetAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM intake.email_pending") == 0 ? (object?)true : null,
                what: "every item done");
        }

        Assert.All(ids, id => Assert.Equal(1, handler.Attempts[id]));
    }

    private async Task<Guid> EnqueueAsync(int attempts = 0)
    {
        var id = Guid.NewGuid();
        // A worker that died holding the item leaves it claimed: attempts counted, lease run out.
        await district.Database.ScalarAsync<object?>($"""
            INSERT INTO intake.email_pending ("Id", "ReportId", "Kind", "CreatedAt", "NextAttemptAt", "Attempts")
            VALUES ('{id}', '{Guid.NewGuid()}', 'question', now(), now() - interval '1 second', {attempts})
            """);
        return id;
    }

    private async Task WaitUntilParkedAsync(Guid id) => await Eventually.GetAsync(async () => await ScalarAsync<long>(
        $"SELECT count(*) FROM intake.email_pending WHERE \"Id\" = '{id}' AND \"DeadAt\" IS NOT NULL") == 1 ? (object?)true : null,
        what: "the item parked as dead");

    private Task<T> ScalarAsync<T>(string sql) => district.Database.ScalarAsync<T>(sql);

    private async Task<Workers> StartWorkersAsync(Record handler)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Work:{Kind}:PollInterval"] = "00:00:00.050",
            [$"Work:{Kind}:RetryBaseDelay"] = "00:00:00.050",
            [$"Work:{Kind}:MaxAttempts"] = "3",
        });
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton(handler);
        builder.Services.AddDbContext<IntakeDbContext>(o => o.UseModuleNpgsql(district.Database.ConnectionString, IntakeDbContext.Schema));
        builder.Services.AddQueuedWork<IntakeDbContext, PendingEmail, StandIn>(builder.Configuration, Kind);
        var host = builder.Build();
        await host.StartAsync();
        return new Workers(host);
    }

    /// <summary>A process with the queue's workers; disposing it shuts it down as a stop signal would.</summary>
    private sealed class Workers(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>What the stand-in handlers did, across processes; and whether they fail or block.</summary>
    private sealed class Record
    {
        public bool Fail { get; init; }
        public bool Block { get; init; }
        public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
        public ConcurrentDictionary<Guid, int> GivenUp { get; } = new();
        public ConcurrentDictionary<Guid, List<DateTimeOffset>> Times { get; } = new();
    }

    /// <summary>Records each attempt; fails, blocks until shutdown, or finishes the item (removing its row).</summary>
    private sealed class StandIn(IntakeDbContext db, Record record) : IWorkHandler<PendingEmail>
    {
        public async Task HandleAsync(PendingEmail item, CancellationToken ct)
        {
            record.Attempts.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
            record.Times.GetOrAdd(item.Id, _ => []).Add(DateTimeOffset.UtcNow);
            if (record.Fail) throw new InvalidOperationException("always fails");
            if (record.Block) await new TaskCompletionSource().Task.WaitAsync(ct); // held until the process shuts down
            await db.PendingEmails.Where(p => p.Id == item.Id).ExecuteDeleteAsync(ct);
        }

        public Task GiveUpAsync(PendingEmail item, CancellationToken ct)
        {
            record.GivenUp.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}

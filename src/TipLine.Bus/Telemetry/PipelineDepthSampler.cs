// Table and column names come from our own EF model, never from input.
#pragma warning disable EF1002

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TipLine.Bus.Database;
using TipLine.Bus.ErrorQueues;
using TipLine.Bus.Outbox;
using TipLine.Bus.Work;

namespace TipLine.Bus.Telemetry;

/// <summary>
/// Counts, every <c>interval</c>, the outbox rows of each module this process runs and the pending and dead items of each
/// kind of queued work, and the messages in each error queue, for <see cref="PipelineMetrics"/>' gauges. A gauge read never
/// touches the database or the broker.
/// </summary>
public sealed class PipelineDepthSampler(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleSchema> modules,
    IEnumerable<QueuedKind> kinds,
    PipelineMetrics metrics,
    ErrorQueueCounter errorQueues,
    TimeProvider clock,
    TimeSpan interval,
    bool countErrorQueues,
    ILogger<PipelineDepthSampler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                metrics.Sampled(await SampleAsync(stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("Counting the pipeline's queues failed: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<PipelineDepth> SampleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = new Dictionary<string, long>();
        var pending = new Dictionary<string, long>();
        var dead = new Dictionary<string, long>();
        foreach (var module in modules.DistinctBy(m => m.ContextType))
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            if (db.Model.FindEntityType(typeof(OutboxMessage)) is { } entity)
            {
                outbox[db.Model.GetDefaultSchema() ?? module.ContextType.Name] = await CountAsync(db, Table(entity), "true", ct);
            }
            foreach (var kind in kinds.Where(k => k.Context == module.ContextType))
            {
                var item = db.Model.FindEntityType(kind.Item)!;
                var deadAt = $"\"{item.FindProperty(nameof(IQueuedItem.DeadAt))!.GetColumnName(StoreObjectIdentifier.Table(item.GetTableName()!, item.GetSchema()))}\"";
                pending[kind.Kind] = await CountAsync(db, Table(item), $"{deadAt} IS NULL" + (kind.WaitingFilter is { } f ? $" AND ({f})" : ""), ct);
                dead[kind.Kind] = await CountAsync(db, Table(item), $"{deadAt} IS NOT NULL", ct);
            }
        }
        // The broker's own counts, from one process only (the teams one, as for administrators); none when it cannot be asked.
        var failed = countErrorQueues && await errorQueues.TryCountAsync(ct) is { } counted
            ? counted.ToDictionary(c => c.Queue, c => c.Messages)
            : new Dictionary<string, long>();
        return new PipelineDepth(outbox, pending, dead, failed);
    }

    private static string Table(IEntityType entity) => $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";

    private static async Task<long> CountAsync(DbContext db, string table, string where, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM {table} WHERE {where}").SingleAsync(ct);
}

using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Telemetry;

// Schema names in raw SQL come from our own EF model, never from input.
#pragma warning disable EF1002, EF1003

namespace TipLine.Bus.Outbox;

/// <summary>
/// Publishes one module's outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
/// relays (processes) can run side by side; a row is deleted only after the broker confirmed it
/// (MassTransit's RabbitMQ transport publishes with publisher confirms), else retried with backoff.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> log) : BackgroundService where TContext : DbContext
{
    private readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await PublishBatchAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("Outbox relay for {Module} failed a pass: {Error}", typeof(TContext).Name, e.GetType().Name);
            }
            if (published < settings.BatchSize)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes what is due; returns how many rows were confirmed.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var schema = db.Model.GetDefaultSchema();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $"SELECT * FROM \"{schema}\".outbox_messages WHERE next_attempt_at <= {{0}} " +
                "ORDER BY created_at LIMIT {1} FOR UPDATE SKIP LOCKED",
                now, settings.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        var results = await Task.WhenAll(due.Select(row => TryPublishAsync(row, ct)));
        for (var i = 0; i < due.Count; i++)
        {
            if (results[i]) db.Remove(due[i]);
            else Reschedule(due[i], now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return results.Count(ok => ok);
    }

    private async Task<bool> TryPublishAsync(OutboxMessage row, CancellationToken ct)
    {
        // The publish (and every consumer after it) continues the trace of the request or consumer that wrote the row.
        using var activity = ActivityContext.TryParse(row.TraceParent, null, out var parent)
            ? PipelineTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer, parent)
            : PipelineTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer);
        activity?.SetTag("messaging.message_id", row.Id.ToString());
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.PublishTimeout);
            var type = ContractTypes.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Payload, type, ContractTypes.Json)
                ?? throw new InvalidOperationException("Empty outbox payload.");
            await bus.Publish(message, type, context => context.MessageId = row.Id, timeout.Token);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            row.LastError = e.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, row.LastError);
            return false;
        }
    }

    private void Reschedule(OutboxMessage row, DateTimeOffset now)
    {
        row.Attempts++;
        var backoff = TimeSpan.FromMilliseconds(Math.Min(
            settings.MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(row.Attempts, 16))));
        row.NextAttemptAt = now + backoff;
        log.LogWarning("Outbox message {MessageId} not published (attempt {Attempt}, {Error}); retry in {Backoff}",
            row.Id, row.Attempts, row.LastError, backoff);
    }
}

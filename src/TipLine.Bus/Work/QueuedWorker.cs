using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Bus.Work;

/// <summary>
/// Works through one kind's queue an item at a time, so a burst never floods a provider, the CPU or memory; polls when the
/// queue is empty. Every failure is an attempt: retried with backoff until the poison limit, then given up and parked.
/// Logs the kind, attempt and error type, never content.
/// </summary>
public sealed class QueuedWorker<TContext, TItem, THandler>(
    string kind, string? claimFilter, IServiceScopeFactory scopes, IOptionsMonitor<WorkOptions> options, TimeProvider clock,
    ILogger<QueuedWorker<TContext, TItem, THandler>> log) : BackgroundService
    where TContext : DbContext where TItem : class, IQueuedItem where THandler : IWorkHandler<TItem>
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var found = false;
            try
            {
                found = await WorkOneAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database itself failed (claiming, or recording an outcome): the item's lease brings it back.
                log.LogError("{Kind} queue failed a pass: {Error}", kind, e.GetType().Name);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (found) continue;
            try
            {
                await Task.Delay(options.Get(kind).PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> WorkOneAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<WorkQueue<TContext, TItem>>();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        if (await queue.ClaimAsync(kind, claimFilter, stoppingToken) is not { } claim) return false;
        var item = claim.Item;
        if (claim.Exhausted)
        {
            await GiveUpAsync(queue, handler, item, "LeaseExpired", stoppingToken);
            return true;
        }
        try
        {
            await handler.HandleAsync(item, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await queue.HandBackAsync(item);
            throw;
        }
        catch (UnworkableException e)
        {
            await GiveUpAsync(queue, handler, item, e.Reason, stoppingToken);
        }
        catch (Exception e)
        {
            var error = e.GetType().Name;
            log.LogWarning("{Kind} item: attempt {Attempt} failed: {Error}", kind, item.Attempts, error);
            if (item.Attempts >= options.Get(kind).MaxAttempts) await GiveUpAsync(queue, handler, item, error, stoppingToken);
            else await queue.RetryLaterAsync(kind, item, error);
        }
        return true;
    }

    private async Task GiveUpAsync(WorkQueue<TContext, TItem> queue, THandler handler, TItem item, string error, CancellationToken ct)
    {
        log.LogError("{Kind} item given up after {Attempts} attempts ({Error}): parked as dead", kind, item.Attempts, error);
        item.LastError = error; // what the handler may record as the reason
        await handler.GiveUpAsync(item, ct);
        await queue.ParkAsync(item, error);
    }
}

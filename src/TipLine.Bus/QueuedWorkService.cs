using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TipLine.Bus;

/// <summary>A queue of work kept in PostgreSQL (downloading media, transcribing recordings, sending alerts).</summary>
public interface IQueuedWork
{
    /// <summary>Claims and does one item; false when there was nothing to do.</summary>
    Task<bool> ProcessNextAsync(CancellationToken ct);
}

/// <summary>
/// Works through one queue an item at a time, so a burst never floods Twilio, the CPU or memory;
/// polls when the queue is empty. A failed pass is logged by type and the loop goes on.
/// </summary>
public sealed class QueuedWorkService<TWork>(
    IServiceScopeFactory scopes, Func<TimeSpan> pollInterval, TimeProvider clock, ILogger<QueuedWorkService<TWork>> log)
    : BackgroundService where TWork : IQueuedWork
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var found = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                found = await scope.ServiceProvider.GetRequiredService<TWork>().ProcessNextAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("{Work} failed a pass: {Error}", typeof(TWork).Name, e.GetType().Name);
            }
            if (!found)
            {
                try
                {
                    await Task.Delay(pollInterval(), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

public static class QueuedWorkServiceCollectionExtensions
{
    /// <summary>Runs <typeparamref name="TWork"/> (a scoped service) in a loop, polling at <paramref name="pollInterval"/> when idle.</summary>
    public static IServiceCollection AddQueuedWork<TWork>(this IServiceCollection services, Func<IServiceProvider, TimeSpan> pollInterval)
        where TWork : IQueuedWork =>
        services.AddHostedService(sp => new QueuedWorkService<TWork>(sp.GetRequiredService<IServiceScopeFactory>(),
            () => pollInterval(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<QueuedWorkService<TWork>>>()));
}

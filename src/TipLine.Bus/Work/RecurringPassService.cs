using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TipLine.Bus.Work;

/// <summary>
/// A pass over rows that fall due (held texts to release, escalation steps and their alerts). Queued work with its own
/// rows goes through <see cref="WorkQueue{TContext, TItem}"/> instead.
/// </summary>
public interface IRecurringPass
{
    /// <summary>Does one due thing; false when there was nothing to do.</summary>
    Task<bool> ProcessNextAsync(CancellationToken ct);
}

/// <summary>Runs one pass after another while there is something due; waits when there is not. A failed pass is logged by type.</summary>
public sealed class RecurringPassService<TWork>(
    IServiceScopeFactory scopes, Func<TimeSpan> pollInterval, TimeProvider clock, ILogger<RecurringPassService<TWork>> log)
    : BackgroundService where TWork : IRecurringPass
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

public static class RecurringPassServiceCollectionExtensions
{
    /// <summary>Runs <typeparamref name="TWork"/> (a scoped service) pass after pass, waiting <paramref name="pollInterval"/> when idle.</summary>
    public static IServiceCollection AddRecurringPass<TWork>(this IServiceCollection services, Func<IServiceProvider, TimeSpan> pollInterval)
        where TWork : IRecurringPass =>
        services.AddHostedService(sp => new RecurringPassService<TWork>(sp.GetRequiredService<IServiceScopeFactory>(),
            () => pollInterval(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RecurringPassService<TWork>>>()));
}

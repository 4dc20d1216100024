using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Bus.Work;

public static class WorkServiceCollectionExtensions
{
    /// <summary>
    /// A queue of <typeparamref name="TItem"/> rows worked by <typeparamref name="THandler"/> (scoped), with the settings
    /// of section <c>Work:{kind}</c> over the kind's <paramref name="defaults"/>, validated at start.
    /// </summary>
    /// <param name="claimFilter">An extra SQL condition on claimable rows (our own text, never input), e.g. waiting for a report.</param>
    /// <param name="passedOverRowsWait">
    /// Rows the claim filter passes over wait for something else (a report), rather than being kept as a record; they
    /// still count as waiting work.
    /// </param>
    public static IServiceCollection AddQueuedWork<TContext, TItem, THandler>(this IServiceCollection services, IConfiguration configuration,
        string kind, Action<WorkOptions>? defaults = null, string? claimFilter = null, bool passedOverRowsWait = false)
        where TContext : DbContext where TItem : class, IQueuedItem where THandler : class, IWorkHandler<TItem>
    {
        services.AddOptions<WorkOptions>(kind)
            .Configure(o => defaults?.Invoke(o))
            .Bind(configuration.GetSection($"{WorkOptions.Section}:{kind}"))
            .ValidateDataAnnotations()
            .Validate(o => o.RetryMaxDelay >= o.RetryBaseDelay, $"{WorkOptions.Section}:{kind}: RetryMaxDelay must not be shorter than RetryBaseDelay.")
            .ValidateOnStart();
        services.TryAddScoped<WorkQueue<TContext, TItem>>();
        services.AddSingleton(new QueuedKind(kind, typeof(TContext), typeof(TItem), passedOverRowsWait ? null : claimFilter));
        services.TryAddScoped<THandler>();
        return services.AddHostedService(sp => new QueuedWorker<TContext, TItem, THandler>(kind, claimFilter,
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IOptionsMonitor<WorkOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<QueuedWorker<TContext, TItem, THandler>>>()));
    }
}

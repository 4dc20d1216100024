using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipLine.Bus.Database;
using TipLine.Bus.Outbox;
using TipLine.Bus.ErrorQueues;
using TipLine.Bus.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TipLine.Bus;

public static class BusServiceCollectionExtensions
{
    /// <summary>MassTransit on RabbitMQ or in memory, with the consumers the running targets bring.</summary>
    public static IServiceCollection AddTipLineBus(
        this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator> addConsumers)
    {
        var options = configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        if (options.Transport == BusTransport.RabbitMq && options.RabbitMq.Problems().ToList() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
        services.AddSingleton(options);
        services.AddSingleton<ErrorQueueCounter>();
        services.AddHostedService<ErrorQueueRetentionPolicy>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Bus:Outbox"));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddMetrics();
        services.TryAddSingleton<PipelineMetrics>();
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(BusEndpoints.Names);
            addConsumers(x);
            if (options.Transport == BusTransport.RabbitMq)
            {
                var rabbit = options.RabbitMq;
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        h.PublisherConfirmation = true;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        return services;
    }

    /// <summary>A module's DbContext on PostgreSQL, waking its outbox relay after each commit.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services, IConfiguration configuration, string module) where TContext : DbContext
    {
        // A module may get its own least-privileged role in production: ConnectionStrings:<Module>.
        var connectionString = configuration.GetConnectionString(module) ?? configuration.GetConnectionString("TipLine")
            ?? throw new InvalidOperationException("ConnectionStrings:TipLine is not configured.");
        // Statements every tip repeats are prepared once per connection: less parsing work for PostgreSQL.
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        if (npgsql.MaxAutoPrepare == 0) npgsql.MaxAutoPrepare = 64;
        // No session state is ever changed (advisory locks are per transaction, there is no SET or
        // LISTEN), so a pooled connection needs no reset: that saves PostgreSQL a RESET ALL and more
        // on every use. A connection string that says "No Reset On Close=false" keeps the reset.
        if (!connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            npgsql.NoResetOnClose = true;
        }
        services.AddDbContextPool<TContext>((sp, o) => o
            .UseModuleNpgsql(npgsql.ConnectionString, module.ToLowerInvariant())
            .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>(), AfterCommit.Interceptor.Instance));
        return services.AddSingleton(new ModuleSchema(typeof(TContext)));
    }

    public static IServiceCollection AddOutboxRelay<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddHostedService<OutboxRelay<TContext>>();
}

using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipLine.Bus;
using TipLine.Routing.Consumers;
using TipLine.Routing.Translation;

namespace TipLine.Routing;

public static class RoutingModule
{
    /// <summary>The module's schema context for the migrate step, which alone runs as the schema owner.</summary>
    public static DbContext CreateMigrationContext(string connectionString) => new RoutingDbContextFactory().Create(connectionString);

    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<RoutingDbContext>(configuration, "Routing").AddOutboxRelay<RoutingDbContext>();
        services.AddOptions<TranslationOptions>().Bind(configuration.GetSection("Translation"));
        services.AddScoped<ReportRouter>().AddScoped<TipTranslation>();

        var apy = configuration["Translation:ApyBaseUrl"];
        if (string.IsNullOrWhiteSpace(apy))
        {
            services.AddSingleton<ITranslator, NoTranslator>();
            return services;
        }
        services.AddSingleton<ITranslator>(sp => new BatchingTranslator(sp.GetRequiredService<ApyTranslator>));
        services.AddHttpClient<ApyTranslator>(http => http.BaseAddress = new Uri(apy.TrimEnd('/') + "/"))
            .AddStandardResilienceHandler(o =>
            {
                // Translation must never hold a tip back for long: short attempts, few retries.
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(12);
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            });
        return services;
    }

    /// <summary>The module's consumers, each on its own queue with the one retry policy.</summary>
    public static IReadOnlyList<Type> Consumers { get; } =
    [
        typeof(ReportSubmittedConsumer),
        typeof(TeamQuestionAskedConsumer),
        typeof(ReporterAnsweredConsumer),
    ];

    public static void AddRoutingConsumers(this IBusRegistrationConfigurator bus) => bus.AddRetryingConsumers(Consumers);
}

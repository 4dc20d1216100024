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
        services.AddScoped<ReportRouter>().AddScoped<TipTranslation>();
        services.AddTranslation(configuration);
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

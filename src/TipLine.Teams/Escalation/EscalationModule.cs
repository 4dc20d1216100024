using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipLine.Bus;
using TipLine.Bus.Work;
using TipLine.Teams.Alerts;

namespace TipLine.Teams.Escalation;

internal static class EscalationModule
{
    /// <summary>
    /// Escalation, acknowledgement and the alert queue. The two queued kinds (Alert, Escalation) run, and the options are
    /// checked at start-up, only when alerts are on (Alerts:StaffBaseUrl set); every teams process may run them, they share
    /// the queue safely.
    /// </summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section)).ValidateDataAnnotations();
        services.AddScoped<EscalationStart>().AddScoped<EscalationSteps>().AddScoped<AlertDelivery>().AddScoped<AlertCoalescing>()
            .AddScoped<AlertAcknowledgement>().AddScoped<AlertStatusUpdates>().AddScoped<AlertTimeline>().AddScoped<AckTimes>()
            .AddSingleton<AckLinks>();
        if (configuration.GetSection("Alerts").Get<AlertOptions>() is { Enabled: true })
        {
            options.ValidateOnStart();
            services.AddQueuedWork<TeamsDbContext, AlertAttempt, AlertDelivery>(configuration, AlertDelivery.Kind, AlertDelivery.Defaults,
                AlertDelivery.ClaimFilter);
            services.AddQueuedWork<TeamsDbContext, CaseEscalation, EscalationSteps>(configuration, EscalationSteps.Kind, EscalationSteps.Defaults,
                EscalationSteps.ClaimFilter);
            services.AddScoped<EarlyStatusPurge>().AddRecurringPass<EarlyStatusPurge>(sp =>
                sp.GetRequiredService<IOptions<EscalationOptions>>().Value.EarlyStatusKeptFor / 4);
        }
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipLine.Bus;
using TipLine.Bus.Work;
using TipLine.Teams.Alerts;

namespace TipLine.Teams.Escalation;

public static class EscalationModule
{
    /// <summary>
    /// Escalation, acknowledgement and the alert queue. The worker runs, and the options are checked at start-up, only
    /// when alerts are on (Alerts:StaffBaseUrl set); every teams process may run it, they share the queue safely.
    /// </summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section)).ValidateDataAnnotations();
        services.AddScoped<EscalationStart>().AddScoped<EscalationSteps>().AddScoped<AlertDelivery>().AddScoped<EscalationWorker>()
            .AddScoped<AlertAcknowledgement>().AddScoped<AlertStatusUpdates>().AddScoped<AlertTimeline>().AddScoped<AckTimes>()
            .AddSingleton<AckLinks>();
        if (configuration.GetSection("Alerts").Get<AlertOptions>() is { Enabled: true })
        {
            options.ValidateOnStart();
            services.AddRecurringPass<EscalationWorker>(sp => sp.GetRequiredService<IOptions<EscalationOptions>>().Value.PollInterval);
        }
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipLine.Twilio.Messages;

namespace TipLine.Twilio;

public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Twilio options from the "Twilio" section and the typed clients (<see cref="TwilioMessagesClient"/>,
    /// <see cref="TwilioStoredCopies"/>). Options are checked
    /// at start-up only when the section exists, so a deployment without Twilio still starts.
    /// </summary>
    public static IServiceCollection AddTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        // Intake (reporter replies) and teams (staff alerts) both use Twilio; register it once.
        if (services.Any(d => d.ServiceType == typeof(TwilioMessagesClient))) return services;
        var section = configuration.GetSection(TwilioOptions.Section);
        var options = services.AddOptions<TwilioOptions>().Bind(section).ValidateDataAnnotations();
        if (section.Exists()) options.ValidateOnStart();

        Configure(services.AddHttpClient<TwilioMessagesClient>(), "twilio");
        Configure(services.AddHttpClient<TwilioStoredCopies>(), "twilio-copies");
        return services;
    }

    /// <summary>One HTTP set-up for every Twilio client: its retry pipeline and Twilio's redirects to storage.</summary>
    private static void Configure(IHttpClientBuilder client, string pipelineName)
    {
        client.ConfigureHttpClient(http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd("TipLine");
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's total timeout governs
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = true, // media and recordings redirect to Twilio's storage
                MaxAutomaticRedirections = 5,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler(pipelineName, (pipeline, context) =>
                TwilioRetry.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TipLine.Voicemail;

public static class VoicemailModule
{
    /// <summary>Registers <see cref="ITranscriber"/> (as chosen by Voicemail:Transcriber) and <see cref="VoiceDisguiser"/>.</summary>
    public static IServiceCollection AddVoicemail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(VoicemailOptions.Section);
        var settings = section.Get<VoicemailOptions>() ?? new VoicemailOptions();
        services.AddOptions<VoicemailOptions>().Bind(section)
            .Validate(o => Math.Abs(o.DisguisePitchCents) - Math.Max(0, o.DisguisePitchJitterCents) >= VoicemailOptions.MinimumDisguiseCents,
                $"Voicemail:DisguisePitchCents minus DisguisePitchJitterCents must stay at least {VoicemailOptions.MinimumDisguiseCents} cents from 0.")
            .Validate(o => o.ToolTimeout > TimeSpan.Zero && o.MaxAudioBytes > 0, "Voicemail:ToolTimeout and MaxAudioBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<VoiceDisguiser>();

        switch (settings.Transcriber.Trim().ToLowerInvariant())
        {
            case "pocketsphinx":
                services.AddSingleton<ITranscriber, PocketsphinxTranscriber>();
                break;
            case "openai":
                AddOpenAiTranscriber(services, settings.OpenAi);
                break;
            default:
                throw new InvalidOperationException($"Voicemail:Transcriber is '{settings.Transcriber}': expected 'pocketsphinx' or 'openai'.");
        }
        return services;
    }

    private static void AddOpenAiTranscriber(IServiceCollection services, OpenAiTranscriberOptions server)
    {
        if (!Uri.TryCreate(server.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException("Voicemail:OpenAi:BaseUrl must be an absolute http(s) URL when Voicemail:Transcriber is 'openai'.");
        }
        var attempt = server.AttemptTimeout;
        services.AddHttpClient<ITranscriber, OpenAiCompatibleTranscriber>(http =>
            {
                http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
                // The resilience pipeline owns the timeouts.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddStandardResilienceHandler(o =>
            {
                // Inference is slow but idempotent: long attempts, a couple of retries on 5xx, 408, 429 and network errors.
                o.AttemptTimeout.Timeout = attempt;
                o.TotalRequestTimeout.Timeout = attempt * (server.MaxRetryAttempts + 1) + server.RetryDelay * (2 * server.MaxRetryAttempts + 1);
                o.Retry.MaxRetryAttempts = server.MaxRetryAttempts;
                o.Retry.Delay = server.RetryDelay;
                o.CircuitBreaker.SamplingDuration = attempt * 2 + TimeSpan.FromSeconds(1);
            });
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Languages;

public static class LanguagesModule
{
    /// <summary>The district's <see cref="LanguageDetector"/>, its options validated at start, its models loaded in the background.</summary>
    public static IServiceCollection AddLanguageDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LanguageDetector(sp.GetRequiredService<IOptions<LanguageOptions>>().Value.Codes));
        services.AddHostedService<LanguageModelsWarmUp>();
        return services;
    }

    private sealed class LanguageModelsWarmUp(LanguageDetector detector, ILogger<LanguageDetector> log) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
        {
            if (!detector.WarmUp())
            {
                log.LogError("Lingua's language models were not found next to the binary (Lingua/LanguageModels): languages written in " +
                    "Latin script are detected by word lists only, and most tips in Somali, Tagalog or Portuguese will be marked not recognised");
            }
        }, stoppingToken);
    }
}

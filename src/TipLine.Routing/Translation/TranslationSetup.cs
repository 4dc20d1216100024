using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Routing.Translation.Engines;

namespace TipLine.Routing.Translation;

internal static class TranslationSetup
{
    /// <summary>
    /// Every configured engine behind one chain, behind the batching lane per pair. With no engine configured the chain
    /// is empty and every foreign-language tip is marked "needs translation".
    /// </summary>
    public static IServiceCollection AddTranslation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TranslationOptions>().Bind(configuration.GetSection(TranslationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(TranslationOptions.Section).Get<TranslationOptions>() ?? new TranslationOptions();

        // An address that is not a URL is left to the options' validation, which stops the start with a readable message.
        if (TranslationOptions.IsHttpUrl(settings.ApyBaseUrl))
            AddEngine<ApyEngine>(services, new Uri(settings.ApyBaseUrl!.TrimEnd('/') + "/"), TimeSpan.FromSeconds(5));
        if (settings.LibreTranslate.BaseUrl is { } libre)
            AddEngine<LibreTranslateEngine>(services, WithSlash(libre), TimeSpan.FromSeconds(10));
        if (settings.ChatCompletions.BaseUrl is { } chat)
            AddEngine<ChatCompletionsEngine>(services, WithSlash(chat), settings.ChatCompletions.Timeout);
        if (settings.Azure.Endpoint is { } azure)
            AddEngine<AzureTranslatorEngine>(services, WithSlash(azure), TimeSpan.FromSeconds(10));

        services.AddSingleton<TranslationChain>();
        services.AddSingleton<ITranslator>(sp => new BatchingTranslator(sp.GetRequiredService<TranslationChain>()));
        return services;
    }

    private static void AddEngine<TEngine>(IServiceCollection services, Uri baseUrl, TimeSpan attempt)
        where TEngine : class, ITranslationEngine
    {
        services.AddHttpClient<TEngine>(http => http.BaseAddress = baseUrl)
            .AddStandardResilienceHandler(o =>
            {
                // Translation must never hold a tip back for long: short attempts, few retries, and no retry of a
                // "too many requests" (the chain rests the engine and asks the next one instead).
                o.AttemptTimeout.Timeout = attempt;
                o.TotalRequestTimeout.Timeout = attempt * 2 + TimeSpan.FromSeconds(2);
                o.Retry.MaxRetryAttempts = 1;
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.Retry.ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is not null || args.Outcome.Result is { StatusCode: >= System.Net.HttpStatusCode.InternalServerError });
                o.CircuitBreaker.SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(30) ? attempt * 2 : TimeSpan.FromSeconds(30);
            });
        // One instance per engine, so its cached language list and HttpClient live as long as the chain.
        services.AddSingleton<ITranslationEngine>(sp =>
            ActivatorUtilities.CreateInstance<TEngine>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(typeof(TEngine).Name)));
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}

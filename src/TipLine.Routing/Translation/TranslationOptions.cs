using System.ComponentModel.DataAnnotations;
using TipLine.Contracts;

namespace TipLine.Routing.Translation;

/// <summary>
/// Section <c>Translation</c>: the engines a district runs and the order they are tried in. Tip text goes only to the
/// engines configured here. Validated at start.
/// </summary>
internal sealed class TranslationOptions : IValidatableObject
{
    public const string Section = "Translation";

    /// <summary>Apertium APY's base URL, e.g. http://127.0.0.1:2737. Empty: APY is not used.</summary>
    public string? ApyBaseUrl { get; set; }

    public LibreTranslateOptions LibreTranslate { get; set; } = new();

    public ChatCompletionsOptions ChatCompletions { get; set; } = new();

    public AzureTranslatorOptions Azure { get; set; } = new();

    /// <summary>
    /// The district's fallback order, engine names separated by commas ("apy,libretranslate,chat,azure"). Empty: every
    /// configured engine, local ones first, in that order.
    /// </summary>
    public string? Order { get; set; }

    /// <summary>An order for one language pair, keyed "from-to" ("vi-en": "chat,azure"), tried instead of <see cref="Order"/>.</summary>
    public Dictionary<string, string> Pairs { get; set; } = [];

    /// <summary>How long an engine's list of language pairs is kept before it is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PairsCacheFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an engine that answered "too many requests" is passed over when it gave no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RestAfterRateLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an engine that could not be reached, or timed out, is passed over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RestAfterFailure { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a tip waits for its translation, every engine together; then it routes untranslated.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The configured engines, in the default order.</summary>
    public IReadOnlyList<string> Configured =>
    [
        .. new (string Name, bool On)[]
        {
            (EngineNames.Apy, !string.IsNullOrWhiteSpace(ApyBaseUrl)),
            (EngineNames.LibreTranslate, LibreTranslate.BaseUrl is not null),
            (EngineNames.ChatCompletions, ChatCompletions.BaseUrl is not null),
            (EngineNames.Azure, Azure.Endpoint is not null),
        }.Where(e => e.On).Select(e => e.Name),
    ];

    /// <summary>The engines to try for a pair, in order.</summary>
    public IReadOnlyList<string> OrderFor(string from, string to)
    {
        foreach (var (key, order) in Pairs)
        {
            if (ParsePair(key) is var (f, t) && string.Equals(f, from, StringComparison.OrdinalIgnoreCase)
                && string.Equals(t, to, StringComparison.OrdinalIgnoreCase)) return Names(order);
        }
        return string.IsNullOrWhiteSpace(Order) ? Configured : Names(Order);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ApyBaseUrl) && !IsHttpUrl(ApyBaseUrl))
            yield return new ValidationResult("Translation:ApyBaseUrl must be an absolute http or https URL.");
        foreach (var error in LibreTranslate.Errors().Concat(ChatCompletions.Errors()).Concat(Azure.Errors()))
            yield return new ValidationResult(error);
        var configured = Configured;
        foreach (var (where, order) in Pairs.Select(p => ($"Translation:Pairs:{p.Key}", p.Value)).Prepend(("Translation:Order", Order ?? "")))
        {
            foreach (var name in Names(order).Where(n => !configured.Contains(n)))
            {
                yield return new ValidationResult(EngineNames.All.Contains(name)
                    ? $"{where} names '{name}', which is not configured."
                    : $"{where} names '{name}'; engines are {string.Join(", ", EngineNames.All)}.");
            }
        }
        foreach (var key in Pairs.Where(p => Names(p.Value).Count == 0).Select(p => p.Key))
            yield return new ValidationResult($"Translation:Pairs:{key} names no engine; leave the pair out to use Translation:Order.");
        foreach (var key in Pairs.Keys.Where(k => ParsePair(k) is null))
            yield return new ValidationResult($"Translation:Pairs:{key} is not a pair of language codes such as vi-en (known: {string.Join(", ", LanguageCodes.Reporter)}).");
    }

    /// <summary>"zh-Hans-en" → (zh-Hans, en): codes may hold a hyphen, so the known codes decide where the pair splits.</summary>
    public static (string From, string To)? ParsePair(string key) =>
        LanguageCodes.Reporter
            .Where(from => key.Length > from.Length + 1 && key.StartsWith(from + "-", StringComparison.OrdinalIgnoreCase))
            .Select(from => (From: from, To: LanguageCodes.Reporter.FirstOrDefault(to => string.Equals(to, key[(from.Length + 1)..], StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.To is not null)
            .Select(p => ((string, string)?)(p.From, p.To!))
            .FirstOrDefault();

    private static List<string> Names(string order) =>
        [.. order.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).Distinct()];

    internal static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

internal static class EngineNames
{
    public const string Apy = "apy";
    public const string LibreTranslate = "libretranslate";
    public const string ChatCompletions = "chat";
    public const string Azure = "azure";
    public static readonly IReadOnlyList<string> All = [Apy, LibreTranslate, ChatCompletions, Azure];
}

/// <summary>Section <c>Translation:LibreTranslate</c>: a self-hosted LibreTranslate server.</summary>
internal sealed class LibreTranslateOptions
{
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as <c>api_key</c> when the server requires keys.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Characters per request; the server's <c>--char-limit</c> when it has one.</summary>
    public int MaxCharacters { get; set; } = 5000;

    public IEnumerable<string> Errors()
    {
        if (BaseUrl is not null && !TranslationOptions.IsHttpUrl(BaseUrl.ToString())) yield return "Translation:LibreTranslate:BaseUrl must be an absolute http or https URL.";
        if (MaxCharacters is < 100 or > 1_000_000) yield return "Translation:LibreTranslate:MaxCharacters must be between 100 and 1,000,000.";
    }
}

/// <summary>
/// Section <c>Translation:ChatCompletions</c>: any server speaking OpenAI's chat-completions API (llama.cpp's or vLLM's
/// server, for example), asked with a fixed prompt for the translation alone.
/// </summary>
internal sealed class ChatCompletionsOptions
{
    /// <summary>The API's base, ending before <c>chat/completions</c> (e.g. http://127.0.0.1:8080/v1/).</summary>
    public Uri? BaseUrl { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as a bearer token when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The languages the district trusts the model with, comma-separated codes; pairs outside them go to the next engine.</summary>
    public string Languages { get; set; } = "";

    /// <summary>Characters of one text the model is given; a longer text goes to the next engine.</summary>
    public int MaxCharacters { get; set; } = 6000;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> LanguageList =>
        [.. Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public IEnumerable<string> Errors()
    {
        if (BaseUrl is null) yield break;
        if (!TranslationOptions.IsHttpUrl(BaseUrl.ToString())) yield return "Translation:ChatCompletions:BaseUrl must be an absolute http or https URL.";
        if (string.IsNullOrWhiteSpace(Model)) yield return "Translation:ChatCompletions:Model is required with a BaseUrl.";
        if (LanguageList.Count < 2) yield return "Translation:ChatCompletions:Languages must list at least two language codes (for example en,vi).";
        foreach (var code in LanguageList.Where(c => !LanguageCodes.Reporter.Contains(c, StringComparer.OrdinalIgnoreCase)))
            yield return $"Translation:ChatCompletions:Languages has '{code}'; known codes are {string.Join(", ", LanguageCodes.Reporter)}.";
        if (MaxCharacters is < 100 or > 1_000_000) yield return "Translation:ChatCompletions:MaxCharacters must be between 100 and 1,000,000.";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5)) yield return "Translation:ChatCompletions:Timeout must be above zero and at most 5 minutes.";
    }
}

/// <summary>Section <c>Translation:Azure</c>: Azure AI Translator, Text Translation v3.</summary>
internal sealed class AzureTranslatorOptions
{
    /// <summary>https://api.cognitive.microsofttranslator.com/ or a resource's own endpoint.</summary>
    public Uri? Endpoint { get; set; }

    public string? Key { get; set; }

    /// <summary>The resource's region, required for a regional or multi-service resource.</summary>
    public string? Region { get; set; }

    public IEnumerable<string> Errors()
    {
        if (Endpoint is null) yield break;
        if (Endpoint.Scheme != "https" && !Endpoint.IsLoopback) yield return "Translation:Azure:Endpoint must be an https URL.";
        if (string.IsNullOrWhiteSpace(Key)) yield return "Translation:Azure:Key is required with an Endpoint.";
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TipLine.Routing.Translation.Engines;

/// <summary>
/// Azure AI Translator, Text Translation v3 (POST translate?api-version=3.0). Languages come from GET languages
/// (scope=translation), cached. A request holds at most 1,000 texts and 50,000 characters, Azure's documented limits.
/// </summary>
internal sealed class AzureTranslatorEngine(HttpClient http, IOptions<TranslationOptions> options, TimeProvider clock) : ITranslationEngine
{
    public const int MaxCharactersPerRequest = 50_000;
    public const int MaxTextsPerRequest = 1_000;

    // Azure names Tagalog by its standard form, Filipino.
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase) { ["tl"] = "fil" };

    private readonly CachedList languages = new(clock, () => options.Value.PairsCacheFor);

    private AzureTranslatorOptions Settings => options.Value.Azure;

    public string Key => EngineNames.Azure;

    public string DisplayName => "Azure AI Translator";

    public async Task<EngineAnswer> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        var source = Codes.GetValueOrDefault(from, from);
        var target = Codes.GetValueOrDefault(to, to);
        var offered = await languages.GetAsync(ListLanguagesAsync, ct);
        if (!offered.Contains(source) || !offered.Contains(target)) return EngineAnswer.NotOffered;
        if (texts.Any(t => t.Length > MaxCharactersPerRequest)) return EngineAnswer.TooLong;
        var translated = new List<string>(texts.Count);
        foreach (var chunk in Requests.Chunk(texts, MaxCharactersPerRequest, MaxTextsPerRequest))
        {
            var answer = await TranslateChunkAsync(chunk, source, target, ct);
            if (answer.Outcome != EngineOutcome.Translated) return answer;
            translated.AddRange(answer.Texts!);
        }
        return EngineAnswer.Done(translated);
    }

    private async Task<EngineAnswer> TranslateChunkAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        var query = $"translate?api-version=3.0&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&textType=plain";
        using var request = new HttpRequestMessage(HttpMethod.Post, query) { Content = JsonContent.Create(texts.Select(t => new TextItem(t))) };
        request.Headers.Add("Ocp-Apim-Subscription-Key", Settings.Key);
        if (!string.IsNullOrEmpty(Settings.Region)) request.Headers.Add("Ocp-Apim-Subscription-Region", Settings.Region);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) return await RefusedAsync(response, ct);
        var body = await response.Content.ReadFromJsonAsync<List<TranslateResult>>(ct);
        var results = body?.Select(r => r.Translations?.FirstOrDefault()?.Text).ToList();
        return results is not null && results.Count == texts.Count && results.All(r => r is not null)
            ? EngineAnswer.Done([.. results!])
            : EngineAnswer.Failed;
    }

    private async Task<EngineAnswer> RefusedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest) return EngineHttp.Refused(response, clock);
        return (await ErrorBody.ReadAsync(response, ct))?.Error?.Code?.ToString() switch
        {
            "400035" or "400036" => EngineAnswer.NotOffered, // source or target language not valid
            "400050" or "400077" => EngineAnswer.TooLong, // the input text is too long; the request size was exceeded
            _ => EngineAnswer.Failed,
        };
    }

    private async Task<HashSet<string>> ListLanguagesAsync(CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(
            await http.GetStreamAsync("languages?api-version=3.0&scope=translation", ct), cancellationToken: ct);
        return document.RootElement.TryGetProperty("translation", out var translation) && translation.ValueKind == JsonValueKind.Object
            ? translation.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
    }

    private sealed record TextItem([property: JsonPropertyName("Text")] string Text);

    private sealed record TranslateResult([property: JsonPropertyName("translations")] List<Translation>? Translations);

    private sealed record Translation([property: JsonPropertyName("text")] string? Text);
}

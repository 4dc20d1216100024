using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TipLine.Routing.Translation;

/// <summary>
/// Apertium APY over HTTP (resilience pipeline on the HttpClient). Pairs come from GET /listPairs,
/// cached; a tip's texts go together to POST /translate as one HTML document (ApyParagraphs).
/// Any failure answers null and is logged without the text.
/// </summary>
internal sealed class ApyTranslator(HttpClient http, IOptions<TranslationOptions> options, TimeProvider clock, ILogger<ApyTranslator> log) : ITranslator
{
    private static readonly Dictionary<string, string> Iso639_3 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "eng", ["es"] = "spa", ["vi"] = "vie", ["zh-Hans"] = "zho", ["ar"] = "ara", ["fr"] = "fra", ["pt"] = "por",
    };

    private static readonly SemaphoreSlim PairsLock = new(1, 1);
    private static (HashSet<string> Pairs, DateTimeOffset At)? pairsCache;

    public async Task<IReadOnlyList<string>?> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        if (!Iso639_3.TryGetValue(from, out var source) || !Iso639_3.TryGetValue(to, out var target)) return null;
        var pair = $"{source}|{target}";
        try
        {
            if (!(await PairsAsync(ct)).Contains(pair)) return null;
            // An answer whose parts no longer match counts as a failure: BatchingTranslator then asks
            // for each tip on its own, and a tip that still fails is routed as "needs translation".
            return ApyParagraphs.Split(await TranslateDocumentAsync(ApyParagraphs.Join(texts), pair, ct), texts.Count)
                ?? throw new FormatException("APY did not keep the parts apart.");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Translation {Pair} failed: {Error}", pair, e.GetType().Name);
            return null;
        }
    }

    private async Task<string> TranslateDocumentAsync(string html, string pair, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new("q", html), new("langpair", pair), new("format", "html"), new("markUnknown", "no")]);
        using var response = await http.PostAsync("translate", form, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TranslateResponse>(ct);
        return body?.ResponseData?.TranslatedText ?? throw new FormatException("APY answered without a translation.");
    }

    private async Task<HashSet<string>> PairsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (pairsCache is { } cached && now - cached.At < options.Value.PairsCacheFor) return cached.Pairs;
        await PairsLock.WaitAsync(ct);
        try
        {
            if (pairsCache is { } again && now - again.At < options.Value.PairsCacheFor) return again.Pairs;
            var body = await http.GetFromJsonAsync<ListPairsResponse>("listPairs", ct);
            var pairs = (body?.ResponseData ?? []).Select(p => $"{p.SourceLanguage}|{p.TargetLanguage}").ToHashSet();
            pairsCache = (pairs, now);
            return pairs;
        }
        finally
        {
            PairsLock.Release();
        }
    }

    private sealed record TranslateResponse([property: JsonPropertyName("responseData")] TranslatedData? ResponseData);

    private sealed record TranslatedData([property: JsonPropertyName("translatedText")] string? TranslatedText);

    private sealed record ListPairsResponse([property: JsonPropertyName("responseData")] List<LanguagePair>? ResponseData);

    private sealed record LanguagePair(
        [property: JsonPropertyName("sourceLanguage")] string SourceLanguage,
        [property: JsonPropertyName("targetLanguage")] string TargetLanguage);
}

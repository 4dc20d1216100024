using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TipLine.Routing.Translation.Engines;

/// <summary>
/// Apertium APY over HTTP. Pairs come from GET /listPairs, cached; a tip's texts go together to POST /translate as one
/// HTML document (ApyParagraphs), which keeps them apart and never reads the reporter's text as markup.
/// </summary>
internal sealed class ApyEngine(HttpClient http, IOptions<TranslationOptions> options, TimeProvider clock) : ITranslationEngine
{
    private static readonly Dictionary<string, string> Iso639_3 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "eng", ["es"] = "spa", ["vi"] = "vie", ["zh-Hans"] = "zho", ["ar"] = "ara", ["fr"] = "fra", ["pt"] = "por",
        ["ru"] = "rus", ["ht"] = "hat", ["so"] = "som", ["tl"] = "tgl", ["ko"] = "kor",
    };

    private readonly CachedList pairs = new(clock, () => options.Value.PairsCacheFor);

    public string Key => EngineNames.Apy;

    public string DisplayName => "Apertium";

    public async Task<EngineAnswer> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        if (!Iso639_3.TryGetValue(from, out var source) || !Iso639_3.TryGetValue(to, out var target)) return EngineAnswer.NotOffered;
        var pair = $"{source}|{target}";
        if (!(await pairs.GetAsync(ListPairsAsync, ct)).Contains(pair)) return EngineAnswer.NotOffered;
        using var form = new FormUrlEncodedContent([new("q", ApyParagraphs.Join(texts)), new("langpair", pair), new("format", "html"), new("markUnknown", "no")]);
        using var response = await http.PostAsync("translate", form, ct);
        if (!response.IsSuccessStatusCode) return EngineHttp.Refused(response, clock);
        var body = await response.Content.ReadFromJsonAsync<TranslateResponse>(ct);
        // An answer whose parts no longer match counts as a failure: the batch is then asked tip by tip.
        return body?.ResponseData?.TranslatedText is { } html && ApyParagraphs.Split(html, texts.Count) is { } split
            ? EngineAnswer.Done(split)
            : EngineAnswer.Failed;
    }

    private async Task<HashSet<string>> ListPairsAsync(CancellationToken ct)
    {
        var body = await http.GetFromJsonAsync<ListPairsResponse>("listPairs", ct);
        return (body?.ResponseData ?? []).Select(p => $"{p.SourceLanguage}|{p.TargetLanguage}").ToHashSet();
    }

    private sealed record TranslateResponse([property: JsonPropertyName("responseData")] TranslatedData? ResponseData);

    private sealed record TranslatedData([property: JsonPropertyName("translatedText")] string? TranslatedText);

    private sealed record ListPairsResponse([property: JsonPropertyName("responseData")] List<LanguagePair>? ResponseData);

    private sealed record LanguagePair(
        [property: JsonPropertyName("sourceLanguage")] string SourceLanguage,
        [property: JsonPropertyName("targetLanguage")] string TargetLanguage);
}

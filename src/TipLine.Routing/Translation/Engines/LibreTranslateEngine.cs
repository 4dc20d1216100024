using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TipLine.Routing.Translation.Engines;

/// <summary>
/// A self-hosted LibreTranslate server: POST /translate with the texts as one array, pairs from GET /languages (each
/// language lists its targets), cached. Requests stay within <c>MaxCharacters</c>, the server's character limit.
/// </summary>
internal sealed class LibreTranslateEngine(HttpClient http, IOptions<TranslationOptions> options, TimeProvider clock) : ITranslationEngine
{
    private readonly CachedList pairs = new(clock, () => options.Value.PairsCacheFor);

    private LibreTranslateOptions Settings => options.Value.LibreTranslate;

    public string Key => EngineNames.LibreTranslate;

    public string DisplayName => "LibreTranslate";

    public async Task<EngineAnswer> TranslateAsync(IReadOnlyList<string> texts, string from, string to, CancellationToken ct)
    {
        var offered = await pairs.GetAsync(ListPairsAsync, ct);
        // Simplified Chinese is "zh-Hans" from LibreTranslate 1.7.2 on and "zh" before.
        if (Code(from, offered, source: true) is not { } source || Code(to, offered, source: false) is not { } target
            || !offered.Contains($"{source}|{target}")) return EngineAnswer.NotOffered;
        if (texts.Any(t => t.Length > Settings.MaxCharacters)) return EngineAnswer.TooLong;
        var translated = new List<string>(texts.Count);
        foreach (var chunk in Requests.Chunk(texts, Settings.MaxCharacters, int.MaxValue))
        {
            var answer = await TranslateChunkAsync(chunk, source, target, ct);
            if (answer.Outcome != EngineOutcome.Translated) return answer;
            translated.AddRange(answer.Texts!);
        }
        return EngineAnswer.Done(translated);
    }

    private static string? Code(string ours, HashSet<string> offered, bool source)
    {
        string[] candidates = ours.Equals("zh-Hans", StringComparison.OrdinalIgnoreCase) ? ["zh-Hans", "zh"] : [ours];
        return candidates.FirstOrDefault(c => offered.Any(p => source ? p.StartsWith(c + "|", StringComparison.Ordinal) : p.EndsWith("|" + c, StringComparison.Ordinal)));
    }

    private async Task<EngineAnswer> TranslateChunkAsync(IReadOnlyList<string> texts, string source, string target, CancellationToken ct)
    {
        var request = new TranslateRequest(texts, source, target, "text", string.IsNullOrEmpty(Settings.ApiKey) ? null : Settings.ApiKey);
        using var response = await http.PostAsJsonAsync("translate", request, ct);
        if (!response.IsSuccessStatusCode) return await RefusedAsync(response, ct);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (!document.RootElement.TryGetProperty("translatedText", out var translated) || translated.ValueKind != JsonValueKind.Array)
            return EngineAnswer.Failed;
        List<string?> result = [.. translated.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null)];
        return result.Count == texts.Count && result.All(t => t is not null) ? EngineAnswer.Done([.. result.OfType<string>()]) : EngineAnswer.Failed;
    }

    // LibreTranslate answers {"error": "<message>"}: 400 for a bad request ("Invalid request: request (6000) exceeds text
    // limit (5000)" among them), 403 for a key it refuses, 429 "Slowdown: ..." without Retry-After, 500 when translating failed.
    private async Task<EngineAnswer> RefusedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest) return EngineHttp.Refused(response, clock);
        var message = await ErrorMessageAsync(response, ct) ?? "";
        if (message.Contains("limit", StringComparison.OrdinalIgnoreCase)) return EngineAnswer.TooLong;
        // "zz is not supported", "German (de) is not available as a target language from ...": the list was out of date.
        return message.Contains("not supported", StringComparison.OrdinalIgnoreCase) || message.Contains("not available", StringComparison.OrdinalIgnoreCase)
            ? EngineAnswer.NotOffered
            : EngineAnswer.Failed;
    }

    private static async Task<string?> ErrorMessageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<HashSet<string>> ListPairsAsync(CancellationToken ct)
    {
        var languages = await http.GetFromJsonAsync<List<Language>>("languages", ct) ?? [];
        return [.. languages.SelectMany(l => (l.Targets ?? []).Select(t => $"{l.Code}|{t}"))];
    }

    private sealed record TranslateRequest(
        [property: JsonPropertyName("q")] IReadOnlyList<string> Q,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("api_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey);

    private sealed record Language(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("targets")] List<string>? Targets);
}

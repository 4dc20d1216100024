using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Net;

namespace TipLine.Routing.Translation.Engines;

/// <summary>What every engine does with an HTTP answer that is not a translation.</summary>
internal static class EngineHttp
{
    /// <summary>429 is "slow down" with its Retry-After (seconds or a date); anything else unexpected is a failure.</summary>
    public static EngineAnswer Refused(HttpResponseMessage response, TimeProvider clock) =>
        response.StatusCode == HttpStatusCode.TooManyRequests ? EngineAnswer.Slow(RetryAfter(response, clock)) : EngineAnswer.Failed;

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}

/// <summary>The error body OpenAI-style APIs and Azure share: {"error": {"code": ..., "type": ..., "message": ...}}.</summary>
internal sealed record ErrorBody([property: JsonPropertyName("error")] ErrorDetail? Error)
{
    public static async Task<ErrorBody?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErrorBody>(ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary><paramref name="Code"/> is a number (Azure) or a string (OpenAI); its text is what is compared.</summary>
internal sealed record ErrorDetail(
    [property: JsonPropertyName("code")] JsonElement? Code,
    [property: JsonPropertyName("type")] string? Type);

using System.Text.Json;

namespace TipLine.Twilio.Messages;

/// <summary>Twilio's REST error body: {"code": 21610, "message": "...", "more_info": "https://...", "status": 400}.</summary>
public sealed record TwilioApiError(int? Code, string? Message, string? MoreInfo, int? Status)
{
    /// <summary>Error bodies are small; anything bigger is not Twilio's JSON (an HTML page from a proxy, say).</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The error in a failed response, or null if the body is not Twilio's error JSON. Leaves the body readable again.</summary>
    public static async Task<TwilioApiError?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return Parse(body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null;
        }
    }

    public static TwilioApiError? Parse(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty) return null;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var error = new TwilioApiError(Int(root, "code"), Text(root, "message"), Text(root, "more_info"), Int(root, "status"));
            return error.Code is null && error.Message is null ? null : error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

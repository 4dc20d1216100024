using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace TipLine.Twilio.Messages;

/// <summary>
/// Twilio's Messages API and media downloads over the typed HttpClient that <see cref="TwilioServiceCollectionExtensions.AddTwilio"/>
/// registers; retries live in its pipeline (<see cref="TwilioRetry"/>). Logs sids and codes, never numbers or text.
/// </summary>
public sealed class TwilioMessagesClient(HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioMessagesClient> log)
{
    /// <summary>POST /2010-04-01/Accounts/{AccountSid}/Messages.json with From, To, Body and, if given, StatusCallback.</summary>
    public async Task<MessageSendResult> SendAsync(string from, string to, string body, string? statusCallbackUrl, CancellationToken ct)
    {
        var o = options.Value;
        var url = new Uri($"{o.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(o.AccountSid)}/Messages.json");
        List<KeyValuePair<string, string>> fields = [new("From", from), new("To", to), new("Body", body)];
        if (statusCallbackUrl is not null) fields.Add(new("StatusCallback", statusCallbackUrl));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = BasicAuth(o);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Twilio send failed after retries: {Error}", e.GetType().Name);
            return new MessageTransientFailure(null, e.Message, null);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode) return await SentAsync(response, ct);
            var status = (int)response.StatusCode;
            var error = await TwilioApiError.ReadAsync(response, ct);
            var message = error?.Message ?? $"HTTP {status} {response.ReasonPhrase}";
            if (TwilioRetry.IsTransient(response.StatusCode, error?.Code))
            {
                log.LogWarning("Twilio send still failing after retries: HTTP {Status}, code {Code}", status, error?.Code);
                return new MessageTransientFailure(error?.Code, message, status);
            }
            log.LogWarning("Twilio refused a message: HTTP {Status}, code {Code}", status, error?.Code);
            return new MessageRefused(error?.Code, message, status);
        }
    }

    /// <summary>
    /// Looks for a message we already created: GET /2010-04-01/Accounts/{AccountSid}/Messages.json filtered by To and From
    /// (newest first), matched on its body and a creation time no earlier than <paramref name="since"/> less a minute of
    /// clock skew. A send whose outcome was lost (the process died after Twilio accepted it) is found here, not sent again.
    /// </summary>
    public async Task<MessageSent?> FindSentAsync(string from, string to, string body, DateTimeOffset since, CancellationToken ct)
    {
        var o = options.Value;
        var url = new Uri($"{o.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(o.AccountSid)}/Messages.json"
            + $"?To={Uri.EscapeDataString(to)}&From={Uri.EscapeDataString(from)}&PageSize=50");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = BasicAuth(o);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (!json.RootElement.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return null;
        foreach (var message in messages.EnumerateArray())
        {
            if (Text(message, "body") != body || Text(message, "sid") is not { Length: > 0 } sid) continue;
            if (!DateTimeOffset.TryParse(Text(message, "date_created"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var created)
                || created < since - TimeSpan.FromMinutes(1)) continue;
            log.LogInformation("Twilio already has message {Sid}: not sent again", sid);
            return new MessageSent(sid, Text(message, "status") ?? "");
        }
        return null;
    }

    private static string? Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// GETs an MMS attachment or a recording with our credentials, following Twilio's redirect to its storage (the
    /// handler drops the Authorization header on redirects). Only URLs on the configured API host are fetched, so
    /// a crafted URL can neither receive our credentials nor make us fetch elsewhere.
    /// </summary>
    public async Task<TwilioMedia> DownloadMediaAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var o = options.Value;
        var api = new Uri(o.ApiBaseUrl);
        if (!url.IsAbsoluteUri || Uri.Compare(url, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new ArgumentException("Media is only downloaded from the configured Twilio API host.", nameof(url));
        }

        // The pipeline's total timeout stops at the headers; this one also bounds reading the body.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(o.TotalTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = BasicAuth(o);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > o.MaxMediaBytes) throw TooLarge(o);

        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, deadline.Token)) > 0)
        {
            if (content.Length + read > o.MaxMediaBytes) throw TooLarge(o);
            content.Write(buffer, 0, read);
        }
        return new TwilioMedia(content.ToArray(), response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream");
    }

    private async Task<MessageSendResult> SentAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        string? sid = null, status = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                sid = json.RootElement.TryGetProperty("sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                status = json.RootElement.TryGetProperty("status", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            }
        }
        catch (JsonException)
        {
        }
        // Not a refusal and not worth a retry (the message may well be out): a broken answer is a fault to surface.
        if (string.IsNullOrEmpty(sid)) throw new InvalidDataException($"Twilio answered HTTP {(int)response.StatusCode} without a message sid.");
        log.LogInformation("Twilio accepted message {Sid} ({Status})", sid, status);
        return new MessageSent(sid, status ?? "");
    }

    internal static AuthenticationHeaderValue BasicAuth(TwilioOptions o) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}")));

    private static InvalidDataException TooLarge(TwilioOptions o) => new($"Twilio media is larger than {o.MaxMediaBytes} bytes.");
}

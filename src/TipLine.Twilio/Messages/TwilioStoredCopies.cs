using System.Net;
using Microsoft.Extensions.Options;

namespace TipLine.Twilio.Messages;

/// <summary>What Twilio answered to a request to delete its copy.</summary>
public enum CopyDeletion
{
    Deleted,

    /// <summary>404: nothing left to delete (already deleted, or never kept).</summary>
    AlreadyGone,

    /// <summary>Another 4xx: Twilio will not do it, and asking again would not change that.</summary>
    Refused,
}

/// <summary>
/// Deletes what Twilio keeps of a tip once TipLine has committed its own copy: a voicemail recording
/// (<c>DELETE …/Recordings/{Sid}.json</c>), an MMS file (<c>DELETE …/Messages/{MessageSid}/Media/{Sid}.json</c>) and an inbound
/// text's body (<c>POST …/Messages/{Sid}.json</c> with an empty <c>Body</c>, Twilio's redaction). Each request is idempotent, so
/// the pipeline's retries are safe; 429, 5xx and network failures after them are thrown for the caller's queue to retry.
/// </summary>
public sealed class TwilioStoredCopies(HttpClient http, IOptions<TwilioOptions> options)
{
    public Task<CopyDeletion> DeleteRecordingAsync(string recordingSid, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, $"Recordings/{Uri.EscapeDataString(recordingSid)}.json", form: null, ct);

    public Task<CopyDeletion> DeleteMediaAsync(string messageSid, string mediaSid, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, $"Messages/{Uri.EscapeDataString(messageSid)}/Media/{Uri.EscapeDataString(mediaSid)}.json", form: null, ct);

    public Task<CopyDeletion> RedactBodyAsync(string messageSid, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"Messages/{Uri.EscapeDataString(messageSid)}.json", [new("Body", "")], ct);

    /// <summary>The media sid in a MediaUrl Twilio sent us (…/Messages/MM…/Media/ME…), or null when it is not one.</summary>
    public static string? MediaSidOf(string mediaUrl) =>
        Uri.TryCreate(mediaUrl, UriKind.Absolute, out var url) && url.Segments is [.., var media, var sid]
        && media.Equals("Media/", StringComparison.Ordinal) && sid.StartsWith("ME", StringComparison.Ordinal) ? sid.Split('.')[0] : null;

    private async Task<CopyDeletion> SendAsync(HttpMethod method, string resource, List<KeyValuePair<string, string>>? form, CancellationToken ct)
    {
        var o = options.Value;
        var url = new Uri($"{o.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(o.AccountSid)}/{resource}");
        using var request = new HttpRequestMessage(method, url) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Authorization = TwilioMessagesClient.BasicAuth(o);
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode) return CopyDeletion.Deleted;
        if (response.StatusCode == HttpStatusCode.NotFound) return CopyDeletion.AlreadyGone;
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"Twilio answered {(int)response.StatusCode} after its retries.", null, response.StatusCode);
        }
        return CopyDeletion.Refused;
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TipLine.Twilio;

/// <summary>Checks that an incoming webhook request was signed by Twilio with our auth token.</summary>
public static class TwilioWebhookRequest
{
    public static Task<bool> IsSignedAsync(HttpRequest request, TwilioOptions options, CancellationToken ct) =>
        IsSignedAsync(request, options.AuthToken, options.PublicBaseUrl, ct);

    /// <summary>
    /// Validates X-Twilio-Signature against <paramref name="publicBaseUrl"/> + the request target as received, and the
    /// form parameters of a POST. A POST that is not a form (Twilio's JSON webhooks) is refused: we do not use them.
    /// </summary>
    public static async Task<bool> IsSignedAsync(HttpRequest request, string authToken, string publicBaseUrl, CancellationToken ct)
    {
        var header = request.Headers[TwilioSignature.HeaderName];
        if (header.Count != 1 || string.IsNullOrEmpty(header[0])) return false;

        IEnumerable<KeyValuePair<string, string>> parameters = [];
        if (HttpMethods.IsPost(request.Method))
        {
            if (!request.HasFormContentType) return false;
            try
            {
                parameters = WebhookFields.Flatten(await request.ReadFormAsync(ct));
            }
            catch (InvalidDataException)
            {
                return false; // malformed or over the form limits
            }
        }
        return TwilioSignature.IsValid(authToken, PublicUrl(request, publicBaseUrl), parameters, header[0]);
    }

    /// <summary>
    /// The URL Twilio called: the configured public base plus the request target exactly as it arrived, because
    /// Twilio signs the URL with its original percent-encoding.
    /// </summary>
    public static string PublicUrl(HttpRequest request, string publicBaseUrl)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            // No raw target (tests, other servers) or an absolute-form target: rebuild it from the parsed parts.
            target = request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }
        return publicBaseUrl.TrimEnd('/') + target;
    }
}

using System.ComponentModel.DataAnnotations;

namespace TipLine.Twilio;

/// <summary>The Twilio account and how we talk to it (configuration section "Twilio").</summary>
public sealed class TwilioOptions : IValidatableObject
{
    public const string Section = "Twilio";

    [Required, RegularExpression("^AC[0-9a-fA-F]{32}$", ErrorMessage = "AccountSid must be AC followed by 32 hex digits.")]
    public string AccountSid { get; set; } = "";

    [Required] public string AuthToken { get; set; } = "";

    /// <summary>
    /// The public URL Twilio calls us on (scheme, host, and any path prefix a proxy strips). Webhook
    /// signatures are checked against it: never against Host or X-Forwarded-* headers, which the caller writes.
    /// </summary>
    [Required] public string PublicBaseUrl { get; set; } = "";

    [Required] public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Retries after the first attempt, for 429, 5xx, error 20429 and transport failures. 0 turns retries off.</summary>
    [Range(0, 10)] public int MaxRetryAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Bounds a whole call, retries included, and a whole media download.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Largest MMS attachment or recording we download (Twilio caps MMS at 5 MB; recordings grow with length).</summary>
    [Range(1, 1L << 30)] public long MaxMediaBytes { get; set; } = 20L << 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsHttpUrl(PublicBaseUrl, out var publicBase) || publicBase.Query.Length > 0 || publicBase.Fragment.Length > 0
            || publicBase.UserInfo.Length > 0)
        {
            yield return new ValidationResult(
                "PublicBaseUrl must be an absolute http(s) URL without user info, query or fragment.", [nameof(PublicBaseUrl)]);
        }
        if (!IsHttpUrl(ApiBaseUrl, out var api) || api.UserInfo.Length > 0)
        {
            yield return new ValidationResult("ApiBaseUrl must be an absolute http(s) URL without user info.", [nameof(ApiBaseUrl)]);
        }
    }

    private static bool IsHttpUrl(string value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

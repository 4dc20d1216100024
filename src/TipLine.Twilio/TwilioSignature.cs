using System.Security.Cryptography;
using System.Text;

namespace TipLine.Twilio;

/// <summary>
/// X-Twilio-Signature: Base64(HMAC-SHA1(auth token, full URL + every POST parameter sorted by name, name then value,
/// no separators)). Twilio is inconsistent about default ports, so validation also tries the URL with the default
/// port added or removed.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        // Ordinal, as Twilio sorts; values break ties so that a repeated name signs the same whichever order it came in.
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }
#pragma warning disable CA5350 // Twilio's protocol fixes HMAC-SHA1; HMAC does not rely on SHA-1's collision resistance.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    /// <summary>True only if <paramref name="signature"/> is the signature of this URL (or its default-port twin) and parameters.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(url)) return false;
        var given = Encoding.UTF8.GetBytes(signature);
        var fields = parameters.ToList();
        var valid = false;
        foreach (var candidate in UrlVariants(url))
        {
            // Compared as text, not decoded bytes: only Twilio's exact encoding passes, and malformed input simply differs.
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Compute(authToken, candidate, fields)), given);
        }
        return valid;
    }

    /// <summary>The URL as given, then the same URL with its default port (443 for https, 80 for http) added or removed.</summary>
    public static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (ToggleDefaultPort(url) is { } twin) yield return twin;
    }

    private static string? ToggleDefaultPort(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return null;
        var scheme = url[..schemeEnd];
        var defaultPort = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? "443"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? "80" : null;
        if (defaultPort is null) return null;

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var colon = authority.LastIndexOf(':');
        var hasPort = colon >= hostStart && colon > authority.LastIndexOf(']'); // a colon inside [IPv6] is not a port
        if (!hasPort)
        {
            return authority.Length == hostStart ? null : url.Insert(authorityEnd, ":" + defaultPort);
        }
        var port = authority[(colon + 1)..];
        return port == defaultPort ? url.Remove(authorityStart + colon, port.Length + 1) : null;
    }
}

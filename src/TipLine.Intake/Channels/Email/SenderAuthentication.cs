using MimeKit;
using MimeKit.Cryptography;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// Whether the receiving mail server vouches for a mail's From: the topmost <c>Authentication-Results</c> header stamped by
/// the mailbox's own server (its authserv-id, RFC 8601) says <c>dmarc=pass</c> for the From address's domain. Headers
/// from anyone else are ignored, as a sender can write any header it likes; the server must remove ones claiming its id.
/// </summary>
internal static class SenderAuthentication
{
    public static bool DmarcPassed(MimeMessage message, string? authServId)
    {
        if (string.IsNullOrWhiteSpace(authServId) || message.From.Mailboxes.ToList() is not [var from]) return false;
        var id = authServId.Trim();
        // Our server's topmost header decides; one it wrote that cannot be read verifies nobody (never the next one down).
        var ours = message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults && string.Equals(ServerIdOf(h.Value), id, StringComparison.OrdinalIgnoreCase))
            .Select(h => AuthenticationResults.TryParse(h.RawValue, out var parsed) ? parsed : null)
            .FirstOrDefault();
        return ours is not null && ours.Results.Any(r =>
            string.Equals(r.Method, "dmarc", StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.Result, "pass", StringComparison.OrdinalIgnoreCase)
            && r.Properties.Any(p => string.Equals(p.PropertyType, "header", StringComparison.OrdinalIgnoreCase)
                && string.Equals(p.Property, "from", StringComparison.OrdinalIgnoreCase)
                && string.Equals(p.Value, from.Domain, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The authserv-id: the header's first word, before any version number or the first result (RFC 8601 §2.2).</summary>
    private static string ServerIdOf(string value) =>
        value.Split(';', 2)[0].Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}

using MimeKit;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// Recognizes mail no person wrote to us: bounces, out-of-office and other automatic replies, mailing-list and bulk mail.
/// None of it is a tip, and none of it is ever answered, so no mail loop can start (RFC 3834).
/// </summary>
internal static class AutomaticMail
{
    private static readonly string[] DaemonSenders = ["mailer-daemon", "postmaster", "mail-daemon", "noreply", "no-reply", "do-not-reply", "donotreply"];

    /// <summary>Why the mail is automatic ("auto-submitted", "bounce", …), or null for mail a person sent.</summary>
    public static string? Reason(MimeMessage message)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } auto && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return "auto-submitted";
        if (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply") return "precedence";
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Reply")) return "auto-reply";
        if (headers.Contains(HeaderId.ListId) || headers.Contains("List-Unsubscribe")) return "mailing-list";
        if (message.Body is MultipartReport) return "bounce";
        if (headers[HeaderId.ReturnPath]?.Trim() == "<>") return "bounce";
        var senders = message.From.Mailboxes.Concat(message.Sender is null ? [] : [message.Sender]);
        if (senders.Any(s => DaemonSenders.Contains(s.LocalPart.ToLowerInvariant()))) return "daemon-sender";
        return null;
    }
}

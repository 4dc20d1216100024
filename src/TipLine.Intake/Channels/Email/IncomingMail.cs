using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace TipLine.Intake.Channels.Email;

/// <summary>A file that came with a mail: its type and bytes only (the file name stays behind; it can hold a name).</summary>
internal sealed record MailFile(string ContentType, byte[] Content);

/// <summary>A file that was not kept, described by type and size only.</summary>
internal sealed record RefusedFile(string ContentType, long Size, string Reason);

/// <summary>
/// What intake takes from one mail. The sender's address goes only to the sealed store and the keyed hash; From, Reply-To,
/// display names, other headers and client metadata go nowhere. <see cref="MessageKey"/> is a hash of the Message-ID
/// (or of the whole mail when it has none).
/// </summary>
internal sealed record IncomingMail(
    string SenderAddress,
    string MessageId,
    string MessageKey,
    IReadOnlyList<string> ReferencedKeys,
    string Subject,
    string Body,
    IReadOnlyList<MailFile> Files,
    IReadOnlyList<RefusedFile> Refused,
    string? AutomaticReason,
    bool SenderVerified = false)
{
    /// <param name="authServId">The mailbox's receiving server, whose DMARC verdict decides <see cref="SenderVerified"/>.</param>
    public static IncomingMail Read(MimeMessage message, long maxAttachmentBytes, string? authServId = null)
    {
        var sender = message.From.Mailboxes.FirstOrDefault();
        var address = sender?.Address.Trim() ?? "";
        var text = message.TextBody ?? (message.HtmlBody is { } html ? MailText.FromHtml(html) : "");
        var messageId = message.MessageId ?? "";
        var references = message.References.Prepend(message.InReplyTo ?? "").Where(r => r.Length > 0).Select(Key).Distinct().ToList();
        var (files, refused) = ReadFiles(message, maxAttachmentBytes);
        return new IncomingMail(address, messageId, messageId.Length > 0 ? Key(messageId) : WholeMailKey(message), references,
            (message.Subject ?? "").Trim(), MailText.Clean(text, sender?.Name, address), files, refused,
            AutomaticMail.Reason(message) ?? (address.Length == 0 ? "no-sender" : null), SenderAuthentication.DmarcPassed(message, authServId));
    }

    /// <summary>The dedupe and threading key of a Message-ID: a hash, so no client's host name is stored.</summary>
    public static string Key(string messageId) =>
        "mid:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(messageId.Trim().Trim('<', '>').ToLowerInvariant())));

    private static string WholeMailKey(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return "raw:" + Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
    }

    private static (List<MailFile> Files, List<RefusedFile> Refused) ReadFiles(MimeMessage message, long maxBytes)
    {
        var files = new List<MailFile>();
        var refused = new List<RefusedFile>();
        foreach (var entity in message.BodyParts)
        {
            if (entity is MessagePart forwarded)
            {
                refused.Add(new RefusedFile(forwarded.ContentType.MimeType, 0, "attached mail"));
                continue;
            }
            if (entity is not MimePart part || (part is TextPart && !part.IsAttachment) || part.Content is null) continue;
            using var content = new MemoryStream();
            part.Content.DecodeTo(content);
            var type = part.ContentType.MimeType.ToLowerInvariant();
            if (AttachmentScreen.Refusal(type, part.FileName, content.GetBuffer().AsSpan(0, (int)content.Length), maxBytes) is { } reason)
            {
                refused.Add(new RefusedFile(type, content.Length, reason));
                continue;
            }
            files.Add(new MailFile(type, content.ToArray()));
        }
        return (files, refused);
    }
}

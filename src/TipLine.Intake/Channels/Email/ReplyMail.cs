using MimeKit;
using MimeKit.Text;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// A mail to a reporter from the school's tip address, threaded under their mail (In-Reply-To the latest message of the
/// thread, References the whole thread) so their answer comes back into the same case. Plain text only, and marked
/// Auto-Submitted where it is an automatic answer, so a reporter's own auto-responder does not answer it.
/// </summary>
internal static class ReplyMail
{
    public static MimeMessage Compose(EmailThread thread, string to, string messageId, string subject, string body, bool automatic)
    {
        var message = new MimeMessage { MessageId = messageId, Subject = subject, Body = new TextPart(TextFormat.Plain) { Text = body } };
        message.From.Add(MailboxAddress.Parse(thread.OurAddress));
        message.To.Add(MailboxAddress.Parse(to));
        var references = thread.References.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (references.Length > 0)
        {
            message.InReplyTo = references[^1].Trim('<', '>');
            foreach (var id in references) message.References.Add(id.Trim('<', '>'));
        }
        if (automatic) message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        return message;
    }

    /// <summary>"Re: " and the reporter's subject, so mail clients that thread by subject agree; else the fallback.</summary>
    public static string Subject(EmailThread thread, string fallback) =>
        thread.Subject.Length == 0 ? fallback
        : thread.Subject.StartsWith("re:", StringComparison.OrdinalIgnoreCase) ? thread.Subject : "Re: " + thread.Subject;

    /// <summary>A Message-ID that is the same on every attempt of one queued mail, on the tip address's domain.</summary>
    public static string MessageIdFor(Guid pendingId, string ourAddress) => $"{pendingId:N}@{ourAddress.Split('@')[^1]}";
}

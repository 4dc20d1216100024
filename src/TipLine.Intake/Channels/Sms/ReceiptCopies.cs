using Microsoft.EntityFrameworkCore;
using TipLine.Intake.ProviderCopies;
using TipLine.Twilio.Webhooks;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// A texted receipt is redacted at Twilio once its status is final (Twilio refuses to redact a message still on its way):
/// its status callback is marked as a receipt's, and the first final status queues the redaction.
/// </summary>
internal static class ReceiptCopies
{
    public static async Task RedactWhenFinalAsync(IntakeDbContext db, MessageStatus status, DateTimeOffset now, CancellationToken ct)
    {
        if (!DeliveryProgress.IsFinal(status.Status)) return;
        // Twilio may post a final status more than once; one redaction is enough (a second would only find it done).
        if (await db.CopyDeletions.AnyAsync(d => d.Kind == CopyKind.MessageBody && d.ParentSid == status.MessageSid, ct)) return;
        db.CopyDeletions.Add(PendingCopyDeletion.Of(CopyKind.MessageBody, status.MessageSid, null, reportId: null, now));
        await db.SaveChangesAsync(ct);
    }
}

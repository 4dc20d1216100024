using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Twilio.Webhooks;

namespace TipLine.Teams.Escalation;

/// <summary>
/// Twilio's later word on an alert text: delivered, or failed/undelivered (e.g. 30007 filtered), which falls back to
/// email unless the tip has been acknowledged meanwhile. A final status is never replaced by a late earlier one. Word
/// about a text whose sid is not recorded yet is kept until it is (<see cref="EarlyAlertStatus"/>).
/// </summary>
internal sealed class AlertStatusUpdates(TeamsDbContext db, AlertDelivery delivery, TimeProvider clock)
{
    public async Task ApplyAsync(MessageStatus status, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AlertDelivery.LockSidAsync(db, status.MessageSid, ct);
        var attempt = await db.AlertAttempts.SingleOrDefaultAsync(a => a.ProviderId == status.MessageSid && a.Method == AlertMethod.Sms, ct);
        if (attempt is not null)
        {
            await delivery.ApplyProviderStatusAsync(attempt, status, ct);
        }
        else
        {
            var early = await db.EarlyAlertStatuses.FindAsync([status.MessageSid], ct);
            if (early is null) db.EarlyAlertStatuses.Add(early = new EarlyAlertStatus { MessageSid = status.MessageSid, Status = status.Status });
            // A failure is final: a late "sent" or "delivered" never replaces it.
            if (!new MessageStatus(early.MessageSid, early.Status, early.ErrorCode).IsFailure || status.IsFailure)
            {
                early.Status = status.Status;
                early.ErrorCode = status.ErrorCode;
            }
            early.ReceivedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

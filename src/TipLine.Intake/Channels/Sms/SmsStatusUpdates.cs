using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Database;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Twilio.Webhooks;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// Twilio's later word on a question texted to a reporter (sent, delivered, undelivered…), shown on the case. A final
/// status is never replaced by a late earlier one. Word about a text whose sid is not recorded yet is kept until it is
/// (<see cref="EarlySmsStatus"/>).
/// </summary>
internal sealed class SmsStatusUpdates(IntakeDbContext db, TimeProvider clock)
{
    /// <summary>How long a status nobody has claimed is kept: a recorded send claims it within seconds.</summary>
    public static readonly TimeSpan EarlyStatusKeptFor = TimeSpan.FromHours(1);

    public async Task ApplyAsync(MessageStatus status, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, status.MessageSid, ct);
        var delivery = await db.SmsDeliveries.SingleOrDefaultAsync(d => d.MessageSid == status.MessageSid, ct);
        if (delivery is null)
        {
            var early = await db.EarlySmsStatuses.FindAsync([status.MessageSid], ct);
            if (early is null) db.EarlySmsStatuses.Add(early = new EarlySmsStatus { MessageSid = status.MessageSid, Status = status.Status });
            else if (!DeliveryProgress.Advances(early.Status, status.Status)) return;
            early.Status = status.Status;
            early.ErrorCode = status.ErrorCode;
            early.ReceivedAt = now;
        }
        else if (DeliveryProgress.Advances(delivery.Status, status.Status))
        {
            delivery.Status = status.Status;
            delivery.ErrorCode = status.ErrorCode;
            delivery.UpdatedAt = now;
            db.AddToOutbox(new ReporterMessageStatusChanged(delivery.QuestionId, delivery.ReportId, status.Status, status.ErrorCode, now), now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The status to record for a send Twilio has just answered: Twilio's own answer, or a later one whose callback came
    /// first (which is then claimed). Call inside the recording transaction, after <see cref="LockAsync"/>.
    /// </summary>
    public static async Task<(string Status, int? ErrorCode)> ClaimEarlyAsync(
        IntakeDbContext db, string messageSid, string status, int? errorCode, CancellationToken ct)
    {
        if (await db.EarlySmsStatuses.FindAsync([messageSid], ct) is not { } early) return (status, errorCode);
        db.EarlySmsStatuses.Remove(early);
        return DeliveryProgress.Advances(status, early.Status) ? (early.Status, early.ErrorCode) : (status, errorCode);
    }

    public static Task LockAsync(IntakeDbContext db, string messageSid, CancellationToken ct) =>
        db.Database.LockAsync(AdvisoryLock.ReporterSmsSid, messageSid, ct);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Twilio.Webhooks;

namespace TipLine.Teams.Escalation;

/// <summary>
/// Twilio's later word on an alert text: delivered, or failed/undelivered (e.g. 30007 filtered), which falls back to
/// email unless the tip has been acknowledged meanwhile. A final status is never replaced by a late earlier one.
/// </summary>
public sealed class AlertStatusUpdates(TeamsDbContext db, SchoolDirectory directory, AlertDelivery delivery, TimeProvider clock,
    ILogger<AlertStatusUpdates> log)
{
    public async Task ApplyAsync(MessageStatus status, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var attempt = (await db.AlertAttempts.FromSql(
                $"SELECT * FROM teams.alert_attempts WHERE \"ProviderId\" = {status.MessageSid} AND \"Method\" = 'Sms' FOR UPDATE").ToListAsync(ct))
            .SingleOrDefault();
        if (attempt is null || attempt.Status is not (AttemptStatus.Sent or AttemptStatus.Delivered)) return;
        if (status.IsFailure)
        {
            attempt.Status = AttemptStatus.Failed;
            attempt.Detail = status.ErrorCode is { } code ? $"{status.Status} (error {code})" : status.Status;
            attempt.UpdatedAt = clock.GetUtcNow();
            log.LogWarning("Alert {AttemptId} {Status} (error {Code})", attempt.Id, status.Status, status.ErrorCode);
            var acknowledged = await db.Cases.AnyAsync(c => attempt.CaseIds.Contains(c.Id) && c.AcknowledgedAt != null, ct);
            if (!acknowledged && await directory.MemberAsync(attempt.MemberId, ct) is { } member) await delivery.FallBackAsync(attempt, member, ct);
        }
        else if (status.Status == "delivered" && attempt.Status == AttemptStatus.Sent)
        {
            attempt.Status = AttemptStatus.Delivered;
            attempt.Detail = "delivered";
            attempt.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Work;

namespace TipLine.Intake.Reporters;

/// <summary>
/// When <see cref="PrivacyOptions.ContactRetentionDays"/> have passed since a tip (or a call, text or mail) came in,
/// everything intake keeps that could lead back to its reporter goes: sealed contacts and originals, caller IDs, the
/// threads keyed by the reporter's hash with their Message-IDs, texts still held for a school name, provider ids
/// (MessageSid, CallSid, RecordingSid, media ids, hashed Message-IDs, the report's own provider key) and parked work;
/// unclaimed early SMS statuses go after an hour.
/// The tip, the conversation and the team's case stay.
/// </summary>
internal sealed class RetentionSweep(
    IntakeDbContext db, IEnumerable<QueuedKind> queues, IOptionsMonitor<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionSweep> log)
{
    /// <summary>What a report's <see cref="Reports.IntakeReport.ProviderKey"/> becomes: unique, and nothing of the provider's.</summary>
    public const string PurgedKeyPrefix = "purged:";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-options.CurrentValue.ContactRetentionDays);
        var oldReports = db.Reports.Where(r => r.AcceptedAt < cutoff).Select(r => r.Id);
        var heldIds = db.HeldSms.Where(h => h.ReceivedAt < cutoff).Select(h => h.Id);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = 0;
        // PurgeAfter was set from the retention in force when the row was written; a shorter one set since counts too.
        removed += await db.SealedContacts.Where(c => c.PurgeAfter < now || c.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.Voicemails.Where(v => v.PurgeAfter < now || v.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.MmsMedia.Where(m => m.PurgeAfter < now || m.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.EmailAttachments.Where(a => a.PurgeAfter < now || a.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.VoiceCalls.Where(c => c.StartedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.VoiceRecordings.Where(r => r.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.PendingMms.Where(m => m.HeldSmsId != null && heldIds.Contains(m.HeldSmsId.Value)).ExecuteDeleteAsync(ct);
        removed += await db.HeldSms.Where(h => h.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.InboundSms.Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.SmsDeliveries.Where(d => d.UpdatedAt < cutoff).ExecuteDeleteAsync(ct);
        var unclaimed = now - Channels.Sms.SmsStatusUpdates.EarlyStatusKeptFor;
        removed += await db.EarlySmsStatuses.Where(s => s.ReceivedAt < unclaimed).ExecuteDeleteAsync(ct);
        removed += await db.SmsThreads.Where(t => oldReports.Contains(t.ReportId)).ExecuteDeleteAsync(ct);
        removed += await db.InboundEmails.Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await db.EmailThreadMessages.Where(m => oldReports.Contains(m.ReportId)).ExecuteDeleteAsync(ct);
        removed += await db.EmailThreads.Where(t => oldReports.Contains(t.ReportId)).ExecuteDeleteAsync(ct);
        removed += await db.CopyDeletions.Where(d => d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        removed += await DeadWork.PurgeAsync(db, queues, cutoff, ct);
        removed += await db.Reports.Where(r => r.AcceptedAt < cutoff && !r.ProviderKey.StartsWith(PurgedKeyPrefix))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ProviderKey, x => PurgedKeyPrefix + x.Id.ToString()), ct);
        await tx.CommitAsync(ct);
        if (removed > 0) log.LogInformation("Retention: {Count} rows past {Days} days removed or cleared", removed, options.CurrentValue.ContactRetentionDays);
        return removed;
    }
}

using TipLine.Bus.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Outbox;
using TipLine.Bus.Work;
using TipLine.Contracts;
using TipLine.Intake.Reporters;

namespace TipLine.Intake.SafetyNet;

/// <summary>
/// The safety net: accepted reports that no team queue has confirmed within the configured time
/// are published again (routing and the team queue are idempotent per report), and their count is
/// published for administrators, with the queued work given up (which <see cref="RetentionSweep"/> removes after the period).
/// </summary>
internal sealed class UnroutedReportSweep(
    IntakeDbContext db, IEnumerable<QueuedKind> queues, IOptions<SafetyNetOptions> options, TimeProvider clock,
    ILogger<UnroutedReportSweep> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.RouteWithin;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One sweeper at a time across processes.
        await db.Database.LockAsync(AdvisoryLock.UnroutedSweep, "", ct);
        var stale = await db.Reports
            .Where(r => r.CaseOpenedAt == null && r.AcceptedAt < cutoff && (r.LastRepublishedAt == null || r.LastRepublishedAt < cutoff))
            .OrderBy(r => r.AcceptedAt).Take(500).ToListAsync(ct);
        var staleIds = stale.Select(r => r.Id).ToList();
        var attachments = await db.Voicemails.AsNoTracking().Where(v => staleIds.Contains(v.ReportId) && v.AttachmentId != null)
            .ToDictionaryAsync(v => v.ReportId, v => v.AttachmentId!.Value, ct);
        foreach (var report in stale)
        {
            report.LastRepublishedAt = now;
            db.AddToOutbox(new ReportSubmitted(report.Id, report.SchoolId, report.Channel, report.Pseudonym, report.Language,
                new TipContent(report.WhatHappened, report.WhoIsInvolved, report.WhenAndWhere), report.DangerNow, report.AcceptedAt,
                attachments.TryGetValue(report.Id, out var attachment) ? [attachment] : null, report.SenderVerified,
                report.NotTranscribed), now);
            log.LogWarning("Report {ReportId} not routed since {AcceptedAt}; published again", report.Id, report.AcceptedAt);
        }
        var unrouted = db.Reports.Where(r => r.CaseOpenedAt == null && r.AcceptedAt < cutoff);
        var count = await unrouted.CountAsync(ct);
        var oldest = await unrouted.MinAsync(r => (DateTimeOffset?)r.AcceptedAt, ct);
        db.AddToOutbox(new UnroutedReportsCounted(count, oldest, now), now);
        db.AddToOutbox(new DeadWorkCounted(IntakeDbContext.Schema, await DeadWork.CountAsync(db, queues, ct), now), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }
}

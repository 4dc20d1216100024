using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Contracts;

namespace TipLine.Teams.Escalation;

/// <summary>
/// At most one alert per member, method and incident per <see cref="EscalationOptions.AlertWindow"/>; tips not grouped into
/// an incident share one such stream, so a flood of different texts is capped too, while a real tip about something else
/// is not folded into a flood's alert. An attempt that comes inside the window waits for its end; the first one due then
/// takes in every other due attempt of its stream and goes as one alert that counts them, with one link for all. The
/// others are kept as <see cref="AttemptStatus.Covered"/>, pointing at it, so each case's timeline shows which alert
/// covered it. Escalation timers still run per case; their alerts join the same stream.
/// </summary>
internal sealed class AlertCoalescing(TeamsDbContext db, IOptions<EscalationOptions> options, TimeProvider clock)
{
    /// <summary>
    /// True when the claimed attempt should be sent now (possibly covering others); false when it waits for the window or
    /// another alert already covered it. Decided in one transaction under a lock per stream, and the attempt is marked in
    /// flight (<see cref="AlertAttempt.SentAt"/>) before the lock is let go, so two workers never both send in one window.
    /// </summary>
    public async Task<bool> ReadyAsync(AlertAttempt attempt, CancellationToken ct)
    {
        var window = options.Value.AlertWindow;
        // A fallback replaces a failed alert at once; an attempt already in flight when its process died goes as it is.
        if (window <= TimeSpan.Zero || attempt.Digest || attempt.FallbackFor is not null || attempt.SentAt is not null) return true;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = await db.Cases.Where(c => c.Id == attempt.CaseIds[0]).Select(c => c.IncidentId).SingleOrDefaultAsync(ct);
        var stream = $"alert-window:{attempt.MemberId}:{attempt.Method}:{incident}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({stream}, 0))", ct);
        await db.Entry(attempt).ReloadAsync(ct);
        if (attempt.Status != AttemptStatus.Pending || attempt.SentAt is not null)
        {
            // Covered (or sent) by another worker since it was claimed.
            await tx.CommitAsync(ct);
            return attempt.Status == AttemptStatus.Pending;
        }
        if (await LastAlertAsync(attempt, incident, now - window, ct) is { } last)
        {
            attempt.NextAttemptAt = last + window;
            attempt.Attempts--; // waiting for the window is not a failed attempt
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return false;
        }
        await CoverAsync(attempt, incident, now, ct);
        attempt.SentAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>When the stream's last alert to this member by this method went (or started going) within the window.</summary>
    private Task<DateTimeOffset?> LastAlertAsync(AlertAttempt attempt, Guid? incident, DateTimeOffset since, CancellationToken ct)
    {
        var method = attempt.Method.ToString();
        var sent = incident is { } id
            ? db.Database.SqlQuery<DateTimeOffset?>($"""
                SELECT max(a."SentAt") AS "Value" FROM teams.alert_attempts a
                WHERE a."MemberId" = {attempt.MemberId} AND a."Method" = {method} AND NOT a."Digest" AND a."Id" <> {attempt.Id}
                  AND a."SentAt" > {since} AND a."Status" IN ('Pending', 'Sent', 'Delivered')
                  AND EXISTS (SELECT 1 FROM teams.cases c WHERE c."Id" = ANY(a."CaseIds") AND c."IncidentId" = {id})
                """)
            : db.Database.SqlQuery<DateTimeOffset?>($"""
                SELECT max(a."SentAt") AS "Value" FROM teams.alert_attempts a
                WHERE a."MemberId" = {attempt.MemberId} AND a."Method" = {method} AND NOT a."Digest" AND a."Id" <> {attempt.Id}
                  AND a."SentAt" > {since} AND a."Status" IN ('Pending', 'Sent', 'Delivered')
                  AND NOT EXISTS (SELECT 1 FROM teams.cases c WHERE c."Id" = ANY(a."CaseIds") AND c."IncidentId" IS NOT NULL)
                """);
        return sent.SingleAsync(ct);
    }

    /// <summary>Takes in the stream's other due attempts: their cases join this alert, which counts them.</summary>
    private async Task CoverAsync(AlertAttempt attempt, Guid? incident, DateTimeOffset now, CancellationToken ct)
    {
        var method = attempt.Method.ToString();
        var others = await (incident is { } id
            ? db.AlertAttempts.FromSql($"""
                SELECT a.* FROM teams.alert_attempts a JOIN teams.cases c ON c."Id" = a."CaseIds"[1]
                WHERE a."MemberId" = {attempt.MemberId} AND a."Method" = {method} AND a."Status" = 'Pending' AND NOT a."Digest"
                  AND a."FallbackFor" IS NULL AND a."SentAt" IS NULL AND a."DeadAt" IS NULL AND a."Id" <> {attempt.Id}
                  AND a."DueAt" <= {now} AND c."IncidentId" = {id}
                FOR UPDATE OF a SKIP LOCKED
                """)
            : db.AlertAttempts.FromSql($"""
                SELECT a.* FROM teams.alert_attempts a JOIN teams.cases c ON c."Id" = a."CaseIds"[1]
                WHERE a."MemberId" = {attempt.MemberId} AND a."Method" = {method} AND a."Status" = 'Pending' AND NOT a."Digest"
                  AND a."FallbackFor" IS NULL AND a."SentAt" IS NULL AND a."DeadAt" IS NULL AND a."Id" <> {attempt.Id}
                  AND a."DueAt" <= {now} AND c."IncidentId" IS NULL
                FOR UPDATE OF a SKIP LOCKED
                """)).ToListAsync(ct);
        if (others.Count == 0) return;

        var caseIds = others.SelectMany(o => o.CaseIds).Concat(attempt.CaseIds).Distinct().ToList();
        var open = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id) && c.AcknowledgedAt == null)
            .Select(c => new { c.Id, c.SuggestedUrgency }).ToListAsync(ct);
        foreach (var other in others)
        {
            var stillOpen = other.CaseIds.Any(id => open.Any(c => c.Id == id));
            other.Status = stillOpen ? AttemptStatus.Covered : AttemptStatus.Cancelled;
            other.CoveredBy = stillOpen ? attempt.Id : null;
            other.Detail = stillOpen ? "covered by one alert for several tips" : "acknowledged before sending";
            other.UpdatedAt = now;
        }
        var covered = others.Where(o => o.Status == AttemptStatus.Covered).ToList();
        if (covered.Count == 0) return;
        attempt.CaseIds = covered.SelectMany(o => o.CaseIds).Concat(attempt.CaseIds).Where(id => open.Any(c => c.Id == id)).Distinct().ToList();
        attempt.TipCount = attempt.CaseIds.Count;
        attempt.ImminentCount = open.Count(c => attempt.CaseIds.Contains(c.Id) && c.SuggestedUrgency == SuggestedUrgency.Imminent);
        attempt.Urgency = covered.Select(o => o.Urgency).Append(attempt.Urgency).Max();
        attempt.SchoolName = string.Join(", ", covered.Select(o => o.SchoolName).Append(attempt.SchoolName).Distinct().Order(StringComparer.Ordinal));
        attempt.Unread = attempt.TipCount == 1 ? attempt.Unread : null;
    }
}

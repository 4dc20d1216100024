using TipLine.Bus.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Teams.Surges;

namespace TipLine.Teams.Escalation;

/// <summary>
/// At most one alert per member, method and incident per <see cref="EscalationOptions.AlertWindow"/>; tips not grouped into
/// an incident share one such stream, so a flood of different texts is capped too, while a real tip about something else
/// is not folded into a flood's alert. An attempt that comes inside the window waits for its end; the first one due then
/// takes in every other due attempt of its stream and goes as one alert that counts them, with one link for all. The
/// others are kept as <see cref="AttemptStatus.Covered"/>, pointing at it, so each case's timeline shows which alert
/// covered it. Escalation timers still run per case; their alerts join the same stream. In surge mode (set by a district
/// administrator) every incident shares one stream per member and method, over the longer <see cref="SurgeOptions.AlertWindow"/>.
/// </summary>
internal sealed class AlertCoalescing(
    TeamsDbContext db, SurgeStatus surge, IOptions<EscalationOptions> options, IOptions<SurgeOptions> surgeOptions, TimeProvider clock)
{
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// True when the claimed attempt should be sent now (possibly covering others); false when it waits for the window or
    /// another alert already covered it. Decided in one transaction under a lock per stream, and the attempt is marked in
    /// flight (<see cref="AlertAttempt.SentAt"/>) before the lock is let go, so two workers never both send in one window.
    /// </summary>
    public async Task<bool> ReadyAsync(AlertAttempt attempt, CancellationToken ct)
    {
        // A fallback replaces a failed alert at once; an attempt already in flight when its process died goes as it is.
        if (attempt.Digest || attempt.FallbackFor is not null || attempt.SentAt is not null) return true;
        var surgeMode = await surge.ModeOnAsync(ct);
        var window = surgeMode ? Max(options.Value.AlertWindow, surgeOptions.Value.AlertWindow) : options.Value.AlertWindow;
        if (window <= TimeSpan.Zero) return true;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One lock per member and method: a case's incident can change meanwhile (grouped, kept apart), so it is read under it.
        await db.Database.LockAsync(AdvisoryLock.AlertRecipient, $"{attempt.MemberId}:{attempt.Method}", ct);
        var incident = surgeMode ? null : await db.Cases.Where(c => c.Id == attempt.CaseIds[0]).Select(c => c.IncidentId).SingleOrDefaultAsync(ct);
        await db.Entry(attempt).ReloadAsync(ct);
        if (attempt.Status != AttemptStatus.Pending || attempt.SentAt is not null)
        {
            // Covered by another worker since it was claimed (or, impossibly while the lease holds, in flight elsewhere).
            await tx.CommitAsync(ct);
            return false;
        }
        if (await LastAlertAsync(attempt, incident, surgeMode, now - window, ct) is { } last)
        {
            attempt.NextAttemptAt = last + window;
            attempt.Attempts--; // waiting for the window is not a failed attempt
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return false;
        }
        await CoverAsync(attempt, incident, surgeMode, now, ct);
        attempt.SentAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Which attempts share a stream with one about a case in <c>{0}</c> (an incident), by the cases they count.</summary>
    private static string StreamOf(Guid? incident, bool surgeMode, string attempts) => surgeMode ? "TRUE"
        : incident is null
            ? $"NOT EXISTS (SELECT 1 FROM teams.cases c WHERE c.\"Id\" = ANY({attempts}.\"CaseIds\") AND c.\"IncidentId\" IS NOT NULL)"
            : $"EXISTS (SELECT 1 FROM teams.cases c WHERE c.\"Id\" = ANY({attempts}.\"CaseIds\") AND c.\"IncidentId\" = {{0}})";

    /// <summary>
    /// When the stream's last alert to this member by this method went (or started going) within the window. A failed one
    /// counts too: its fallback by the other method went in its place, and a method that keeps failing (a phone that is
    /// off) must not turn every tip of a flood into a fallback of its own.
    /// </summary>
    private Task<DateTimeOffset?> LastAlertAsync(AlertAttempt attempt, Guid? incident, bool surgeMode, DateTimeOffset since, CancellationToken ct)
    {
        // The stream's condition is one of three constant fragments; every value is a parameter.
        var sql = $$"""
            SELECT max(a."SentAt") AS "Value" FROM teams.alert_attempts a
            WHERE a."MemberId" = {1} AND a."Method" = {2} AND NOT a."Digest" AND a."Id" <> {3}
              AND a."SentAt" > {4} AND a."Status" IN ('Pending', 'Sent', 'Delivered', 'Failed') AND a."Urgency" >= {5} AND {{StreamOf(incident, surgeMode, "a")}}
            """;
        // An imminent tip waits only behind an alert that already said "imminent" in this window, never behind a lesser one.
        var atLeast = attempt.Urgency == SuggestedUrgency.Imminent ? SuggestedUrgency.Imminent : SuggestedUrgency.Routine;
        return db.Database.SqlQueryRaw<DateTimeOffset?>(sql, incident ?? Guid.Empty, attempt.MemberId, attempt.Method.ToString(), attempt.Id, since,
            (int)atLeast).SingleAsync(ct);
    }

    /// <summary>Takes in the stream's other due attempts: their cases join this alert, which counts them.</summary>
    private async Task CoverAsync(AlertAttempt attempt, Guid? incident, bool surgeMode, DateTimeOffset now, CancellationToken ct)
    {
        var sql = $$"""
            SELECT * FROM teams.alert_attempts p
            WHERE p."MemberId" = {1} AND p."Method" = {2} AND p."Status" = 'Pending' AND NOT p."Digest" AND p."FallbackFor" IS NULL
              AND p."SentAt" IS NULL AND p."DeadAt" IS NULL AND p."Id" <> {3} AND p."DueAt" <= {4} AND {{StreamOf(incident, surgeMode, "p")}}
            FOR UPDATE SKIP LOCKED
            """;
        var others = await db.AlertAttempts.FromSqlRaw(sql, incident ?? Guid.Empty, attempt.MemberId, attempt.Method.ToString(), attempt.Id, now)
            .ToListAsync(ct);
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
        var schools = covered.Select(o => o.SchoolName).Append(attempt.SchoolName).Distinct().Order(StringComparer.Ordinal).ToList();
        attempt.SchoolName = schools.Count <= 3 ? string.Join(", ", schools) : $"{schools.Count} schools";
        attempt.Unread = attempt.TipCount == 1 ? attempt.Unread : null;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Directory;

namespace TipLine.Teams.Escalation;

/// <summary>
/// Takes one due escalation (FOR UPDATE SKIP LOCKED, so no two workers take the same one), plans the alerts of its next
/// level as pending attempts and sets the next due time, all in one transaction. A routine tip's escalation is due at
/// the digest: every due routine tip of that team goes into one digest.
/// </summary>
public sealed class EscalationSteps(
    TeamsDbContext db, SchoolDirectory directory, IOptions<EscalationOptions> options, TimeProvider clock, ILogger<EscalationSteps> log)
{
    public async Task<bool> AdvanceNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Escalations.FromSql(
                $"SELECT * FROM teams.escalations WHERE \"NextDueAt\" <= {now} ORDER BY \"NextDueAt\" LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (due.Count == 0) return false;
        var escalation = due[0];
        var acknowledged = await db.Cases.AnyAsync(c => c.Id == escalation.CaseId && c.AcknowledgedAt != null, ct);
        if (acknowledged) Stop(escalation, now, "acknowledged");
        else if (escalation.Urgency == SuggestedUrgency.Routine) await DigestAsync(escalation, now, ct);
        else await AlertNextLevelAsync(escalation, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task AlertNextLevelAsync(CaseEscalation escalation, DateTimeOffset now, CancellationToken ct)
    {
        var level = escalation.Level + 1;
        var policy = options.Value.PolicyFor(escalation.Urgency);
        var team = await directory.MembersOfTeamAsync(escalation.TeamId, ct);
        var district = level >= EscalationLadder.TopLevel ? await DistrictTeamAsync(escalation.TeamId, ct) : [];
        var members = EscalationLadder.MembersAt(level, escalation.Urgency, escalation.OnCallMemberId, team, district, options.Value);
        var school = await directory.SchoolNameAsync(escalation.SchoolId, ct) ?? "a school";
        var step = Guid.NewGuid();
        var planned = EscalationLadder.Plan(members, policy.SmsAndEmail).Select(p => new AlertAttempt
        {
            Id = Guid.NewGuid(), StepId = step, CaseIds = [escalation.CaseId], MemberId = p.MemberId, Method = p.Method, Level = level,
            SchoolName = school, Urgency = escalation.Urgency, ReplyCode = escalation.ReplyCode, DueAt = now, UpdatedAt = now,
        }).ToList();
        db.AlertAttempts.AddRange(planned);
        if (planned.Count == 0) log.LogError("Case {CaseId}: nobody can be alerted at level {Level}", escalation.CaseId, level);
        else log.LogInformation("Case {CaseId}: {Count} alerts planned at level {Level}", escalation.CaseId, planned.Count, level);
        escalation.Level = level;
        escalation.NextDueAt = EscalationLadder.NextDue(level, now, policy);
    }

    private async Task DigestAsync(CaseEscalation first, DateTimeOffset now, CancellationToken ct)
    {
        var batch = await db.Escalations.FromSql($"""
                SELECT * FROM teams.escalations WHERE "TeamId" = {first.TeamId} AND "Urgency" = {(int)SuggestedUrgency.Routine}
                AND "NextDueAt" <= {now} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
        if (!batch.Contains(first)) batch.Add(first);
        var caseIds = batch.Select(e => e.CaseId).ToList();
        var open = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id) && c.AcknowledgedAt == null)
            .Select(c => new { c.Id, c.SchoolId }).ToListAsync(ct);
        foreach (var escalation in batch) Stop(escalation, now, open.Any(c => c.Id == escalation.CaseId) ? "digest sent" : "acknowledged");
        if (open.Count == 0) return;

        var schools = new List<string>();
        foreach (var schoolId in open.Select(c => c.SchoolId).Distinct()) schools.Add(await directory.SchoolNameAsync(schoolId, ct) ?? "a school");
        var team = await directory.MembersOfTeamAsync(first.TeamId, ct);
        var step = Guid.NewGuid();
        db.AlertAttempts.AddRange(EscalationLadder.Plan(team, both: false, smsFirst: false).Select(p => new AlertAttempt
        {
            Id = Guid.NewGuid(), StepId = step, CaseIds = open.Select(c => c.Id).ToList(), MemberId = p.MemberId, Method = p.Method,
            Digest = true, SchoolName = string.Join(", ", schools.Order(StringComparer.Ordinal)), Urgency = SuggestedUrgency.Routine,
            TipCount = open.Count, DueAt = now, UpdatedAt = now,
        }));
        log.LogInformation("Team {TeamId}: digest of {Count} routine tips planned", first.TeamId, open.Count);
    }

    private async Task<IReadOnlyList<TeamMember>> DistrictTeamAsync(Guid caseTeam, CancellationToken ct)
    {
        if (await directory.DistrictWideSchoolAsync(ct) is not { } districtWide) return [];
        var fallback = await directory.TeamForSchoolAsync(districtWide.Id, ct);
        return fallback is null || fallback.TeamId == caseTeam ? [] : await directory.MembersOfTeamAsync(fallback.TeamId, ct);
    }

    private static void Stop(CaseEscalation escalation, DateTimeOffset now, string reason)
    {
        escalation.NextDueAt = null;
        escalation.StoppedAt = now;
        escalation.StopReason = reason;
    }
}

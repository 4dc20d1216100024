using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Work;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Directory.Schedules;
using TipLine.Teams.Alerts;

namespace TipLine.Teams.Escalation;

/// <summary>
/// Advances one due escalation the work queue claimed (kind <see cref="Kind"/>): plans the alerts of its next level as
/// pending attempts and sets the next due time, in one transaction. A routine tip's escalation is due at the digest:
/// every due routine tip of that team goes into one digest.
/// </summary>
internal sealed class EscalationSteps(
    TeamsDbContext db, SchoolDirectory directory, OnCallDirectory onCall, IOptionsMonitor<EscalationOptions> options, TimeProvider clock,
    ILogger<EscalationSteps> log)
    : IWorkHandler<CaseEscalation>
{
    public const string Kind = "Escalation";

    /// <summary>A stopped escalation (acknowledged, digest sent) is the case's record, not queued work.</summary>
    public const string ClaimFilter = "\"StoppedAt\" IS NULL";

    public static void Defaults(WorkOptions o)
    {
        o.PollInterval = TimeSpan.FromSeconds(1);
        o.Lease = TimeSpan.FromMinutes(1);
        o.RetryBaseDelay = TimeSpan.FromSeconds(5);
        o.RetryMaxDelay = TimeSpan.FromMinutes(1);
        o.MaxAttempts = 10;
    }

    public async Task HandleAsync(CaseEscalation escalation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var acknowledged = await db.Cases.AnyAsync(c => c.Id == escalation.CaseId && c.AcknowledgedAt != null, ct);
        if (acknowledged) Stop(escalation, now, "acknowledged");
        else if (escalation.Urgency == SuggestedUrgency.Routine) await DigestAsync(escalation, now, ct);
        else await AlertNextLevelAsync(escalation, now, ct);
        escalation.Attempts = 0;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The next level could not be planned, again and again: the escalation stops with that reason and is parked for
    /// administrators. Alerts already planned still go out.
    /// </summary>
    public async Task GiveUpAsync(CaseEscalation claimed, CancellationToken ct)
    {
        // From what is stored: a failed step's unsaved changes (a digest batch marked sent) must not be saved now.
        db.ChangeTracker.Clear();
        var escalation = await db.Escalations.SingleAsync(e => e.CaseId == claimed.CaseId, ct);
        log.LogError("Case {CaseId}: escalation stopped at level {Level}, its next step kept failing", escalation.CaseId, escalation.Level);
        Stop(escalation, clock.GetUtcNow(), "gave up");
        await db.SaveChangesAsync(ct);
    }

    private async Task AlertNextLevelAsync(CaseEscalation escalation, DateTimeOffset now, CancellationToken ct)
    {
        var level = escalation.Level + 1;
        var policy = options.CurrentValue.PolicyFor(escalation.Urgency);
        var team = await directory.MembersOfTeamAsync(escalation.TeamId, ct);
        var district = level >= EscalationLadder.TopLevel ? await DistrictTeamAsync(escalation.TeamId, ct) : [];
        var tip = await db.Cases.AsNoTracking().Where(c => c.Id == escalation.CaseId)
            .Select(c => new { c.ReporterLanguage, c.TeamLanguage, c.Readability }).SingleAsync(ct);
        var members = EscalationLadder.MembersAt(level, escalation.Urgency, escalation.OnCallMemberId, team, district, options.CurrentValue);
        // Nobody on the team can read it by machine (an untranslated tip, or an untranscribed voicemail in another language):
        // a member who reads the language is alerted too, from the first level.
        var needsReader = tip.Readability == TipReadability.NotTranslated
            || (tip.Readability == TipReadability.NotTranscribed && !string.Equals(tip.ReporterLanguage, tip.TeamLanguage, StringComparison.OrdinalIgnoreCase));
        if (level == 1 && needsReader)
        {
            var rotation = await onCall.RotationAsync(escalation.TeamId, ct);
            if (EscalationLadder.ReaderFor(tip.ReporterLanguage, escalation.OnCallMemberId, team, rotation?.MemberIds) is { } reader
                && members.All(m => m.Id != reader.Id))
            {
                members = [reader, .. members];
            }
        }
        var school = await directory.SchoolNameAsync(escalation.SchoolId, ct) ?? "a school";
        var unread = UnreadNote.For(tip.Readability, tip.ReporterLanguage);
        var step = Guid.NewGuid();
        var planned = EscalationLadder.Plan(members, policy.SmsAndEmail).Select(p => new AlertAttempt
        {
            Id = Guid.NewGuid(), StepId = step, CaseIds = [escalation.CaseId], MemberId = p.MemberId, Method = p.Method, Level = level,
            SchoolName = school, Urgency = escalation.Urgency, ReplyCode = escalation.ReplyCode, Unread = unread, DueAt = now, NextAttemptAt = now, UpdatedAt = now,
        }).ToList();
        db.AlertAttempts.AddRange(planned);
        if (planned.Count == 0) log.LogError("Case {CaseId}: nobody can be alerted at level {Level}", escalation.CaseId, level);
        else log.LogInformation("Case {CaseId}: {Count} alerts planned at level {Level}", escalation.CaseId, planned.Count, level);
        escalation.Level = level;
        escalation.NextAttemptAt = EscalationLadder.NextDue(level, now, policy);
    }

    private async Task DigestAsync(CaseEscalation first, DateTimeOffset now, CancellationToken ct)
    {
        var batch = await db.Escalations.FromSql($"""
                SELECT * FROM teams.escalations WHERE "TeamId" = {first.TeamId} AND "Urgency" = {(int)SuggestedUrgency.Routine}
                AND "StoppedAt" IS NULL AND "DeadAt" IS NULL AND "NextAttemptAt" <= {now} FOR UPDATE SKIP LOCKED
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
            TipCount = open.Count, DueAt = now, NextAttemptAt = now, UpdatedAt = now,
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
        escalation.StoppedAt = now;
        escalation.StopReason = reason;
    }
}

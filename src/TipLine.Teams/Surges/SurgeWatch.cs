using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Work;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Teams.Escalation;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Surges;

/// <summary>
/// Measures the rate of new tips every <see cref="SurgeOptions.CheckEvery"/> and records it; when a surge begins, plans one
/// notice to each district administrator through the alert queue (so it is retried and falls back like any alert). Every
/// teams process may run it: the row lock makes one of them the one that sees the surge begin.
/// </summary>
internal sealed class SurgeWatch(TeamsDbContext db, SchoolDirectory directory, IOptions<SurgeOptions> options, IOptions<AlertOptions> alerts,
    TimeProvider clock, ILogger<SurgeWatch> log) : IRecurringPass
{
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await db.SurgeStates.FromSql($"SELECT * FROM teams.surge_state WHERE \"Id\" = {SurgeState.TheRow} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (state is null) db.SurgeStates.Add(state = new SurgeState());

        var recentFrom = now - settings.Window;
        var recent = await db.Cases.CountAsync(c => c.AcceptedAt >= recentFrom, ct);
        var baselineFrom = now - settings.Baseline;
        var before = await db.Cases.CountAsync(c => c.AcceptedAt >= baselineFrom && c.AcceptedAt < recentFrom, ct);
        var usual = before / (settings.Baseline - settings.Window).TotalMinutes;
        var surging = SurgeRule.IsSurge(recent, settings.Window, usual, settings);

        if (surging && state.DetectedAt is null)
        {
            state.DetectedAt = now;
            if (alerts.Value.Enabled) await TellDistrictAdministratorsAsync(recent, settings.Window, usual, now, ct);
            log.LogWarning("Surge: {Recent} tips in {Minutes} minutes, usual {Usual:F3} per minute", recent, settings.Window.TotalMinutes, usual);
        }
        else if (!surging && state.DetectedAt is not null)
        {
            state.DetectedAt = null;
            log.LogInformation("Surge over");
        }
        state.RecentTips = recent;
        state.UsualPerMinute = usual;
        state.MeasuredAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return false;
    }

    private async Task TellDistrictAdministratorsAsync(int recent, TimeSpan window, double usual, DateTimeOffset now, CancellationToken ct)
    {
        var adminIds = await (from userRole in db.UserRoles
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where role.Name == StaffRoles.DistrictAdmin
                              select userRole.UserId).ToListAsync(ct);
        var admins = new List<TeamMember>();
        foreach (var id in adminIds)
        {
            if (await directory.MemberAsync(id, ct) is { } member) admins.Add(member);
        }
        var notice = SurgeRule.Notice(recent, window, usual);
        var step = Guid.NewGuid();
        db.AlertAttempts.AddRange(EscalationLadder.Plan(admins, both: false).Select(p => new AlertAttempt
        {
            Id = Guid.NewGuid(), StepId = step, MemberId = p.MemberId, Method = p.Method, Digest = true, Notice = notice,
            SchoolName = "the district", Urgency = SuggestedUrgency.Routine, TipCount = recent, DueAt = now, NextAttemptAt = now, UpdatedAt = now,
        }));
    }
}

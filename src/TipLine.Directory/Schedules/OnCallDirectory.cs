using Microsoft.EntityFrameworkCore;

namespace TipLine.Directory.Schedules;

/// <summary>
/// Who is on call for a team, read from the directory: the team's rotation and overrides, with the
/// district's 24/7 team (the team of the district-wide school) covering wherever the team has nobody.
/// Not cached: an administrator's change applies to the very next tip.
/// </summary>
public sealed class OnCallDirectory(DirectoryDbContext db)
{
    public async Task<OnCallShift?> OnCallNowAsync(Guid teamId, DateTimeOffset at, CancellationToken ct)
    {
        var (team, fallback) = await SchedulesAsync(teamId, at, at + ScheduleResolver.Horizon, ct);
        return ScheduleResolver.OnCallAt(team, fallback, at);
    }

    /// <summary>Who takes over after the member on call at the instant, and when (within 90 days).</summary>
    public async Task<OnCallShift?> NextAsync(Guid teamId, DateTimeOffset at, CancellationToken ct)
    {
        var (team, fallback) = await SchedulesAsync(teamId, at, at + ScheduleResolver.Horizon, ct);
        return ScheduleResolver.NextAfter(team, fallback, at);
    }

    public async Task<IReadOnlyList<OnCallShift>> ShiftsAsync(Guid teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (team, fallback) = await SchedulesAsync(teamId, from, to, ct);
        return ScheduleResolver.Shifts(team, fallback, from, to);
    }

    /// <summary>The team whose rotation covers every team that has nobody on call; null if the district has none.</summary>
    public Task<Guid?> FallbackTeamAsync(CancellationToken ct) =>
        db.Schools.AsNoTracking().Where(s => s.IsDistrictWide).Select(s => (Guid?)s.TeamId).SingleOrDefaultAsync(ct);

    public async Task<Rotation?> RotationAsync(Guid teamId, CancellationToken ct) =>
        await db.Rotations.AsNoTracking().SingleOrDefaultAsync(r => r.TeamId == teamId, ct);

    /// <summary>Overrides not removed that have not ended by the given instant, soonest first.</summary>
    public async Task<IReadOnlyList<OnCallOverride>> OverridesAsync(Guid teamId, DateTimeOffset endingAfter, CancellationToken ct) =>
        await db.Overrides.AsNoTracking().Where(o => o.TeamId == teamId && o.RemovedAt == null && o.EndsAt > endingAfter)
            .OrderBy(o => o.StartsAt).ToListAsync(ct);

    private async Task<(OnCallSchedule Team, OnCallSchedule? Fallback)> SchedulesAsync(
        Guid teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var team = await ScheduleAsync(teamId, from, to, ct);
        var fallbackTeam = await FallbackTeamAsync(ct);
        var fallback = fallbackTeam is { } id && id != teamId ? await ScheduleAsync(id, from, to, ct) : null;
        return (team, fallback);
    }

    private async Task<OnCallSchedule> ScheduleAsync(Guid teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.TeamId == teamId).OrderBy(m => m.RotationOrder).ToListAsync(ct);
        var rotation = await RotationAsync(teamId, ct);
        var covers = await db.Overrides.AsNoTracking()
            .Where(o => o.TeamId == teamId && o.RemovedAt == null && o.EndsAt > from && o.StartsAt < to)
            .Select(o => new Cover(o.MemberId, o.StartsAt, o.EndsAt, o.CreatedAt)).ToListAsync(ct);
        return new OnCallSchedule(RotationPlans.PlanFor(rotation, members), covers);
    }
}

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

    /// <summary>
    /// The team's schedule and the district fallback's, in three queries for both (routing asks this
    /// for every tip): the fallback team comes along by subquery, and the rows are split by team here.
    /// </summary>
    private async Task<(OnCallSchedule Team, OnCallSchedule? Fallback)> SchedulesAsync(
        Guid teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var fallbackTeam = db.Schools.Where(s => s.IsDistrictWide).Select(s => s.TeamId);
        var members = await db.Members.AsNoTracking().Where(m => m.TeamId == teamId || fallbackTeam.Contains(m.TeamId))
            .OrderBy(m => m.RotationOrder).ToListAsync(ct);
        var rotations = await db.Rotations.AsNoTracking().Where(r => r.TeamId == teamId || fallbackTeam.Contains(r.TeamId)).ToListAsync(ct);
        var covers = await db.Overrides.AsNoTracking()
            .Where(o => (o.TeamId == teamId || fallbackTeam.Contains(o.TeamId)) && o.RemovedAt == null && o.EndsAt > from && o.StartsAt < to)
            .Select(o => new { o.TeamId, Cover = new Cover(o.MemberId, o.StartsAt, o.EndsAt, o.CreatedAt) }).ToListAsync(ct);

        OnCallSchedule ScheduleOf(Guid id) => new(
            RotationPlans.PlanFor(rotations.SingleOrDefault(r => r.TeamId == id), [.. members.Where(m => m.TeamId == id)]),
            [.. covers.Where(c => c.TeamId == id).Select(c => c.Cover)]);

        // A fallback team with no members, rotation or covers has nobody to offer: the same as none.
        var fallbackId = members.Select(m => m.TeamId).Concat(rotations.Select(r => r.TeamId)).Concat(covers.Select(c => c.TeamId))
            .Where(id => id != teamId).Cast<Guid?>().FirstOrDefault();
        return (ScheduleOf(teamId), fallbackId is { } fallback ? ScheduleOf(fallback) : null);
    }
}

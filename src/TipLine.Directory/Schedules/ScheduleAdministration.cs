using Microsoft.EntityFrameworkCore;

namespace TipLine.Directory.Schedules;

public sealed record RotationInput(IReadOnlyList<Guid> MemberIds, HandoffInterval Interval, TimeOnly HandoffTime, string TimeZone, DateOnly StartDate);

/// <summary>
/// Changes to a team's on-call schedule, checked before they are saved. Returns what is wrong, in
/// words for the administrator; an empty list means the change is saved. Who may change which team
/// is the caller's decision.
/// </summary>
public sealed class ScheduleAdministration(DirectoryDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan LongestOverride = TimeSpan.FromDays(366);
    private const string NoSuchTeam = "There is no such team.";

    public async Task<IReadOnlyList<string>> SaveRotationAsync(Guid teamId, RotationInput input, Guid actorId, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return [NoSuchTeam];
        var members = await MemberIdsAsync(teamId, ct);
        var errors = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone, out var zone) || !zone.HasIanaId)
        {
            errors.Add($"\"{input.TimeZone}\" is not an IANA time zone (for example America/Chicago).");
        }
        if (input.MemberIds.Any(id => !members.Contains(id))) errors.Add("Only members of this team can be in its rotation.");
        if (input.MemberIds.Distinct().Count() != input.MemberIds.Count) errors.Add("Each member can have only one place in the rotation.");
        if (errors.Count > 0) return errors;

        var rotation = await db.Rotations.SingleOrDefaultAsync(r => r.TeamId == teamId, ct);
        if (rotation is null) db.Rotations.Add(rotation = new Rotation { TeamId = teamId, TimeZone = input.TimeZone });
        rotation.MemberIds = [.. input.MemberIds];
        rotation.Interval = input.Interval;
        rotation.HandoffTime = new TimeOnly(input.HandoffTime.Hour, input.HandoffTime.Minute);
        rotation.TimeZone = zone!.Id;
        rotation.StartDate = input.StartDate;
        rotation.UpdatedAt = clock.GetUtcNow();
        rotation.UpdatedBy = actorId;
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<string>> AddOverrideAsync(
        Guid teamId, Guid memberId, DateTimeOffset startsAt, DateTimeOffset endsAt, Guid actorId, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return [NoSuchTeam];
        var now = clock.GetUtcNow();
        var errors = new List<string>();
        if (!(await MemberIdsAsync(teamId, ct)).Contains(memberId)) errors.Add("Only a member of this team can cover its on-call.");
        if (endsAt <= startsAt) errors.Add("An override must end after it starts.");
        else if (endsAt - startsAt > LongestOverride) errors.Add("An override can last at most a year.");
        if (endsAt <= now) errors.Add("An override must end in the future.");
        if (errors.Count > 0) return errors;

        db.Overrides.Add(new OnCallOverride
        {
            Id = Guid.NewGuid(), TeamId = teamId, MemberId = memberId, StartsAt = startsAt, EndsAt = endsAt, CreatedAt = now, CreatedBy = actorId,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Takes an override out of the schedule; the row stays, marked with who removed it and when.</summary>
    public async Task<IReadOnlyList<string>> RemoveOverrideAsync(Guid teamId, Guid overrideId, Guid actorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var removed = await db.Overrides.Where(o => o.Id == overrideId && o.TeamId == teamId && o.RemovedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RemovedAt, now).SetProperty(o => o.RemovedBy, actorId), ct);
        return removed == 1 ? [] : ["That override is not in this team's schedule."];
    }

    private async Task<HashSet<Guid>> MemberIdsAsync(Guid teamId, CancellationToken ct) =>
        (await db.Members.AsNoTracking().Where(m => m.TeamId == teamId).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
}

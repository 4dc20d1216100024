using TipLine.Directory;
using TipLine.Directory.Schedules;

namespace TipLine.Teams.OnCall;

/// <summary>To is null when the shift runs past the 90 days the schedule is looked at.</summary>
internal sealed record OnCallPerson(string Name, ShiftSource Source, DateTimeOffset From, DateTimeOffset? To);

internal sealed record OverrideView(Guid Id, string MemberName, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>The rotation as set, or (IsSet false) the default a team has until an administrator sets one.</summary>
internal sealed record RotationView(bool IsSet, IReadOnlyList<Guid> MemberIds, HandoffInterval Interval, TimeOnly HandoffTime,
    string TimeZone, DateOnly StartDate);

internal sealed record TeamOnCall(Guid TeamId, string TeamName, bool CanEdit, OnCallPerson? Now, OnCallPerson? Next,
    RotationView Rotation, IReadOnlyList<OverrideView> Overrides, IReadOnlyList<TeamMember> Members);

/// <summary>What the on-call page shows: per team the viewer may see, who is on call now and next, the rotation and overrides.</summary>
internal sealed class OnCallBoard(SchoolDirectory directory, OnCallDirectory onCall, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamOnCall>> ForAsync(ScheduleViewer viewer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var teams = (await directory.ListTeamsAsync(ct)).Where(t => viewer.CanView(t.Id)).ToList();
        var board = new List<TeamOnCall>();
        foreach (var team in teams)
        {
            var members = await directory.MembersOfTeamAsync(team.Id, ct);
            var rotation = await onCall.RotationAsync(team.Id, ct);
            var overrides = await onCall.OverridesAsync(team.Id, now, ct);
            board.Add(new TeamOnCall(team.Id, team.Name, viewer.CanEdit(team.Id),
                await PersonAsync(await onCall.OnCallNowAsync(team.Id, now, ct), members, now, ct),
                await PersonAsync(await onCall.NextAsync(team.Id, now, ct), members, now, ct),
                View(rotation, members),
                overrides.Select(o => new OverrideView(o.Id, members.FirstOrDefault(m => m.Id == o.MemberId)?.DisplayName ?? "?",
                    o.StartsAt, o.EndsAt)).ToList(),
                members));
        }
        return board;
    }

    private static RotationView View(Rotation? rotation, IReadOnlyList<TeamMember> members) => rotation is null
        ? new RotationView(false, members.Select(m => m.Id).ToList(), HandoffInterval.Weekly, RotationPlans.HandoffTime,
            members.Count > 0 ? members[0].TimeZone : "UTC", RotationPlans.StartDate)
        : new RotationView(true, rotation.MemberIds, rotation.Interval, rotation.HandoffTime, rotation.TimeZone, rotation.StartDate);

    /// <summary>A fallback member belongs to the district's team, not this one, so their name is looked up on its own.</summary>
    private async Task<OnCallPerson?> PersonAsync(OnCallShift? shift, IReadOnlyList<TeamMember> members, DateTimeOffset now, CancellationToken ct)
    {
        if (shift is null) return null;
        var name = members.FirstOrDefault(m => m.Id == shift.MemberId)?.DisplayName
            ?? (await directory.MemberAsync(shift.MemberId, ct))?.DisplayName ?? "?";
        return new OnCallPerson(name, shift.Source, shift.From, shift.To < now + ScheduleResolver.Horizon ? shift.To : null);
    }
}

namespace TipLine.Directory.Schedules;

/// <summary>
/// The plan a rotation stands for. Until an administrator sets one, a team's members take turns
/// weekly in their listed order, handing off Mondays at 08:00 in the first member's time zone.
/// Someone who has left the team no longer takes a turn.
/// </summary>
public static class RotationPlans
{
    public static readonly TimeOnly HandoffTime = new(8, 0);
    /// <summary>A Monday: weekly turns hand off on Mondays.</summary>
    public static readonly DateOnly StartDate = new(2024, 1, 1);

    public static RotationPlan? PlanFor(Rotation? rotation, IReadOnlyList<TeamMember> members)
    {
        if (rotation is not null)
        {
            var onTeam = members.Select(m => m.Id).ToHashSet();
            return new RotationPlan(rotation.MemberIds.Where(onTeam.Contains).ToList(), rotation.Interval, rotation.HandoffTime,
                Zone(rotation.TimeZone), rotation.StartDate);
        }
        if (members.Count == 0) return null;
        return new RotationPlan(members.Select(m => m.Id).ToList(), HandoffInterval.Weekly, HandoffTime, Zone(members[0].TimeZone), StartDate);
    }

    /// <summary>An IANA id; a zone the system does not know reads as UTC rather than stopping every tip.</summary>
    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}

namespace TipLine.Directory.Schedules;

/// <summary>A rotation ready to resolve: members in turn order, the handoff rule and its time zone.</summary>
public sealed record RotationPlan(
    IReadOnlyList<Guid> MemberIds, HandoffInterval Interval, TimeOnly HandoffTime, TimeZoneInfo Zone, DateOnly StartDate);

/// <summary>One override: the member on call from StartsAt (inclusive) to EndsAt (exclusive).</summary>
public sealed record Cover(Guid MemberId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset CreatedAt);

/// <summary>Everything that decides who is on call for one team. A null rotation means nobody (the fallback covers).</summary>
public sealed record OnCallSchedule(RotationPlan? Rotation, IReadOnlyList<Cover> Covers)
{
    public static readonly OnCallSchedule Nobody = new(null, []);
}

public enum ShiftSource
{
    /// <summary>The member's turn in the team's rotation.</summary>
    Rotation,
    /// <summary>An override: the member covers for the rotation.</summary>
    Override,
    /// <summary>The team had nobody; this member of the district's 24/7 team covers.</summary>
    Fallback,
}

/// <summary>A stretch of time one member is on call, from From (inclusive) to To (exclusive).</summary>
public sealed record OnCallShift(Guid MemberId, DateTimeOffset From, DateTimeOffset To, ShiftSource Source);

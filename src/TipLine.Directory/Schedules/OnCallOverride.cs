namespace TipLine.Directory.Schedules;

/// <summary>
/// A member covering a team's on-call from one instant to another (e.g. while the scheduled member
/// is on leave). It wins over the rotation; where two overlap, the one created last wins. Removing
/// one keeps the row (who removed it, when), so the schedule's history stays readable.
/// </summary>
public sealed class OnCallOverride
{
    public Guid Id { get; init; }
    public Guid TeamId { get; init; }
    public Guid MemberId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset? RemovedAt { get; set; }
    public Guid? RemovedBy { get; set; }
}

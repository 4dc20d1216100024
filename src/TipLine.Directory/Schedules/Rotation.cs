namespace TipLine.Directory.Schedules;

public enum HandoffInterval
{
    Daily,
    Weekly,
}

/// <summary>
/// A team's on-call rotation, set by an administrator: its members take turns in the listed order,
/// handing off every day or every week at a local time in a stated time zone. The first member
/// takes over at the handoff time on the start date; the cycle runs both ways from there, and a
/// weekly handoff falls on the start date's weekday. An empty list means nobody: the district's
/// 24/7 fallback team covers.
/// </summary>
public sealed class Rotation
{
    public Guid TeamId { get; init; }
    public List<Guid> MemberIds { get; set; } = [];
    public HandoffInterval Interval { get; set; }
    public TimeOnly HandoffTime { get; set; }
    /// <summary>IANA time zone the handoff time is read in, e.g. America/Chicago.</summary>
    public required string TimeZone { get; set; }
    public DateOnly StartDate { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
}

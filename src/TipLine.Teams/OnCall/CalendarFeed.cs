namespace TipLine.Teams.OnCall;

/// <summary>
/// A staff member's secret calendar address. Calendar apps cannot sign in, so the address carries
/// a random token; only its SHA-256 is stored. One per member: a new one replaces the old.
/// </summary>
internal sealed class CalendarFeed
{
    public Guid StaffId { get; init; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

namespace TipLine.Teams.SystemStatus;

/// <summary>The latest figures other modules report for administrators (one row).</summary>
internal sealed class SystemHealth
{
    public int Id { get; init; } = 1;
    public int UnroutedReports { get; set; }
    public DateTimeOffset? OldestUnroutedAcceptedAt { get; set; }
    public DateTimeOffset CountedAt { get; set; }
}

namespace TipLine.Teams.Surges;

/// <summary>The district's one surge record (teams.surge_state, a single row): what the last measure found, and surge mode.</summary>
internal sealed class SurgeState
{
    public const int TheRow = 1;

    public int Id { get; init; } = TheRow;

    /// <summary>When the current surge was first measured; null when there is none.</summary>
    public DateTimeOffset? DetectedAt { get; set; }
    public int RecentTips { get; set; }
    public double UsualPerMinute { get; set; }
    public DateTimeOffset? MeasuredAt { get; set; }

    /// <summary>Surge mode, turned on and off only by a district administrator.</summary>
    public bool ModeOn { get; set; }
    public Guid? ModeChangedBy { get; set; }
    public DateTimeOffset? ModeChangedAt { get; set; }
}

namespace TipLine.Routing.OnCall;

/// <summary>Where a team's simple on-call rotation stands.</summary>
public sealed class RotationCursor
{
    public Guid TeamId { get; init; }
    public long NextIndex { get; set; }
}

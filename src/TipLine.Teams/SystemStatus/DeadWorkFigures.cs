using TipLine.Contracts;

namespace TipLine.Teams.SystemStatus;

/// <summary>A module's newest count of queued work given up, by kind and error type (one row per module).</summary>
internal sealed class DeadWorkFigures
{
    public required string Module { get; init; }
    public List<DeadWorkCount> Counts { get; set; } = [];
    public DateTimeOffset CountedAt { get; set; }
}

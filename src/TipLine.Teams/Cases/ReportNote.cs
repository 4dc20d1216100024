namespace TipLine.Teams.Cases;

/// <summary>
/// A note from intake about a report (<see cref="Contracts.ReportNoted"/>), kept by report so it finds its case whether
/// it arrives before or after the case opens.
/// </summary>
internal sealed class ReportNote
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset At { get; init; }
}

namespace TipLine.Teams.Audit;

/// <summary>One line of the append-only audit log: who did what to which case, when, and whether it was allowed.</summary>
internal sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid ActorId { get; init; }
    public required string Action { get; init; }
    public Guid? CaseId { get; init; }
    public bool Allowed { get; init; }
}

namespace TipLine.Teams.Audit;

/// <summary>
/// One line of the append-only audit log: who did what, on which team and case, when, and whether it was allowed.
/// The database chains every entry to the one before it (<see cref="Hash"/>, see <see cref="AuditChain"/>).
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>Drawn by the chain trigger while it holds the chain, so ids follow the chain's order.</summary>
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The staff account; <see cref="Guid.Empty"/> for a sign-in to an account that does not exist.</summary>
    public Guid ActorId { get; init; }
    public required string Action { get; init; }
    public Guid? TeamId { get; init; }
    public Guid? CaseId { get; init; }
    public bool Allowed { get; init; }
    /// <summary>A short, non-confidential description (e.g. "locked out", a changed role); never tip or reporter content.</summary>
    public string? Detail { get; init; }
    /// <summary>The previous entry's <see cref="Hash"/> (32 zero bytes for the first); set by the database.</summary>
    public byte[]? PreviousHash { get; init; }
    /// <summary>SHA-256 of <see cref="PreviousHash"/> and this entry's fields; set by the database.</summary>
    public byte[]? Hash { get; init; }
}

namespace TipLine.Teams.Staff;

/// <summary>The one first-run link that creates the first district administrator: only its SHA-256 is kept.</summary>
internal sealed class SetupToken
{
    /// <summary>Always 1: there is at most one link at a time, and a new one replaces it.</summary>
    public int Id { get; init; } = 1;
    public required byte[] Hash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

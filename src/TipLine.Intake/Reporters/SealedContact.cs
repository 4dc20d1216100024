namespace TipLine.Intake.Reporters;

/// <summary>
/// A reporter's contact coordinates, encrypted (AES-GCM). Only the reply relay unseals them, at
/// send time; they are purged after the retention period.
/// </summary>
internal sealed class SealedContact
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public required string Channel { get; init; }
    public required byte[] Sealed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset PurgeAfter { get; init; }
}

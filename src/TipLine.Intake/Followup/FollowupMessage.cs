namespace TipLine.Intake.Followup;

/// <summary>One message of the anonymous conversation, in the reporter's language where we could translate it.</summary>
internal sealed class FollowupMessage
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public bool FromReporter { get; init; }
    public required string Text { get; init; }
    public required string Language { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

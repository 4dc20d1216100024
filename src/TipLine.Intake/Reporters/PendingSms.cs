using TipLine.Bus.Work;

namespace TipLine.Intake.Reporters;

/// <summary>
/// A text to a reporter waiting to be sent (a team question, or a voicemail caller's receipt), committed with what asked for it. The number
/// is not here: it is unsealed at send time. <see cref="SendStartedAt"/> is set, and committed, just before Twilio is
/// asked: a later attempt that finds it set first asks Twilio whether the text already exists, so it is not sent twice.
/// </summary>
internal sealed class PendingSms : IQueuedItem
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    /// <summary>The team question this text carries; null for a voicemail caller's receipt.</summary>
    public Guid? QuestionId { get; init; }
    /// <summary>The question as the reporter reads it; empty for a receipt, which is composed when it is sent.</summary>
    public required string Text { get; init; }
    /// <summary>A receipt (<see cref="Receipts.SealedReceipts"/>), sealed until sent and gone with the row.</summary>
    public byte[]? SealedReceipt { get; init; }
    /// <summary>The language a receipt is written in.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(20)]
    public string? Language { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SendStartedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

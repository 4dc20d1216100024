using TipLine.Bus.Work;

namespace TipLine.Intake.ProviderCopies;

/// <summary>What of Twilio's copy of a tip is to go.</summary>
internal enum CopyKind
{
    /// <summary>A voicemail recording (<see cref="PendingCopyDeletion.ResourceSid"/> is its RecordingSid, the parent its call).</summary>
    Recording,

    /// <summary>An MMS file (<see cref="PendingCopyDeletion.ParentSid"/> and its media sid).</summary>
    Media,

    /// <summary>An inbound text's body, redacted (<see cref="PendingCopyDeletion.ParentSid"/>).</summary>
    MessageBody,
}

/// <summary>
/// A copy Twilio still holds of something TipLine has committed: queued in the same transaction as TipLine's own copy,
/// deleted through Twilio's API by <see cref="StoredCopyDeleter"/>. Holds provider ids only, never content.
/// </summary>
internal sealed class PendingCopyDeletion : IQueuedItem
{
    public Guid Id { get; init; }
    public CopyKind Kind { get; init; }
    /// <summary>The message (or, for a recording, the call) the copy belongs to.</summary>
    public required string ParentSid { get; init; }
    public string? ResourceSid { get; init; }
    /// <summary>The report whose case is told when the copy is gone or could not be deleted; none for a receipt's text.</summary>
    public Guid? ReportId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }

    public static PendingCopyDeletion Of(CopyKind kind, string parentSid, string? resourceSid, Guid? reportId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, ParentSid = parentSid, ResourceSid = resourceSid, ReportId = reportId, CreatedAt = now, NextAttemptAt = now,
    };
}

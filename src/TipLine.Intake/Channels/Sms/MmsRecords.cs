using TipLine.Bus.Work;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// A picture (or other file) sent by MMS, waiting for the media queue (<see cref="MmsMediaProcessor"/>) to download it. Recorded with the text
/// in the webhook's transaction; the webhook never downloads. It belongs to a report, or to a held text
/// (<see cref="HeldSmsId"/>) until the reporter names the school and the report exists.
/// </summary>
internal sealed class PendingMms : IQueuedItem
{
    public Guid Id { get; init; }
    public required string MessageSid { get; init; }
    public int MediaIndex { get; init; }
    public required string MediaUrl { get; init; }
    public required string ContentType { get; init; }
    public Guid? ReportId { get; set; }
    public Guid? HeldSmsId { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

/// <summary>
/// A downloaded MMS file: the original sealed (AES-GCM, only intake holds the key) and, for a JPEG or PNG that could be
/// cleaned, the id of the copy without metadata the team can open. Purged with the sealed contacts.
/// </summary>
internal sealed class StoredMms
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public required string MessageSid { get; init; }
    public int MediaIndex { get; init; }
    public Guid? AttachmentId { get; init; }
    public required string OriginalContentType { get; init; }
    public required byte[] SealedOriginal { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset PurgeAfter { get; init; }
}

namespace TipLine.Contracts;

/// <summary>
/// A file the team may open was added to a report after it was accepted (a picture sent by MMS, cleaned of its
/// metadata). The original stays sealed in intake.
/// </summary>
public sealed record ReportAttachmentAdded(Guid ReportId, Guid AttachmentId, string ContentType, DateTimeOffset At);

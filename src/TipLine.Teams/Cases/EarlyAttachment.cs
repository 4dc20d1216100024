namespace TipLine.Teams.Cases;

/// <summary>
/// A file added to a report before its case was opened (the two travel separately). It is kept here and joins the case
/// the moment the case opens.
/// </summary>
internal sealed class EarlyAttachment
{
    public Guid AttachmentId { get; init; }
    public Guid ReportId { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}

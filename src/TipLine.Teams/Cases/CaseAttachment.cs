namespace TipLine.Teams.Cases;

/// <summary>A file published with the case's report (e.g. a voicemail's disguised copy), playable by the case's team.</summary>
internal sealed class CaseAttachment
{
    public Guid CaseId { get; init; }
    public Guid AttachmentId { get; init; }
}

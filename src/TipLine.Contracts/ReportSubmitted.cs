namespace TipLine.Contracts;

/// <summary>
/// Intake accepted a tip (committed) and de-identified its reporter. <paramref name="AttachmentIds"/> name files the team
/// may open (a voicemail's disguised copy); messages from before it existed have none.
/// </summary>
public sealed record ReportSubmitted(
    Guid ReportId,
    Guid SchoolId,
    string Channel,
    string Pseudonym,
    string Language,
    TipContent Content,
    bool DangerNow,
    DateTimeOffset AcceptedAt,
    IReadOnlyList<Guid>? AttachmentIds = null);

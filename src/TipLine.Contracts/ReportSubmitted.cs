namespace TipLine.Contracts;

/// <summary>
/// Intake accepted a tip (committed) and de-identified its reporter. <paramref name="AttachmentIds"/> name files the team
/// may open (a voicemail's disguised copy); messages from before it existed have none. <paramref name="SenderVerified"/>: the
/// provider vouched for the sender (an SMS, a caller with full attestation, a DMARC-aligned mail), false when a sender was
/// given but not vouched for (the tip started its own thread and cannot be answered on that channel), null without a sender.
/// <paramref name="NotTranscribed"/>: a voicemail whose words are only in the recording.
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
    IReadOnlyList<Guid>? AttachmentIds = null,
    bool? SenderVerified = null,
    bool NotTranscribed = false);

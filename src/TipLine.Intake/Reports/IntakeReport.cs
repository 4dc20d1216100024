namespace TipLine.Intake.Reports;

internal enum ReportStatus
{
    Received,
    InQueue,
    Reviewing,
}

/// <summary>
/// An accepted tip as intake holds it. ProviderKey is the channel's own id for the submission
/// (the web form's submission id, later Twilio's MessageSid or an IMAP UID): the dedupe key.
/// </summary>
internal sealed class IntakeReport
{
    public Guid Id { get; init; }
    public Guid SchoolId { get; init; }
    public required string Channel { get; init; }
    public required string ProviderKey { get; init; }
    public required string Pseudonym { get; init; }
    public required string Language { get; init; }
    public required string WhatHappened { get; init; }
    public string? WhoIsInvolved { get; init; }
    public string? WhenAndWhere { get; init; }
    public bool DangerNow { get; init; }

    /// <summary>Whether the provider vouched for the sender; null when there was none (<see cref="Contracts.ReportSubmitted"/>).</summary>
    public bool? SenderVerified { get; init; }

    /// <summary>A voicemail whose transcription failed: the words are only in the recording.</summary>
    public bool NotTranscribed { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
    public ReportStatus Status { get; set; }
    public DateTimeOffset? CaseOpenedAt { get; set; }
    public DateTimeOffset? LastRepublishedAt { get; set; }
}

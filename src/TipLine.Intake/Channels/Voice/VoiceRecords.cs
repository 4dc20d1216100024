using TipLine.Bus.Work;

namespace TipLine.Intake.Channels.Voice;

/// <summary>
/// A call to one of our numbers, by CallSid: the number called, and the caller ID sealed (AES-GCM) so it can become the
/// report's sealed contact once the voicemail is accepted. Twilio's recording callback names the call but not its numbers.
/// </summary>
internal sealed class VoiceCall
{
    public required string CallSid { get; init; }
    public required string CalledNumber { get; init; }
    public byte[]? SealedCaller { get; init; }

    /// <summary>A caller ID came without full attestation: it could be forged, so it was not kept (<see cref="VoicemailIntake"/>).</summary>
    public bool CallerUnverified { get; init; }
    public DateTimeOffset StartedAt { get; init; }
}

/// <summary>Every completed recording we took in, by RecordingSid: a retried callback finds it and changes nothing.</summary>
internal sealed class VoiceRecording
{
    public required string RecordingSid { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>A recording waiting to be downloaded, transcribed, disguised and accepted as a tip by the voicemail queue (<see cref="VoicemailProcessor"/>).</summary>
internal sealed class PendingVoicemail : IQueuedItem
{
    public required string RecordingSid { get; init; }
    public required string CallSid { get; init; }
    public required string RecordingUrl { get; init; }
    public required string CalledNumber { get; init; }
    public byte[]? SealedCaller { get; init; }
    public bool CallerUnverified { get; init; }
    public required string Language { get; init; }
    /// <summary>The school the caller chose in a district number's keypad menu.</summary>
    public Guid? SchoolId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

/// <summary>
/// An accepted voicemail: the original recording sealed (AES-GCM, only intake holds the key) and the id of the disguised
/// copy the team can play. Purged with the sealed contacts.
/// </summary>
internal sealed class StoredVoicemail
{
    public Guid ReportId { get; init; }
    public required string RecordingSid { get; init; }
    public Guid? AttachmentId { get; init; }
    public required string OriginalContentType { get; init; }
    public required byte[] SealedOriginal { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset PurgeAfter { get; init; }
}

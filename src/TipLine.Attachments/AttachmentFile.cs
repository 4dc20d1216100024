namespace TipLine.Attachments;

/// <summary>A file that belongs to a report. Only copies fit for the team are stored here; originals stay sealed in intake.</summary>
public sealed class AttachmentFile
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public required string Kind { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class AttachmentKinds
{
    public const string DisguisedVoicemail = "voicemail-disguised";
    public const string CleanedPicture = "mms-picture-cleaned";
    public const string CleanedEmailPicture = "email-picture-cleaned";
}

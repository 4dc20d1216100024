using TipLine.Bus.Work;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// Every mail we acted on, keyed by where it sat (mailbox, UIDVALIDITY, UID) and, uniquely, by a hash of its Message-ID:
/// a mail seen again (a restart before the move, a new UIDVALIDITY, a second copy) finds its row and changes nothing.
/// </summary>
internal sealed class InboundEmail
{
    public required string Mailbox { get; init; }
    public long UidValidity { get; init; }
    public long Uid { get; init; }
    public required string MessageKey { get; init; }
    public required string Outcome { get; init; }
    public Guid? ReportId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>How far a mailbox's folder was read, under its UIDVALIDITY: a new UIDVALIDITY restarts from the beginning.</summary>
internal sealed class MailboxCursor
{
    public required string Mailbox { get; init; }
    public long UidValidity { get; set; }
    public long LastUid { get; set; }
}

/// <summary>
/// An email report's conversation: the reporter's keyed hash (never the address), the mailbox and tip address replies
/// go out from, and the Message-IDs of the thread so far, so replies thread in both directions.
/// </summary>
internal sealed class EmailThread
{
    public Guid ReportId { get; init; }
    public required string ReporterKey { get; init; }
    public required string Mailbox { get; init; }
    public required string OurAddress { get; init; }
    public required string Subject { get; init; }
    public required string Language { get; set; }

    /// <summary>Message-IDs of the thread, oldest first, space-separated, as a References header wants them.</summary>
    public required string References { get; set; }
}

/// <summary>A Message-ID (hashed) of a mail in a thread, so an answer's In-Reply-To or References finds its report.</summary>
internal sealed class EmailThreadMessage
{
    public required string MessageKey { get; init; }
    public Guid ReportId { get; init; }
}

internal static class OutgoingEmailKinds
{
    public const string Acknowledgement = "ack";
    public const string Question = "question";
}

/// <summary>
/// A mail to a reporter waiting to be sent (an acknowledgement, a team question), committed with what caused it. The
/// address is not here: it is unsealed when the mail is sent.
/// </summary>
internal sealed class PendingEmail : IQueuedItem
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public required string Kind { get; init; }
    public Guid? QuestionId { get; init; }
    public string? Text { get; init; }
    /// <summary>An acknowledgement's receipt (<see cref="Receipts.SealedReceipts"/>), gone with the row once sent.</summary>
    public byte[]? SealedReceipt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

/// <summary>An emailed file, the original sealed; a picture we could clean also has a copy for the team (AttachmentId).</summary>
internal sealed class StoredEmailAttachment
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public required string MessageKey { get; init; }
    public int Index { get; init; }
    public Guid? AttachmentId { get; init; }
    public required string OriginalContentType { get; init; }
    public required byte[] SealedOriginal { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset PurgeAfter { get; init; }
}

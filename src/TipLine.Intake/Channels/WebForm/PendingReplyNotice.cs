using TipLine.Bus.Work;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// A notice to send a web reporter who left a contact: "there is a reply to your report". It carries no content, only the
/// report (whose sealed contact it goes to) and the language to write in.
/// </summary>
internal sealed class PendingReplyNotice : IQueuedItem
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public required string Language { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

namespace TipLine.Intake.Reporters;

/// <summary>
/// Links a report to its reporter's keyed hash and the number they reached, so follow-up texts thread into the same
/// case and questions go out from the same number. Made by the SMS channel, and by voicemail for a caller whose
/// number can take texts.
/// </summary>
internal sealed class SmsThread
{
    public Guid ReportId { get; init; }
    public required string ReporterKey { get; init; }
    public required string OurNumber { get; init; }
    public DateTimeOffset LastMessageAt { get; set; }
}

using TipLine.Bus.Work;

namespace TipLine.Intake.Channels.Sms;

/// <summary>Every inbound SMS we acted on, by MessageSid: a retried webhook finds it and changes nothing.</summary>
internal sealed class InboundSms
{
    public required string MessageSid { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>
/// A text to a shared district number that did not name a school yet: kept until the reporter does, or until
/// <see cref="SmsOptions.HoldFor"/> has passed and it goes to the district's own entry (<see cref="HeldSmsRelease"/>).
/// </summary>
internal sealed class HeldSms
{
    public Guid Id { get; init; }
    public required string MessageSid { get; init; }
    public required string ReporterKey { get; init; }
    public required string Text { get; init; }
    public required string Language { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The number texted, so a released tip threads later texts to it.</summary>
    public string? OurNumber { get; init; }

    /// <summary>The reporter's number sealed (AES-GCM), so a released tip can still be answered.</summary>
    public byte[]? SealedFrom { get; init; }
}

/// <summary>An outbound SMS (a team question) and what Twilio reported about it.</summary>
internal sealed class SmsDelivery
{
    public Guid QuestionId { get; init; }
    public Guid ReportId { get; init; }
    public string? MessageSid { get; set; }
    public required string Status { get; set; }
    public int? ErrorCode { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Twilio's word on a question texted to a reporter that arrived before the send's outcome recorded the text's sid (the
/// callback can beat that commit). Kept by MessageSid until <see cref="SmsReplySender"/> records the sid; both sides take
/// the same advisory lock on the sid, so one of them always sees the other. An hour later nobody will claim it.
/// </summary>
internal sealed class EarlySmsStatus
{
    public required string MessageSid { get; init; }
    public required string Status { get; set; }
    public int? ErrorCode { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

namespace TipLine.Teams.Escalation;

/// <summary>
/// Twilio's word on an alert text that arrived before the attempt recorded the text's sid (the callback can beat the
/// commit of the send's outcome). Kept here, by MessageSid, and applied by <see cref="AlertDelivery"/> when it records
/// the sid; both sides take the same advisory lock on the sid, so one of them always sees the other.
/// </summary>
internal sealed class EarlyAlertStatus
{
    public required string MessageSid { get; init; }
    public required string Status { get; set; }
    public int? ErrorCode { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

namespace TipLine.Teams.Cases;

/// <summary>The latest delivery status of a question sent to the reporter (sent, delivered, failed, not sent after STOP).</summary>
internal sealed class MessageDelivery
{
    public Guid MessageId { get; init; }
    public required string Status { get; set; }
    public int? ErrorCode { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

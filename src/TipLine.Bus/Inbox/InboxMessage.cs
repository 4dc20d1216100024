namespace TipLine.Bus.Inbox;

/// <summary>A message id a consumer has already handled; its effect is never applied twice.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}

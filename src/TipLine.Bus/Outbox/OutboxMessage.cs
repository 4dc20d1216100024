namespace TipLine.Bus.Outbox;

/// <summary>
/// A message waiting to be published, written in the same transaction as the change it announces,
/// and deleted once the broker confirmed it.
/// Its id becomes the bus MessageId, so consumers' inboxes dedupe redeliveries.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>The W3C traceparent of the work that wrote the row (ids only), so the publish joins its trace.</summary>
    public string? TraceParent { get; init; }
}

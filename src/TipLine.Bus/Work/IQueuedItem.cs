namespace TipLine.Bus.Work;

/// <summary>A row of queued work. The queue owns these columns; the rest of the row is the kind's own.</summary>
public interface IQueuedItem
{
    /// <summary>Claims so far, the one under way included.</summary>
    int Attempts { get; set; }

    /// <summary>When the item may be claimed: due, retried after a failure, or when a claim's lease runs out.</summary>
    DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The type of the last failure, never its message (it may quote content).</summary>
    string? LastError { get; set; }

    /// <summary>Set when the queue gave up on the item (its poison limit): kept for administrators, never claimed again.</summary>
    DateTimeOffset? DeadAt { get; set; }
}

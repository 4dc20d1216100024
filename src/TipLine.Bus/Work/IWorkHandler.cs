namespace TipLine.Bus.Work;

/// <summary>
/// What one kind of queued work does. Claiming, leases, retries, the poison limit and shutdown are the queue's; a handler
/// keeps only what differs.
/// </summary>
public interface IWorkHandler<in TItem> where TItem : class, IQueuedItem
{
    /// <summary>
    /// Does the work and removes the row in the same transaction as its effect. A permanent problem (a file over the
    /// limit) is the handler's to settle here; any exception it lets out is a failed attempt, retried with backoff.
    /// </summary>
    Task HandleAsync(TItem item, CancellationToken ct);

    /// <summary>
    /// The poison limit was reached: what giving up means for this kind (a voicemail still becomes a tip without its
    /// audio; a question is marked failed on the case). It must not remove the row, which the queue then parks as
    /// dead, and may run twice for one item if a process dies in between.
    /// </summary>
    Task GiveUpAsync(TItem item, CancellationToken ct);
}

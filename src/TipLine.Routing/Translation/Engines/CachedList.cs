namespace TipLine.Routing.Translation.Engines;

/// <summary>
/// An engine's list of languages or pairs, asked for once and kept for <c>Translation:PairsCacheFor</c>. Callers that
/// arrive while it is being asked share that one request; a failed request, or an empty list, is asked again by the next caller.
/// </summary>
internal sealed class CachedList(TimeProvider clock, Func<TimeSpan> keepFor)
{
    private readonly Lock gate = new();
    private (Task<HashSet<string>> Load, DateTimeOffset At)? cached;

    public Task<HashSet<string>> GetAsync(Func<CancellationToken, Task<HashSet<string>>> load, CancellationToken ct)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            // An empty list (a server still loading its models, say) is asked again next time rather than kept.
            if (cached is not { } c || now - c.At >= keepFor() || c.Load.IsFaulted || c.Load.IsCanceled
                || (c.Load.IsCompletedSuccessfully && c.Load.Result.Count == 0))
            {
                // Not the caller's token: a caller that gives up must not fail the request for the others.
                cached = c = (load(CancellationToken.None), now);
            }
            return c.Load.WaitAsync(ct);
        }
    }
}

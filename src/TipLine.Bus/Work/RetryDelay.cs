namespace TipLine.Bus.Work;

/// <summary>Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of a burst spread out.</summary>
public static class RetryDelay
{
    public static TimeSpan After(int failedAttempts, WorkOptions options, double random)
    {
        var doubling = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var step = Math.Min(options.RetryBaseDelay.TotalMilliseconds * doubling, options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step / 2 + step / 2 * random);
    }
}

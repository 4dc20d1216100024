namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>Polls for an asynchronous outcome (a message travelling the bus) with a deadline.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "the outcome"}.");
            await Task.Delay(100);
        }
    }
}

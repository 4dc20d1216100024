using System.Threading.Channels;

namespace TipLine.Bus.Outbox;

/// <summary>Wakes the relay as soon as something was written, so publishing does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => wakeUps.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await wakeUps.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}

namespace TipLine.Bus.Outbox;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; set; } = 100;
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}

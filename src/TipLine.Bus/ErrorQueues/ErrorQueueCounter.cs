using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace TipLine.Bus.ErrorQueues;

/// <summary>Messages waiting in one consumer's error queue: a count and the queue's name, never a message.</summary>
public sealed record ErrorQueueCount(string Queue, long Messages);

/// <summary>The error queue (MassTransit's <c>&lt;queue&gt;_error</c>) of every consumer in this binary, whichever targets run here.</summary>
public sealed record ErrorQueueNames(IReadOnlyList<string> Queues)
{
    public static ErrorQueueNames Of(IEnumerable<Type> consumers) =>
        new(consumers.Select(c => BusEndpoints.QueueOf(c) + "_error").Distinct().Order().ToList());
}

/// <summary>
/// Counts the messages in the error queues over AMQP (a passive declare per queue, which reads the count and changes
/// nothing). A queue that does not exist yet has had no failure: zero. On the in-memory bus there are none.
/// </summary>
public sealed class ErrorQueueCounter(BusOptions options, ErrorQueueNames names, TimeProvider clock, ILogger<ErrorQueueCounter> log) : IDisposable
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim counting = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<ErrorQueueCount> Counts)? last;

    public void Dispose() => counting.Dispose();

    /// <summary>
    /// The counts (at most 10 s old: one connection however often pages ask), or null when the broker cannot be asked
    /// now, so a status page still shows.
    /// </summary>
    public async Task<IReadOnlyList<ErrorQueueCount>?> TryCountAsync(CancellationToken ct)
    {
        await counting.WaitAsync(ct);
        try
        {
            if (last is { } known && clock.GetUtcNow() - known.At < Fresh) return known.Counts;
            var counts = await CountAsync(ct);
            last = (clock.GetUtcNow(), counts);
            return counts;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("Error queues could not be counted: {Error}", e.GetType().Name);
            return null;
        }
        finally
        {
            counting.Release();
        }
    }

    private async Task<IReadOnlyList<ErrorQueueCount>> CountAsync(CancellationToken ct)
    {
        if (options.Transport != BusTransport.RabbitMq) return [];
        var rabbit = options.RabbitMq;
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host, Port = rabbit.Port, VirtualHost = rabbit.VirtualHost, UserName = rabbit.Username, Password = rabbit.Password,
            ClientProvidedName = "tipline-error-queue-count",
            // A broker that does not answer must not hold up a status page.
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3), ContinuationTimeout = TimeSpan.FromSeconds(3),
            HandshakeContinuationTimeout = TimeSpan.FromSeconds(3), AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync(ct);
        var counts = new List<ErrorQueueCount>();
        IChannel? channel = null;
        try
        {
            foreach (var queue in names.Queues)
            {
                // A passive declare of a missing queue closes its channel: a fresh one after each miss.
                channel ??= await connection.CreateChannelAsync(cancellationToken: ct);
                try
                {
                    counts.Add(new ErrorQueueCount(queue, (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount));
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
                {
                    counts.Add(new ErrorQueueCount(queue, 0));
                    await channel.DisposeAsync();
                    channel = null;
                }
            }
        }
        finally
        {
            if (channel is not null) await channel.DisposeAsync();
        }
        if (counts.Any(c => c.Messages > 0)) log.LogWarning("Messages wait in error queues: {Count}", counts.Sum(c => c.Messages));
        return counts;
    }
}

using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

// Schema names in raw SQL come from our own EF model, never from input.
#pragma warning disable EF1002, EF1003

namespace TipLine.Bus.Inbox;

public static class InboxDbContextExtensions
{
    /// <summary>
    /// Runs a consumer's work at most once per message id: the inbox row, the work and any outbox
    /// rows commit together. A second delivery of the same id finds the row and does nothing; a
    /// concurrent one waits on the row lock and then does nothing. Exceptions propagate, so a
    /// failed message is retried and then faulted to the error queue, never acknowledged.
    /// </summary>
    public static async Task HandleOnceAsync<TConsumer>(
        this DbContext db, ConsumeContext context, DateTimeOffset now, Func<CancellationToken, Task> work)
    {
        var ct = context.CancellationToken;
        var messageId = context.MessageId ?? throw new InvalidOperationException("A bus message arrived without a MessageId.");
        var schema = db.Model.GetDefaultSchema();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"{schema}\".inbox_messages (message_id, consumer, processed_at) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT DO NOTHING",
            [messageId, typeof(TConsumer).Name, now], ct);
        if (claimed == 0)
        {
            db.GetService<ILoggerFactory>().CreateLogger(typeof(InboxDbContextExtensions))
                .LogInformation("Message {MessageId} already handled by {Consumer}: skipped", messageId, typeof(TConsumer).Name);
            return;
        }
        await work(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

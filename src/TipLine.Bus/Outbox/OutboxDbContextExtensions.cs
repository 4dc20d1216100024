using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TipLine.Contracts;

namespace TipLine.Bus.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>Queues a contract message to be published once the caller's transaction commits.</summary>
    public static void AddToOutbox<T>(this DbContext db, T message, DateTimeOffset now) where T : class
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            MessageType = ContractTypes.NameOf(typeof(T)),
            Payload = JsonSerializer.Serialize(message, ContractTypes.Json),
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null,
        });
    }
}

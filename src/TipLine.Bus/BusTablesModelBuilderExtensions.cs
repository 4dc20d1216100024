using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Bus.Outbox;

namespace TipLine.Bus;

/// <summary>Each module keeps its own outbox and inbox tables inside its own schema.</summary>
public static class BusTablesModelBuilderExtensions
{
    public static ModelBuilder AddBusTables(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id");
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(200);
            e.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            e.Property(m => m.CreatedAt).HasColumnName("created_at");
            e.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(500);
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
            e.HasIndex(m => m.NextAttemptAt);
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return model;
    }
}

using Microsoft.EntityFrameworkCore;

namespace TipLine.Intake.Channels.Email;

internal static class EmailTables
{
    public static ModelBuilder AddEmailTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboundEmail>(e =>
        {
            e.ToTable("email_inbound");
            e.HasKey(m => new { m.Mailbox, m.UidValidity, m.Uid });
            e.HasIndex(m => m.MessageKey).IsUnique();
            e.Property(m => m.Mailbox).HasMaxLength(200);
            e.Property(m => m.MessageKey).HasMaxLength(80);
            e.Property(m => m.Outcome).HasMaxLength(40);
        });
        modelBuilder.Entity<MailboxCursor>(e =>
        {
            e.ToTable("email_cursors");
            e.HasKey(c => c.Mailbox);
            e.Property(c => c.Mailbox).HasMaxLength(200);
        });
        modelBuilder.Entity<EmailThread>(e =>
        {
            e.ToTable("email_threads");
            e.HasKey(t => t.ReportId);
            e.Property(t => t.ReporterKey).HasMaxLength(64);
            e.Property(t => t.Mailbox).HasMaxLength(200);
            e.Property(t => t.OurAddress).HasMaxLength(320);
            e.Property(t => t.Subject).HasMaxLength(200);
            e.Property(t => t.Language).HasMaxLength(20);
        });
        modelBuilder.Entity<EmailThreadMessage>(e =>
        {
            e.ToTable("email_thread_messages");
            e.HasKey(m => m.MessageKey);
            e.HasIndex(m => m.ReportId);
            e.Property(m => m.MessageKey).HasMaxLength(80);
        });
        modelBuilder.Entity<PendingEmail>(e =>
        {
            e.ToTable("email_pending");
            e.HasIndex(p => p.NextAttemptAt);
            e.Property(p => p.Kind).HasMaxLength(20);
        });
        modelBuilder.Entity<StoredEmailAttachment>(e =>
        {
            e.ToTable("email_attachments");
            e.HasIndex(a => new { a.MessageKey, a.Index }).IsUnique();
            e.HasIndex(a => a.ReportId);
            e.HasIndex(a => a.PurgeAfter);
            e.Property(a => a.MessageKey).HasMaxLength(80);
            e.Property(a => a.OriginalContentType).HasMaxLength(100);
        });
        return modelBuilder;
    }
}

using Microsoft.EntityFrameworkCore;
using TipLine.Bus;
using TipLine.Intake.Channels.Email;
using TipLine.Intake.Channels.Sms;
using TipLine.Intake.Channels.Voice;
using TipLine.Intake.Channels.WebForm;
using TipLine.Intake.Followup;
using TipLine.Intake.ProviderCopies;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;
using TipLine.Intake.Reports;

namespace TipLine.Intake;

internal sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public const string Schema = "intake";

    public DbSet<IntakeReport> Reports => Set<IntakeReport>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<SealedContact> SealedContacts => Set<SealedContact>();
    public DbSet<FollowupMessage> FollowupMessages => Set<FollowupMessage>();
    public DbSet<InboundSms> InboundSms => Set<InboundSms>();
    public DbSet<SmsThread> SmsThreads => Set<SmsThread>();
    public DbSet<HeldSms> HeldSms => Set<HeldSms>();
    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();
    public DbSet<SmsDelivery> SmsDeliveries => Set<SmsDelivery>();
    public DbSet<EarlySmsStatus> EarlySmsStatuses => Set<EarlySmsStatus>();
    public DbSet<PendingSms> PendingSms => Set<PendingSms>();
    public DbSet<PendingReplyNotice> ReplyNotices => Set<PendingReplyNotice>();
    public DbSet<PendingCopyDeletion> CopyDeletions => Set<PendingCopyDeletion>();
    public DbSet<VoiceCall> VoiceCalls => Set<VoiceCall>();
    public DbSet<VoiceRecording> VoiceRecordings => Set<VoiceRecording>();
    public DbSet<PendingVoicemail> PendingVoicemails => Set<PendingVoicemail>();
    public DbSet<StoredVoicemail> Voicemails => Set<StoredVoicemail>();
    public DbSet<PendingMms> PendingMms => Set<PendingMms>();
    public DbSet<StoredMms> MmsMedia => Set<StoredMms>();
    public DbSet<InboundEmail> InboundEmails => Set<InboundEmail>();
    public DbSet<MailboxCursor> MailboxCursors => Set<MailboxCursor>();
    public DbSet<EmailThread> EmailThreads => Set<EmailThread>();
    public DbSet<EmailThreadMessage> EmailThreadMessages => Set<EmailThreadMessage>();
    public DbSet<PendingEmail> PendingEmails => Set<PendingEmail>();
    public DbSet<StoredEmailAttachment> EmailAttachments => Set<StoredEmailAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema).AddBusTables();
        modelBuilder.Entity<IntakeReport>(e =>
        {
            e.ToTable("reports");
            e.HasIndex(r => new { r.Channel, r.ProviderKey }).IsUnique();
            e.HasIndex(r => r.AcceptedAt).HasFilter("\"CaseOpenedAt\" IS NULL");
            e.HasIndex(r => r.Pseudonym).IsUnique();
            e.Property(r => r.Channel).HasMaxLength(20);
            e.Property(r => r.ProviderKey).HasMaxLength(200);
            e.Property(r => r.Pseudonym).HasMaxLength(20);
            e.Property(r => r.Language).HasMaxLength(20);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Receipt>(e =>
        {
            e.ToTable("receipts");
            e.HasKey(r => r.ReportId);
            e.HasIndex(r => r.CodeLookup).IsUnique();
            e.HasOne<IntakeReport>().WithOne().HasForeignKey<Receipt>(r => r.ReportId);
        });
        modelBuilder.Entity<SealedContact>(e =>
        {
            e.ToTable("sealed_contacts");
            e.HasIndex(c => c.ReportId);
            e.HasIndex(c => c.PurgeAfter);
            e.Property(c => c.Channel).HasMaxLength(20);
        });
        modelBuilder.Entity<InboundSms>(e =>
        {
            e.ToTable("sms_inbound");
            e.HasKey(m => m.MessageSid);
            e.Property(m => m.MessageSid).HasMaxLength(64);
        });
        modelBuilder.Entity<SmsThread>(e =>
        {
            e.ToTable("sms_threads");
            e.HasKey(t => t.ReportId);
            e.HasIndex(t => new { t.ReporterKey, t.LastMessageAt });
            e.Property(t => t.ReporterKey).HasMaxLength(64);
            e.Property(t => t.OurNumber).HasMaxLength(20);
        });
        modelBuilder.Entity<HeldSms>(e =>
        {
            e.ToTable("sms_held");
            e.HasIndex(h => h.ReporterKey);
            e.HasIndex(h => h.MessageSid).IsUnique();
            e.HasIndex(h => h.ReceivedAt);
            e.Property(h => h.ReporterKey).HasMaxLength(64);
            e.Property(h => h.OurNumber).HasMaxLength(20);
        });
        modelBuilder.Entity<SmsOptOut>(e =>
        {
            e.ToTable("sms_opt_outs");
            e.HasKey(o => o.ReporterKey);
            e.Property(o => o.ReporterKey).HasMaxLength(64);
        });
        modelBuilder.Entity<SmsDelivery>(e =>
        {
            e.ToTable("sms_deliveries");
            e.HasKey(d => d.QuestionId);
            e.HasIndex(d => d.MessageSid).IsUnique();
        });
        modelBuilder.Entity<EarlySmsStatus>(e =>
        {
            e.ToTable("sms_early_statuses");
            e.HasKey(s => s.MessageSid);
            e.HasIndex(s => s.ReceivedAt);
        });
        modelBuilder.Entity<PendingSms>(e =>
        {
            e.ToTable("sms_pending");
            e.HasIndex(p => p.QuestionId).IsUnique();
            e.HasIndex(p => p.NextAttemptAt);
        });
        modelBuilder.Entity<PendingCopyDeletion>(e =>
        {
            e.ToTable("twilio_copy_deletions");
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.ParentSid).HasMaxLength(64);
            e.Property(d => d.ResourceSid).HasMaxLength(64);
            e.HasIndex(d => d.NextAttemptAt);
        });
        modelBuilder.Entity<PendingReplyNotice>(e =>
        {
            e.ToTable("reply_notices");
            e.Property(n => n.Language).HasMaxLength(20);
            e.HasIndex(n => n.NextAttemptAt);
        });
        modelBuilder.Entity<VoiceCall>(e =>
        {
            e.ToTable("voice_calls");
            e.HasKey(c => c.CallSid);
            e.Property(c => c.CallSid).HasMaxLength(64);
            e.Property(c => c.CalledNumber).HasMaxLength(20);
        });
        modelBuilder.Entity<VoiceRecording>(e =>
        {
            e.ToTable("voice_recordings");
            e.HasKey(r => r.RecordingSid);
            e.Property(r => r.RecordingSid).HasMaxLength(64);
        });
        modelBuilder.Entity<PendingVoicemail>(e =>
        {
            e.ToTable("voicemail_pending");
            e.HasKey(p => p.RecordingSid);
            e.HasIndex(p => p.NextAttemptAt);
            e.Property(p => p.RecordingSid).HasMaxLength(64);
            e.Property(p => p.CallSid).HasMaxLength(64);
            e.Property(p => p.CalledNumber).HasMaxLength(20);
            e.Property(p => p.Language).HasMaxLength(20);
        });
        modelBuilder.Entity<StoredVoicemail>(e =>
        {
            e.ToTable("voicemails");
            e.HasKey(v => v.ReportId);
            e.HasIndex(v => v.RecordingSid).IsUnique();
            e.HasIndex(v => v.PurgeAfter);
            e.Property(v => v.RecordingSid).HasMaxLength(64);
        });
        modelBuilder.Entity<PendingMms>(e =>
        {
            e.ToTable("mms_pending");
            e.HasIndex(p => new { p.MessageSid, p.MediaIndex }).IsUnique();
            e.HasIndex(p => p.NextAttemptAt);
            e.HasIndex(p => p.HeldSmsId);
            e.Property(p => p.MessageSid).HasMaxLength(64);
            e.Property(p => p.ContentType).HasMaxLength(100);
        });
        modelBuilder.Entity<StoredMms>(e =>
        {
            e.ToTable("mms_media");
            e.HasIndex(m => new { m.MessageSid, m.MediaIndex }).IsUnique();
            e.HasIndex(m => m.ReportId);
            e.HasIndex(m => m.PurgeAfter);
            e.Property(m => m.MessageSid).HasMaxLength(64);
            e.Property(m => m.OriginalContentType).HasMaxLength(100);
        });
        modelBuilder.AddEmailTables();
        modelBuilder.Entity<FollowupMessage>(e =>
        {
            e.ToTable("followup_messages");
            e.HasIndex(m => new { m.ReportId, m.CreatedAt });
            e.Property(m => m.Language).HasMaxLength(20);
        });
    }
}

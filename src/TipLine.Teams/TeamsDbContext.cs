using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TipLine.Bus;
using TipLine.Contracts;
using TipLine.Teams.Audit;
using TipLine.Teams.Cases;
using TipLine.Teams.OnCall;
using TipLine.Teams.Escalation;
using TipLine.Teams.Staff;
using TipLine.Teams.SystemStatus;
using TipLine.Teams.Surges;

namespace TipLine.Teams;

internal sealed class TeamsDbContext(DbContextOptions<TeamsDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "teams";

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<ReportNote> ReportNotes => Set<ReportNote>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<MessageDelivery> MessageDeliveries => Set<MessageDelivery>();
    public DbSet<EarlyAnswer> EarlyAnswers => Set<EarlyAnswer>();
    public DbSet<EarlyAttachment> EarlyAttachments => Set<EarlyAttachment>();
    public DbSet<SystemHealth> SystemHealth => Set<SystemHealth>();
    public DbSet<DeadWorkFigures> DeadWork => Set<DeadWorkFigures>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<CaseEscalation> Escalations => Set<CaseEscalation>();
    public DbSet<AlertAttempt> AlertAttempts => Set<AlertAttempt>();
    public DbSet<SurgeState> SurgeStates => Set<SurgeState>();
    public DbSet<EarlyAlertStatus> EarlyAlertStatuses => Set<EarlyAlertStatus>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema).AddBusTables();
        builder.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.HasIndex(c => c.ReportId).IsUnique();
            e.HasIndex(c => new { c.TeamId, c.SuggestedUrgency, c.AcceptedAt });
            e.HasIndex(c => new { c.SchoolId, c.AcceptedAt });
            e.HasIndex(c => c.IncidentId);
            e.HasIndex(c => c.AcceptedAt);
            e.Property(c => c.Original).HasColumnType("jsonb").HasConversion(Json<TipContent>());
            e.Property(c => c.Translation).HasColumnType("jsonb").HasConversion(Json<TipContent?>());
            e.Property(c => c.Channel).HasMaxLength(20);
            e.Property(c => c.Pseudonym).HasMaxLength(20);
            e.Property(c => c.ReporterLanguage).HasMaxLength(20);
            e.Property(c => c.TeamLanguage).HasMaxLength(20);
        });
        builder.Entity<CaseAttachment>(e =>
        {
            e.ToTable("case_attachments");
            e.HasKey(a => new { a.CaseId, a.AttachmentId });
        });
        builder.Entity<ReportNote>(e =>
        {
            e.ToTable("report_notes");
            e.HasIndex(n => n.ReportId);
            e.Property(n => n.Text).HasMaxLength(300);
        });
        builder.Entity<CaseMessage>(e =>
        {
            e.ToTable("case_messages");
            e.HasIndex(m => new { m.CaseId, m.CreatedAt });
            e.Property(m => m.Language).HasMaxLength(20);
        });
        builder.Entity<EarlyAttachment>(e =>
        {
            e.ToTable("early_attachments");
            e.HasKey(a => a.AttachmentId);
            e.HasIndex(a => a.ReportId);
        });
        builder.Entity<EarlyAnswer>(e =>
        {
            e.ToTable("early_answers");
            e.HasKey(a => a.AnswerId);
            e.HasIndex(a => a.ReportId);
            e.Property(a => a.OriginalLanguage).HasMaxLength(20);
        });
        builder.Entity<MessageDelivery>(e =>
        {
            e.ToTable("message_deliveries");
            e.HasKey(d => d.MessageId);
            e.Property(d => d.Status).HasMaxLength(80);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasIndex(a => new { a.CaseId, a.At });
            e.HasIndex(a => a.At);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.Detail).HasMaxLength(200);
            // Written by the chain trigger, read back on insert.
            e.Property(a => a.PreviousHash).ValueGeneratedOnAdd();
            e.Property(a => a.Hash).ValueGeneratedOnAdd();
        });
        builder.Entity<StaffInvitation>(e =>
        {
            e.ToTable("staff_invitations");
            e.HasKey(i => new { i.StaffId, i.InvitedAt });
            e.Property(i => i.Role).HasConversion<string>().HasMaxLength(40);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(i => i.StaffId);
        });
        builder.Entity<SetupToken>(e =>
        {
            e.ToTable("setup_tokens");
            e.Property(t => t.Id).ValueGeneratedNever();
        });
        builder.Entity<SystemHealth>().ToTable("system_health");
        builder.Entity<DeadWorkFigures>(e =>
        {
            e.ToTable("dead_work");
            e.HasKey(f => f.Module);
            e.Property(f => f.Module).HasMaxLength(40);
            e.Property(f => f.Counts).HasColumnType("jsonb").HasConversion(Json<List<DeadWorkCount>>(), new ValueComparer<List<DeadWorkCount>>(
                (a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, count) => HashCode.Combine(hash, count)), list => list.ToList()));
        });
        builder.Entity<CalendarFeed>(e =>
        {
            e.ToTable("calendar_feeds");
            e.HasKey(f => f.StaffId);
            e.HasIndex(f => f.TokenHash).IsUnique();
        });
        builder.Entity<SurgeState>(e =>
        {
            e.ToTable("surge_state");
            e.Property(s => s.Id).ValueGeneratedNever();
        });
        builder.AddEscalationTables();
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Json<T>() => new(
        v => JsonSerializer.Serialize(v, ContractTypes.Json),
        v => JsonSerializer.Deserialize<T>(v, ContractTypes.Json)!);
}

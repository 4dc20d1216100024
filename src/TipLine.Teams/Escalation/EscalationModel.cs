using Microsoft.EntityFrameworkCore;

namespace TipLine.Teams.Escalation;

internal static class EscalationModel
{
    /// <summary>teams.escalations (the durable timers) and teams.alert_attempts (the alerts' queue and record), both on the work queue.</summary>
    public static ModelBuilder AddEscalationTables(this ModelBuilder builder)
    {
        builder.Entity<CaseEscalation>(e =>
        {
            e.ToTable("escalations");
            e.HasKey(x => x.CaseId);
            e.HasIndex(x => x.NextAttemptAt).HasFilter(EscalationSteps.ClaimFilter);
            e.Property(x => x.ReplyCode).HasMaxLength(6);
            e.Property(x => x.StopReason).HasMaxLength(40);
        });
        builder.Entity<AlertAttempt>(e =>
        {
            e.ToTable("alert_attempts");
            e.Property(a => a.Method).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.SchoolName).HasMaxLength(2000);
            e.Property(a => a.ReplyCode).HasMaxLength(6);
            e.Property(a => a.Detail).HasMaxLength(200);
            e.Property(a => a.Notice).HasMaxLength(300);
            e.Property(a => a.ProviderId).HasMaxLength(64);
            e.HasIndex(a => a.NextAttemptAt).HasFilter(AlertDelivery.ClaimFilter);
            e.HasIndex(a => a.CaseIds).HasMethod("gin");
            e.HasIndex(a => a.ProviderId);
            e.HasIndex(a => a.FallbackFor).IsUnique();
            e.HasIndex(a => new { a.ReplyCode, a.MemberId });
            e.HasIndex(a => new { a.MemberId, a.Method, a.SentAt });
        });
        builder.Entity<EarlyAlertStatus>(e =>
        {
            e.ToTable("alert_status_early");
            e.HasKey(s => s.MessageSid);
            e.Property(s => s.MessageSid).HasMaxLength(64);
            e.Property(s => s.Status).HasMaxLength(20);
        });
        return builder;
    }
}

using TipLine.Bus;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Intake.Localization;
using TipLine.Intake.Reporters;
using TipLine.Mail;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// Sends queued mail to reporters (acknowledgements, team questions), one at a time, through the one SMTP path. The address
/// is unsealed only here, at send time. A question's outcome goes to the case; a permanent refusal is recorded there too.
/// </summary>
public sealed class OutgoingEmailProcessor(
    IntakeDbContext db,
    SealedContactStore contacts,
    SchoolDirectory directory,
    MailSender sender,
    IStringLocalizer<ReporterText> text,
    TimeProvider clock,
    ILogger<OutgoingEmailProcessor> log) : IQueuedWork
{
    /// <summary>A claimed mail whose worker died is taken up again after this long.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var job = await ClaimAsync(ct);
        if (job is null) return false;
        var thread = await db.EmailThreads.SingleOrDefaultAsync(t => t.ReportId == job.ReportId, ct);
        var address = await contacts.UnsealAsync(job.ReportId, ChannelNames.Email, ct);
        string status;
        int? code = null;
        if (thread is null || address is null)
        {
            status = "not-sent: no way to reach the reporter";
        }
        else
        {
            var messageId = ReplyMail.MessageIdFor(job.Id, thread.OurAddress);
            MailSendResult result;
            try
            {
                result = await sender.SendAsync(await ComposeAsync(job, thread, address, messageId, ct), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: give the mail back at once instead of after the lease (it keeps its Message-ID if it went out).
                await db.PendingEmails.Where(p => p.Id == job.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.NextAttemptAt, clock.GetUtcNow()),
                    CancellationToken.None);
                throw;
            }
            (status, code) = result switch
            {
                MailSent => ("sent", (int?)null),
                MailRefused refused => ("failed: refused by the mail server", refused.StatusCode),
                MailFailedAfterRetries failed => ("failed after retries", failed.StatusCode),
                _ => ("failed", null),
            };
            if (result is MailSent) EmailThreads.Extend(db, thread, messageId, IncomingMail.Key(messageId));
        }
        var now = clock.GetUtcNow();
        db.PendingEmails.Remove(job);
        if (job.QuestionId is { } questionId) db.AddToOutbox(new ReporterMessageStatusChanged(questionId, job.ReportId, status, code, now), now);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Email {Kind} for report {ReportId}: {Status} {StatusCode}", job.Kind, job.ReportId, status, code);
        return true;
    }

    /// <summary>Claims the oldest due mail for the lease (SKIP LOCKED: never two workers on one mail).</summary>
    private async Task<PendingEmail?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.PendingEmails.FromSql(
                $"SELECT * FROM intake.email_pending WHERE \"NextAttemptAt\" <= {now} ORDER BY \"NextAttemptAt\" LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (due.Count == 0) return null;
        due[0].Attempts++;
        due[0].NextAttemptAt = now + Lease;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due[0];
    }

    private async Task<MimeKit.MimeMessage> ComposeAsync(PendingEmail job, EmailThread thread, string address, string messageId, CancellationToken ct)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(thread.Language);
        try
        {
            if (job.Kind == OutgoingEmailKinds.Acknowledgement)
            {
                var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == job.ReportId, ct);
                var school = await directory.SchoolNameAsync(report.SchoolId, ct) ?? "";
                return ReplyMail.Compose(thread, address, messageId, ReplyMail.Subject(thread, text["EmailReceivedSubject", school]),
                    text["EmailReceived", school], automatic: true);
            }
            var body = $"{text["EmailQuestionIntro"]}\n\n{job.Text}\n\n{text["EmailEmergencyFooter"]}";
            return ReplyMail.Compose(thread, address, messageId, ReplyMail.Subject(thread, text["EmailReceivedSubject", ""]), body, automatic: false);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

using TipLine.Bus.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Intake.Followup;
using TipLine.Intake.Localization;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;
using TipLine.Mail;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// Sends queued mail to reporters (acknowledgements, team questions), one at a time, through the one SMTP path. The address
/// is unsealed only here, at send time. A question's outcome goes to the case; a permanent refusal is recorded there too.
/// </summary>
internal sealed class OutgoingEmailProcessor(
    IntakeDbContext db,
    SealedContactStore contacts,
    Sealing sealing,
    SchoolDirectory directory,
    FollowupAddress followup,
    MailSender sender,
    IStringLocalizer<ReporterText> text,
    TimeProvider clock,
    ILogger<OutgoingEmailProcessor> log) : IWorkHandler<PendingEmail>
{
    public const string Kind = "Email";

    /// <summary>Longer than one send with its SMTP retries (MailSender retries connection errors and 4xx answers itself).</summary>
    public static void Defaults(WorkOptions o) => o.Lease = TimeSpan.FromMinutes(10);

    public async Task HandleAsync(PendingEmail job, CancellationToken ct)
    {
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
            // Shutting down mid-send hands the mail back at once (the queue's rule); it keeps its Message-ID if it went out.
            var result = await sender.SendAsync(await ComposeAsync(job, thread, address, messageId, ct), ct);
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
    }

    /// <summary>A question that could not be sent is marked failed on the case; an acknowledgement is only logged.</summary>
    public async Task GiveUpAsync(PendingEmail job, CancellationToken ct)
    {
        log.LogError("Email {Kind} for report {ReportId} given up", job.Kind, job.ReportId);
        // The parked row must not keep a receipt that nobody will send.
        if (job.SealedReceipt is not null)
        {
            await db.PendingEmails.Where(p => p.Id == job.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SealedReceipt, (byte[]?)null), ct);
        }
        if (job.QuestionId is not { } questionId) return;
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        db.AddToOutbox(new ReporterMessageStatusChanged(questionId, job.ReportId, "failed: could not be sent", null, now), now);
        await db.SaveChangesAsync(ct);
    }

    private async Task<MimeKit.MimeMessage> ComposeAsync(PendingEmail job, EmailThread thread, string address, string messageId, CancellationToken ct)
    {
        var language = thread.Language;
        if (job.Kind == OutgoingEmailKinds.Acknowledgement)
        {
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == job.ReportId, ct);
            var school = await directory.SchoolNameAsync(report.SchoolId, ct) ?? "";
            var body = text.In(language, "EmailReceived", school);
            if (job.SealedReceipt is { } sealedReceipt && followup.Url is { } url)
            {
                var receipt = SealedReceipts.Open(sealing, SealedColumns.EmailReceipt, job.Id, sealedReceipt);
                body += "\n\n" + text.In(language, "ReceiptByMessage", url, receipt.Code, receipt.Passphrase);
            }
            return ReplyMail.Compose(thread, address, messageId, ReplyMail.Subject(thread, text.In(language, "EmailReceivedSubject", school)), body, automatic: true);
        }
        var question = $"{text.In(language, "EmailQuestionIntro")}\n\n{job.Text}\n\n{text.In(language, "EmailEmergencyFooter")}";
        return ReplyMail.Compose(thread, address, messageId, ReplyMail.Subject(thread, text.In(language, "EmailReceivedSubject", "")), question, automatic: false);
    }
}

using TipLine.Intake.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TipLine.Attachments;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Intake.Followup;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;
using TipLine.Intake.Reports;
using TipLine.Languages;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// One mail from a tip mailbox, in one transaction: dedupe on (mailbox, UIDVALIDITY, UID) and on the Message-ID → automatic
/// mail is recorded and nothing else → an answer in a reporter's thread joins that case → anything else is a new tip, with its
/// acknowledgement queued. The poller moves the mail out of the inbox only after this commits.
/// </summary>
internal sealed class EmailIntake(
    IntakeDbContext db,
    SchoolResolver schools,
    ReporterKeys reporterKeys,
    ReportAcceptance acceptance,
    EmailFiles files,
    Sealing sealing,
    FollowupAddress followup,
    LanguageDetector languages,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailIntake> log)
{
    public async Task<string> HandleAsync(MailboxOptions mailbox, long uidValidity, long uid, MimeMessage message, CancellationToken ct)
    {
        var mail = IncomingMail.Read(message, options.Value.MaxAttachmentBytes, mailbox.AuthServId);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO intake.email_inbound ("Mailbox", "UidValidity", "Uid", "MessageKey", "Outcome", "ReceivedAt")
            VALUES ({mailbox.Key}, {uidValidity}, {uid}, {mail.MessageKey}, 'pending', {now}) ON CONFLICT DO NOTHING
            """, ct);
        if (first == 0) return "duplicate"; // seen before: in this place, or as the same Message-ID anywhere
        await files.JoinAsync(tx.GetDbTransaction(), ct);

        string outcome;
        Guid? reportId;
        if (mail.AutomaticReason is { } reason)
        {
            (outcome, reportId) = ("ignored: " + reason, null);
        }
        else if (await ThreadOfAsync(mail, ct) is { } thread)
        {
            await AnswerAsync(thread, mail, now, ct);
            (outcome, reportId) = ("answer", thread.ReportId);
        }
        else
        {
            (outcome, reportId) = ("tip", await NewTipAsync(mailbox, mail, now, ct));
        }
        await db.InboundEmails.Where(e => e.MessageKey == mail.MessageKey).ExecuteUpdateAsync(e => e
            .SetProperty(x => x.Outcome, outcome).SetProperty(x => x.ReportId, reportId), ct);
        await db.SaveChangesAsync(ct);
        await files.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var refused in mail.Refused)
        {
            log.LogWarning("Mail {Uid} in {Mailbox}: file refused ({Reason}): {ContentType}, {Size} bytes", uid, mailbox.Key, refused.Reason,
                refused.ContentType, refused.Size);
        }
        return outcome;
    }

    /// <summary>
    /// The thread this mail answers (its In-Reply-To or References name a mail of it), if the same reporter wrote it, as their
    /// mail server vouches: a forged From would otherwise tell the forger whether that address has a thread.
    /// </summary>
    private async Task<EmailThread?> ThreadOfAsync(IncomingMail mail, CancellationToken ct)
    {
        if (mail.ReferencedKeys.Count == 0 || !mail.SenderVerified) return null;
        var reportIds = await db.EmailThreadMessages.Where(m => mail.ReferencedKeys.Contains(m.MessageKey)).Select(m => m.ReportId).ToListAsync(ct);
        var reporterKey = reporterKeys.Key(ChannelNames.Email, mail.SenderAddress);
        // Someone else answering (a forwarded mail) starts their own tip instead of writing into this reporter's case.
        return await db.EmailThreads.FirstOrDefaultAsync(t => reportIds.Contains(t.ReportId) && t.ReporterKey == reporterKey, ct);
    }

    private async Task AnswerAsync(EmailThread thread, IncomingMail mail, DateTimeOffset now, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == thread.ReportId, ct);
        var kept = EmailFiles.Plan(mail);
        files.Store(kept, thread.ReportId, mail.MessageKey, announce: true, now);
        var text = WithFileNotes(mail.Body.Length > 0 ? mail.Body : "(empty message)", mail, kept);
        // Detected on the reporter's own words, not on intake's notes; else the tip's language.
        var language = languages.DetectOr(mail.Body, report.Language);
        var answer = new FollowupMessage { Id = Guid.NewGuid(), ReportId = thread.ReportId, FromReporter = true, Text = text, Language = language, CreatedAt = now };
        db.FollowupMessages.Add(answer);
        db.AddToOutbox(new ReporterAnswered(answer.Id, thread.ReportId, report.SchoolId, text, language, now), now);
        EmailThreads.Extend(db, thread, mail.MessageId, mail.MessageKey);
    }

    private async Task<Guid> NewTipAsync(MailboxOptions mailbox, IncomingMail mail, DateTimeOffset now, CancellationToken ct)
    {
        var (schoolId, body) = await SchoolAsync(mailbox, mail, ct);
        var kept = EmailFiles.Plan(mail);
        var text = WithFileNotes(body, mail, kept);
        // Detected on the reporter's own words, not on intake's notes ("The reporter did not name a school", refused files),
        // which would make a short tip in another language look English. Undetected stays "und" (not the reply's English):
        // routing then knows nobody has read the tip yet.
        var language = languages.DetectOr(mail.Body.Length > 0 ? mail.Body : mail.Subject, LanguageGuess.UndeterminedCode);
        var replyLanguage = ReporterLanguages.All.Any(l => l.Code == language) ? language : "en";
        // An unverified sender is not kept, threaded or written to: a forged From must not make TipLine mail a victim.
        var accepted = await acceptance.AcceptAsync(new NewReport(schoolId, ChannelNames.Email, mail.MessageKey, language,
            new TipContent(text, null, null), DangerNow: false, mail.SenderVerified ? new ReporterContact(ChannelNames.Email, mail.SenderAddress) : null,
            kept.Where(k => k.AttachmentId is not null).Select(k => k.AttachmentId!.Value).ToList(), mail.SenderVerified),
            issueReceipt: mail.SenderVerified && followup.Url is not null, ct);
        files.Store(kept, accepted.ReportId, mail.MessageKey, announce: false, now);
        if (!mail.SenderVerified)
        {
            log.LogInformation("Mail accepted as report {ReportId} from an unverified sender ({Files} files kept, {Refused} refused): not answered",
                accepted.ReportId, kept.Count, mail.Refused.Count);
            return accepted.ReportId;
        }
        var thread = new EmailThread
        {
            ReportId = accepted.ReportId, ReporterKey = reporterKeys.Key(ChannelNames.Email, mail.SenderAddress), Mailbox = mailbox.Key,
            OurAddress = mailbox.Address, Subject = mail.Subject.Length > 200 ? mail.Subject[..200] : mail.Subject, Language = replyLanguage,
            References = "",
        };
        db.EmailThreads.Add(thread);
        EmailThreads.Extend(db, thread, mail.MessageId, mail.MessageKey);
        var acknowledgementId = Guid.NewGuid();
        db.PendingEmails.Add(new PendingEmail
        {
            Id = acknowledgementId, ReportId = accepted.ReportId, Kind = OutgoingEmailKinds.Acknowledgement, CreatedAt = now, NextAttemptAt = now,
            // The acknowledgement carries the receipt, so the reporter can also go on at /report/followup.
            SealedReceipt = accepted.Receipt is { } receipt ? SealedReceipts.Seal(sealing, SealedColumns.EmailReceipt, acknowledgementId, receipt) : null,
        });
        log.LogInformation("Mail accepted as report {ReportId} ({Files} files kept, {Refused} refused)", accepted.ReportId, kept.Count, mail.Refused.Count);
        return accepted.ReportId;
    }

    /// <summary>
    /// The mailbox's school; for a district mailbox, a school code written as a word of the subject or the text. Without one the
    /// tip goes to the district's own entry and its 24/7 team (else, in a directory without one, the first school listed), so it
    /// is still seen, and says that the school was not named.
    /// </summary>
    private async Task<(Guid SchoolId, string Body)> SchoolAsync(MailboxOptions mailbox, IncomingMail mail, CancellationToken ct)
    {
        var body = mail.Body.Length > 0 ? mail.Body : mail.Subject.Length > 0 ? mail.Subject : "(empty message)";
        if (mailbox.SchoolId is { } school) return (school, body);
        if (await schools.NamedInAsync(mail.Subject + " " + body, spoken: false, ct) is { } named) return (named.SchoolId, body);
        return (await schools.NotNamedAsync(ChannelNames.Email, ct), SchoolResolver.NotNamedNote + body);
    }

    private static string WithFileNotes(string body, IncomingMail mail, IReadOnlyList<KeptFile> kept)
    {
        var notes = kept.Where(k => k.AttachmentId is null)
            .Select(k => $"[A file ({k.ContentType}) was kept aside by intake: {k.Refused ?? "no copy fit to show"}.]")
            .Concat(mail.Refused.Select(r => $"[A file ({r.ContentType}) was refused: {r.Reason}.]")).ToList();
        return notes.Count == 0 ? body : body + "\n\n" + string.Join('\n', notes);
    }
}

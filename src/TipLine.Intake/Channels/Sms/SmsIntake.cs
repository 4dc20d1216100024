using TipLine.Bus.Database;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TipLine.Intake.Reports;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Intake.Followup;
using TipLine.Intake.Localization;
using TipLine.Intake.ProviderCopies;
using TipLine.Intake.Reporters;
using TipLine.Languages;
using TipLine.Twilio.Webhooks;

namespace TipLine.Intake.Channels.Sms;

/// <summary>The reply to an inbound text; <paramref name="Receipt"/> goes once, as a message of its own, with the reply that opens a tip.</summary>
internal sealed record SmsAnswer(string Text, string? Receipt = null);

/// <summary>
/// One inbound text, after its signature was checked: dedupe on MessageSid → keywords (STOP,
/// START, HELP) → which school (the number, or a code in the text) → a new tip, a follow-up in
/// the reporter's thread, or a tip held until the school is named. Returns the reply to send,
/// if any. Everything commits before Twilio gets its answer.
/// </summary>
internal sealed class SmsIntake(
    IntakeDbContext db,
    SchoolDirectory directory,
    SchoolResolver schools,
    ReporterKeys reporterKeys,
    HeldTexts heldTexts,
    Sealing sealing,
    LanguageDetector languages,
    IStringLocalizer<ReporterText> text,
    IOptions<SmsOptions> options,
    FollowupAddress followup,
    TimeProvider clock)
{
    public async Task<SmsAnswer?> HandleAsync(InboundMessage sms, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reporterKey = reporterKeys.Key(ChannelNames.Sms, sms.From);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One reporter's texts are handled one at a time, so held texts and threads never race.
        await db.Database.LockAsync(AdvisoryLock.SmsReporter, reporterKey, ct);
        var first = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO intake.sms_inbound (\"MessageSid\", \"ReceivedAt\") VALUES ({sms.MessageSid}, {now}) ON CONFLICT DO NOTHING", ct);
        if (first == 0) return null; // Twilio retried a webhook we already handled.
        // Committed here, the text needs no copy at Twilio: its body is redacted there once this commits (and the case is
        // told, when the text joined one).
        var bodyCopy = PendingCopyDeletion.Of(CopyKind.MessageBody, sms.MessageSid, null, reportId: null, now);
        db.CopyDeletions.Add(bodyCopy);

        var body = sms.Body.Trim();
        var language = ReplyLanguage(body);
        var optedOut = await db.SmsOptOuts.AnyAsync(o => o.ReporterKey == reporterKey, ct);
        SmsAnswer? reply;
        switch (SmsKeywords.Of(body))
        {
            case SmsKeyword.Stop:
                if (!optedOut) db.SmsOptOuts.Add(new SmsOptOut { ReporterKey = reporterKey, OptedOutAt = now });
                reply = null; // the carrier confirms STOP itself
                break;
            case SmsKeyword.Start:
                await db.SmsOptOuts.Where(o => o.ReporterKey == reporterKey).ExecuteDeleteAsync(ct);
                reply = null;
                break;
            case SmsKeyword.Help:
                reply = new SmsAnswer(text.In(language, "SmsHelp"));
                break;
            default:
                (reply, bodyCopy.ReportId) = await TakeTipAsync(sms, body, language, reporterKey, optedOut, now, ct);
                break;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return optedOut ? null : reply;
    }

    /// <returns>The answer, and the report the text joined (none while it is held for a school name).</returns>
    private async Task<(SmsAnswer Answer, Guid? ReportId)> TakeTipAsync(InboundMessage sms, string body, string language, string reporterKey, bool optedOut,
        DateTimeOffset now, CancellationToken ct)
    {
        var schoolId = await schools.SchoolOfNumberAsync(sms.To, ct);
        if (schoolId is null && await schools.NamedInAsync(body, spoken: false, ct) is { } named)
        {
            schoolId = named.SchoolId;
            body = named.Remainder;
        }

        // Only a text to the same number, about the same school, continues a case: a tip about
        // another school must never land in this team's case.
        var threads = db.SmsThreads.Where(t =>
            t.ReporterKey == reporterKey && t.OurNumber == sms.To && t.LastMessageAt > now - options.Value.ThreadWindow);
        if (schoolId is { } sameSchool) threads = threads.Where(t => db.Reports.Any(r => r.Id == t.ReportId && r.SchoolId == sameSchool));
        var thread = await threads.OrderByDescending(t => t.LastMessageAt).FirstOrDefaultAsync(ct);
        if (thread is not null && (body.Length > 0 || sms.NumMedia > 0))
        {
            thread.LastMessageAt = now;
            if (body.Length > 0) await AddToThreadAsync(thread.ReportId, body, now, ct);
            QueueMedia(sms, thread.ReportId, heldSmsId: null, now);
            return (new SmsAnswer(text.In(language, "SmsAddedToTip")), thread.ReportId);
        }

        if (schoolId is null)
        {
            var heldId = Guid.NewGuid();
            db.HeldSms.Add(new HeldSms
            {
                Id = heldId, MessageSid = sms.MessageSid, ReporterKey = reporterKey, Text = body, Language = language, ReceivedAt = now,
                OurNumber = sms.To, SealedFrom = sealing.Seal(SealedColumns.HeldSmsFrom, heldId.ToString(), sms.From),
            });
            QueueMedia(sms, reportId: null, heldId, now);
            var codes = string.Join(", ", (await directory.SchoolCodesAsync(ct)).Select(c => $"{c.Code} ({c.Name})"));
            return (new SmsAnswer(text.In(language, "SmsWhichSchool", codes)), null);
        }

        var accepted = await heldTexts.AcceptAsync(reporterKey, schoolId.Value, sms.To, sms.From, sms.MessageSid, body,
            sms.NumMedia > 0, now, ct, issueReceipt: !optedOut && followup.Url is not null);
        QueueMedia(sms, accepted.ReportId, heldSmsId: null, now);
        var school = await directory.SchoolNameAsync(schoolId.Value, ct) ?? "";
        var replyLanguage = ReplyLanguage(accepted.WholeText);
        // The receipt rides on this one answer (it is never stored in plain), so the student can go on at /report/followup.
        return (new SmsAnswer(text.In(replyLanguage, "SmsReceived", school), accepted.Receipt is { } receipt
            ? text.In(replyLanguage, "ReceiptByMessage", followup.Url!, receipt.Code, receipt.Passphrase)
            : null), accepted.ReportId);
    }

    /// <summary>
    /// Records the message's media for the media queue (<see cref="MmsMediaProcessor"/>), in this transaction: downloading here would keep
    /// Twilio waiting. Media of a held text waits for its report.
    /// </summary>
    private void QueueMedia(InboundMessage sms, Guid? reportId, Guid? heldSmsId, DateTimeOffset now)
    {
        for (var i = 0; i < sms.Media.Count; i++)
        {
            db.PendingMms.Add(new PendingMms
            {
                Id = Guid.NewGuid(), MessageSid = sms.MessageSid, MediaIndex = i, MediaUrl = sms.Media[i].Url.AbsoluteUri,
                ContentType = sms.Media[i].ContentType, ReportId = reportId, HeldSmsId = heldSmsId, ReceivedAt = now, NextAttemptAt = now,
            });
        }
    }

    /// <summary>The text joins the thread in the language it is written in (else the tip's), so the team gets it translated or marked.</summary>
    private async Task AddToThreadAsync(Guid reportId, string body, DateTimeOffset now, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId, ct);
        var language = languages.DetectOr(body, report.Language);
        var message = new FollowupMessage { Id = Guid.NewGuid(), ReportId = reportId, FromReporter = true, Text = body, Language = language, CreatedAt = now };
        db.FollowupMessages.Add(message);
        db.AddToOutbox(new ReporterAnswered(message.Id, reportId, report.SchoolId, body, language, now), now);
    }

    /// <summary>Replies go in the language the reporter wrote in, when the pages speak it; else English.</summary>
    private string ReplyLanguage(string body)
    {
        var detected = languages.DetectOr(body, "en");
        return ReporterLanguages.All.Any(l => l.Code == detected) ? detected : "en";
    }
}

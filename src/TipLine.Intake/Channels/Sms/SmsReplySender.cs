using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Outbox;
using TipLine.Bus.Work;
using TipLine.Contracts;
using Microsoft.Extensions.Localization;
using TipLine.Intake.Followup;
using TipLine.Intake.Localization;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;
using TipLine.Twilio;
using TipLine.Twilio.Messages;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// Sends a queued team question (or a voicemail caller's receipt) to an SMS reporter from the number they texted (or
/// called). Twilio is asked outside any transaction; the outcome, the case's status message and the end of the queue item
/// commit together afterwards. The number, and a receipt, are unsealed only here, at send time, and never leave this class.
/// </summary>
internal sealed class SmsReplySender(
    IntakeDbContext db,
    SealedContactStore contacts,
    Sealing sealing,
    ReporterKeys reporterKeys,
    TwilioMessagesClient twilio,
    IOptions<TwilioOptions> twilioOptions,
    FollowupAddress followup,
    IStringLocalizer<ReporterText> text,
    TimeProvider clock,
    ILogger<SmsReplySender> log) : IWorkHandler<PendingSms>
{
    public const string Kind = "Sms";

    public async Task HandleAsync(PendingSms job, CancellationToken ct)
    {
        var thread = await db.SmsThreads.AsNoTracking().SingleOrDefaultAsync(t => t.ReportId == job.ReportId, ct);
        var number = await contacts.UnsealAsync(job.ReportId, ChannelNames.Sms, ct);
        var body = Body(job);
        if (thread is null || number is null || body is null)
        {
            await RecordAsync(job, "not-sent: no way to reach the reporter", null, null, ct);
            return;
        }
        if (await db.SmsOptOuts.AnyAsync(o => o.ReporterKey == reporterKeys.Key(ChannelNames.Sms, number), ct))
        {
            await RecordAsync(job, "not-sent: the reporter texted STOP", null, null, ct);
            return;
        }
        // An earlier attempt asked Twilio and then lost its answer (its process died): the text may exist already.
        if (job.SendStartedAt is { } started && await twilio.FindSentAsync(thread.OurNumber, number, body, started, ct) is { } found)
        {
            await RecordAsync(job, found.Status, found.Sid, null, ct);
            return;
        }
        await db.PendingSms.Where(p => p.Id == job.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SendStartedAt, clock.GetUtcNow()), ct);
        // A receipt's status says when Twilio's copy of it may be redacted; a question's goes to its case.
        var callback = job.QuestionId is null
            ? SmsWebhooks.ReceiptStatusUrl(twilioOptions.Value)
            : twilioOptions.Value.PublicBaseUrl.TrimEnd('/') + SmsWebhooks.StatusPath;
        switch (await twilio.SendAsync(thread.OurNumber, number, body, callback, ct))
        {
            case MessageSent sent:
                await RecordAsync(job, sent.Status, sent.Sid, null, ct);
                break;
            case MessageRefused refused:
                if (refused.RecipientOptedOut) db.SmsOptOuts.Add(new SmsOptOut { ReporterKey = reporterKeys.Key(ChannelNames.Sms, number), OptedOutAt = clock.GetUtcNow() });
                await RecordAsync(job, "failed", null, refused.Code, ct);
                break;
            case MessageTransientFailure:
                // Twilio is down or overloaded: the queue tries again later, first asking whether this attempt got through.
                throw new HttpRequestException("Twilio did not take the text after its retries.");
        }
    }

    /// <summary>The case learns that the question could not be sent.</summary>
    public async Task GiveUpAsync(PendingSms job, CancellationToken ct)
    {
        if (job.QuestionId is not { } questionId)
        {
            // The parked row must not keep a receipt that nobody will send.
            await db.PendingSms.Where(p => p.Id == job.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SealedReceipt, (byte[]?)null), ct);
            log.LogError("Receipt to the SMS reporter of {ReportId} given up", job.ReportId);
            return;
        }
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        db.AddToOutbox(new ReporterMessageStatusChanged(questionId, job.ReportId, "failed: could not be sent", null, now), now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The question, or the receipt composed now in the caller's language; null when no follow-up address is set.</summary>
    private string? Body(PendingSms job)
    {
        if (job.SealedReceipt is not { } sealedReceipt) return job.Text;
        if (followup.Url is not { } url) return null;
        var receipt = SealedReceipts.Open(sealing, SealedColumns.SmsReceipt, job.Id, sealedReceipt);
        return text.In(job.Language ?? "en", "ReceiptByMessage", url, receipt.Code, receipt.Passphrase);
    }

    /// <summary>The delivery row (status callbacks find it by MessageSid), the case's status and the end of the item, in one commit.</summary>
    private async Task RecordAsync(PendingSms job, string status, string? messageSid, int? errorCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A receipt has no case to tell; its copy at Twilio is redacted when its final status arrives (ReceiptCopies).
        if (job.QuestionId is { } questionId)
        {
            if (messageSid is not null)
            {
                await SmsStatusUpdates.LockAsync(db, messageSid, ct);
                (status, errorCode) = await SmsStatusUpdates.ClaimEarlyAsync(db, messageSid, status, errorCode, ct);
            }
            if (!await db.SmsDeliveries.AnyAsync(d => d.QuestionId == questionId, ct))
            {
                db.SmsDeliveries.Add(new SmsDelivery
                {
                    QuestionId = questionId, ReportId = job.ReportId, MessageSid = messageSid, Status = status, ErrorCode = errorCode, UpdatedAt = now,
                });
            }
            db.AddToOutbox(new ReporterMessageStatusChanged(questionId, job.ReportId, status, errorCode, now), now);
        }
        await db.PendingSms.Where(p => p.Id == job.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("{What} to SMS reporter of {ReportId}: {Status} {ErrorCode}", job.QuestionId is null ? "Receipt" : "Question", job.ReportId, status, errorCode);
    }
}

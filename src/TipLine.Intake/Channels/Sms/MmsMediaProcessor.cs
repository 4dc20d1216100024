using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Intake.Pictures;
using TipLine.Attachments;
using TipLine.Bus.Work;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Intake.ProviderCopies;
using TipLine.Intake.Reporters;
using TipLine.Intake.Reports;
using TipLine.Twilio.Messages;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// One queued MMS file: download → seal the original → for a JPEG or PNG, a copy without metadata for the team, announced
/// with <see cref="ReportAttachmentAdded"/> — all in one transaction. Other types (GIF, video, …) are kept sealed only;
/// the team never sees a file that was not cleaned. Logs sids, types and sizes, never content.
/// </summary>
internal sealed class MmsMediaProcessor(
    IntakeDbContext db,
    AttachmentStore attachments,
    Sealing sealing,
    TwilioMessagesClient twilio,
    IOptionsMonitor<PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<MmsMediaProcessor> log) : IWorkHandler<PendingMms>
{
    public const string Kind = "Mms";

    /// <summary>A file sent before the school was named waits for its report.</summary>
    public const string ClaimFilter = "\"ReportId\" IS NOT NULL";

    public async Task HandleAsync(PendingMms job, CancellationToken ct)
    {
        TwilioMedia media;
        try
        {
            media = await twilio.DownloadMediaAsync(new Uri(job.MediaUrl), ct);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or InvalidDataException)
        {
            // A URL off Twilio's API host, or a file over the size limit: trying again would not help.
            throw new UnworkableException(e.GetType().Name);
        }
        await StoreAsync(job, media.Content, media.ContentType, ct);
    }

    /// <summary>The file is not stored; the tip's text already reached the team, and the case is told. Logged by type only.</summary>
    public async Task GiveUpAsync(PendingMms job, CancellationToken ct)
    {
        log.LogError("MMS {MessageSid} file {Index} ({ContentType}) not stored (attempt {Attempts})", job.MessageSid, job.MediaIndex,
            job.ContentType, job.Attempts);
        if (job.ReportId is not { } reportId) return;
        db.ChangeTracker.Clear();
        ReportNotes.Add(db, reportId, ReportNotes.PictureNotFetched, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task StoreAsync(PendingMms job, byte[] original, string downloadedType, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var reportId = job.ReportId!.Value;
        // Twilio's download names the type; the webhook's type is the fallback. A clean copy is made only when both name
        // a picture type, and the file's own signature then has to match it.
        var contentType = downloadedType.Length == 0 || downloadedType == "application/octet-stream" ? job.ContentType : downloadedType;
        var outcome = PictureCleaner.IsPicture(contentType) && PictureCleaner.IsPicture(job.ContentType)
            ? PictureCleaner.Clean(contentType, original) : PictureOutcome.Refuse("not a picture type TipLine shows");
        var cleaned = outcome.Picture;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await attachments.JoinAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), ct);
        var already = await db.MmsMedia.AnyAsync(m => m.MessageSid == job.MessageSid && m.MediaIndex == job.MediaIndex, ct);
        Guid? attachmentId = null;
        if (!already)
        {
            if (cleaned is not null)
            {
                attachmentId = Guid.NewGuid();
                attachments.Add(attachmentId.Value, reportId, AttachmentKinds.CleanedPicture, cleaned.ContentType, cleaned.Content);
                db.AddToOutbox(new ReportAttachmentAdded(reportId, attachmentId.Value, cleaned.ContentType, now), now);
            }
            var storedId = Guid.NewGuid();
            db.MmsMedia.Add(new StoredMms
            {
                Id = storedId, ReportId = reportId, MessageSid = job.MessageSid, MediaIndex = job.MediaIndex, AttachmentId = attachmentId,
                OriginalContentType = contentType.Length > 100 ? contentType[..100] : contentType,
                SealedOriginal = sealing.Seal(SealedColumns.MmsOriginal, storedId.ToString(), original),
                CreatedAt = now, PurgeAfter = now.AddDays(privacy.CurrentValue.ContactRetentionDays),
            });
            if (cleaned is null) ReportNotes.Add(db, reportId, ReportNotes.PictureKeptSealed(outcome.Refused ?? "not a picture TipLine shows"), now);
            // Ours is committed with this: Twilio's copy goes.
            if (TwilioStoredCopies.MediaSidOf(job.MediaUrl) is { } mediaSid)
            {
                db.CopyDeletions.Add(PendingCopyDeletion.Of(CopyKind.Media, job.MessageSid, mediaSid, reportId, now));
            }
        }
        await db.PendingMms.Where(p => p.Id == job.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await attachments.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (attachmentId is null && !already)
        {
            log.LogWarning("MMS {MessageSid} file {Index} ({ContentType}, {Size} bytes) kept sealed only: {Reason}",
                job.MessageSid, job.MediaIndex, contentType, original.Length, outcome.Refused);
        }
        else
        {
            log.LogInformation("MMS {MessageSid} file {Index} ({ContentType}, {Size} bytes) stored for report {ReportId}", job.MessageSid,
                job.MediaIndex, contentType, original.Length, reportId);
        }
    }
}

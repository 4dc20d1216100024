using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Attachments;
using TipLine.Bus;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Intake.Reporters;
using TipLine.Twilio.Messages;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// One queued MMS file: download → seal the original → for a JPEG or PNG, a copy without metadata for the team, announced
/// with <see cref="ReportAttachmentAdded"/> — all in one transaction. Other types (GIF, video, …) are kept sealed only;
/// the team never sees a file that was not cleaned. Logs sids, types and sizes, never content.
/// </summary>
public sealed class MmsMediaProcessor(
    IntakeDbContext db,
    AttachmentStore attachments,
    SealedContactStore sealing,
    TwilioMessagesClient twilio,
    IOptions<MmsOptions> options,
    IOptions<PrivacyOptions> privacy,
    TimeProvider clock,
    ILogger<MmsMediaProcessor> log) : IQueuedWork
{
    public const string OriginalPurpose = "mms-original";

    /// <summary>Takes one due file, if any; answers whether there was one.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var job = await ClaimAsync(ct);
        if (job is null) return false;
        try
        {
            var media = await twilio.DownloadMediaAsync(new Uri(job.MediaUrl), ct);
            await StoreAsync(job, media.Content, media.ContentType, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or TaskCanceledException)
        {
            await FailedAsync(job, e, ct);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or InvalidDataException)
        {
            // A URL off Twilio's API host, or a file over the size limit: trying again would not help.
            log.LogWarning("MMS {MessageSid} file {Index} ({ContentType}) not downloaded: {Error}", job.MessageSid, job.MediaIndex,
                job.ContentType, e.GetType().Name);
            await DropAsync(job, ct);
        }
        return true;
    }

    /// <summary>Claims the oldest due file of an accepted report for the lease (SKIP LOCKED: never two workers on one file).</summary>
    private async Task<PendingMms?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.PendingMms.FromSql(
                $"SELECT * FROM intake.mms_pending WHERE \"ReportId\" IS NOT NULL AND \"NextAttemptAt\" <= {now} ORDER BY \"NextAttemptAt\" LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (due.Count == 0) return null;
        var job = due[0];
        job.Attempts++;
        job.NextAttemptAt = now + options.Value.Lease;
        if (job.Attempts > options.Value.MaxAttempts + 1)
        {
            // Its workers kept dying on it (the lease ran out each time): it is not tried forever.
            log.LogError("MMS {MessageSid} file {Index} ({ContentType}) given up after {Attempts} interrupted attempts", job.MessageSid,
                job.MediaIndex, job.ContentType, job.Attempts - 1);
            db.PendingMms.Remove(job);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return job.Attempts > options.Value.MaxAttempts + 1 ? null : job;
    }

    private async Task FailedAsync(PendingMms job, Exception e, CancellationToken ct)
    {
        var settings = options.Value;
        log.LogWarning("MMS {MessageSid} file {Index}: attempt {Attempt} failed: {Error}", job.MessageSid, job.MediaIndex, job.Attempts,
            e.GetType().Name);
        db.ChangeTracker.Clear();
        if (job.Attempts >= settings.MaxAttempts)
        {
            await DropAsync(job, ct);
            return;
        }
        var delay = settings.RetryDelay * Math.Pow(2, job.Attempts - 1);
        await db.PendingMms.Where(p => p.Id == job.Id).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.NextAttemptAt, clock.GetUtcNow() + delay)
            .SetProperty(x => x.LastError, e.GetType().Name), ct);
    }

    private async Task DropAsync(PendingMms job, CancellationToken ct)
    {
        log.LogError("MMS {MessageSid} file {Index} ({ContentType}) not stored (attempt {Attempts})", job.MessageSid, job.MediaIndex,
            job.ContentType, job.Attempts);
        db.ChangeTracker.Clear();
        await db.PendingMms.Where(p => p.Id == job.Id).ExecuteDeleteAsync(ct);
    }

    private async Task StoreAsync(PendingMms job, byte[] original, string downloadedType, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var reportId = job.ReportId!.Value;
        // Twilio's download names the type; the webhook's type is the fallback. A clean copy is made only when both name
        // the same type we clean, and the file's own structure then has to match it.
        var contentType = downloadedType.Length == 0 || downloadedType == "application/octet-stream" ? job.ContentType : downloadedType;
        var cleanedType = ImageMetadata.CleanableType(contentType) is { } type && type == ImageMetadata.CleanableType(job.ContentType) ? type : null;
        var cleaned = cleanedType is null ? null : ImageMetadata.Strip(cleanedType, original);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await attachments.JoinAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), ct);
        var already = await db.MmsMedia.AnyAsync(m => m.MessageSid == job.MessageSid && m.MediaIndex == job.MediaIndex, ct);
        Guid? attachmentId = null;
        if (!already)
        {
            if (cleaned is not null)
            {
                attachmentId = Guid.NewGuid();
                attachments.Add(attachmentId.Value, reportId, AttachmentKinds.CleanedPicture, cleanedType!, cleaned);
                db.AddToOutbox(new ReportAttachmentAdded(reportId, attachmentId.Value, cleanedType!, now), now);
            }
            db.MmsMedia.Add(new StoredMms
            {
                Id = Guid.NewGuid(), ReportId = reportId, MessageSid = job.MessageSid, MediaIndex = job.MediaIndex, AttachmentId = attachmentId,
                OriginalContentType = contentType.Length > 100 ? contentType[..100] : contentType,
                SealedOriginal = sealing.SealBytes(OriginalPurpose, original),
                CreatedAt = now, PurgeAfter = now.AddDays(privacy.Value.ContactRetentionDays),
            });
        }
        await db.PendingMms.Where(p => p.Id == job.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await attachments.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (attachmentId is null && !already)
        {
            log.LogWarning("MMS {MessageSid} file {Index} ({ContentType}, {Size} bytes) kept sealed only: no clean copy for the team",
                job.MessageSid, job.MediaIndex, contentType, original.Length);
        }
        else
        {
            log.LogInformation("MMS {MessageSid} file {Index} ({ContentType}, {Size} bytes) stored for report {ReportId}", job.MessageSid,
                job.MediaIndex, contentType, original.Length, reportId);
        }
    }
}

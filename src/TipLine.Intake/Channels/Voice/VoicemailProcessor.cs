using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Attachments;
using TipLine.Bus.Work;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Intake.ProviderCopies;
using TipLine.Intake.Followup;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reporters;
using TipLine.Intake.Reports;
using TipLine.Twilio.Messages;
using TipLine.Voicemail;

namespace TipLine.Intake.Channels.Voice;

/// <summary>
/// One queued recording: download → transcribe (in the menu's language) → disguise → accept, in one transaction, the tip
/// (content = transcript), the sealed original, the disguised copy for the team and the caller ID as sealed contact.
/// A tip whose audio cannot be fetched or transcribed is routed anyway. Logs sids and sizes, never numbers or transcripts.
/// </summary>
internal sealed class VoicemailProcessor(
    IntakeDbContext db,
    AttachmentStore attachments,
    ReportAcceptance acceptance,
    Sealing sealing,
    ReporterKeys reporterKeys,
    SchoolDirectory directory,
    SchoolResolver schools,
    TwilioMessagesClient twilio,
    ITranscriber transcriber,
    VoiceDisguiser disguiser,
    IOptionsMonitor<PrivacyOptions> privacy,
    FollowupAddress followup,
    TimeProvider clock,
    ILogger<VoicemailProcessor> log) : IWorkHandler<PendingVoicemail>
{
    public const string Kind = "Voicemail";
    public const string NoTranscript = "(voicemail: transcription failed)";
    private const string DefaultAudioType = "audio/wav";

    /// <summary>Longer than download + transcription + disguise; a failed download is tried 6 times in all.</summary>
    public static void Defaults(WorkOptions o) => o.Lease = TimeSpan.FromMinutes(15);

    public async Task HandleAsync(PendingVoicemail job, CancellationToken ct)
    {
        TwilioMedia media;
        try
        {
            media = await twilio.DownloadMediaAsync(new Uri(job.RecordingUrl), ct);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or InvalidDataException)
        {
            // A URL off Twilio's API host, or a file over the size limit: trying again would not help.
            log.LogWarning("Recording {RecordingSid} not downloaded: {Error}", job.RecordingSid, e.GetType().Name);
            throw new UnworkableException(e.GetType().Name);
        }
        var contentType = media.ContentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? media.ContentType : DefaultAudioType;
        var transcript = await TranscribeAsync(job, media.Content, contentType, ct);
        var disguised = await DisguiseAsync(job, media.Content, contentType, ct);
        await AcceptAsync(job, transcript, media.Content, contentType, disguised, removeFromQueue: true, ct);
    }

    /// <summary>The tip still reaches a team, which at least learns that someone left a message.</summary>
    public Task GiveUpAsync(PendingVoicemail job, CancellationToken ct) =>
        AcceptAsync(job, Transcript.Failed, null, null, null, removeFromQueue: false, ct);

    private async Task<Transcript> TranscribeAsync(PendingVoicemail job, byte[] audio, string contentType, CancellationToken ct)
    {
        try
        {
            using var stream = new MemoryStream(audio, writable: false);
            return await transcriber.TranscribeAsync(stream, contentType, job.Language, ct);
        }
        catch (Exception e) when (e is AudioToolMissingException or ArgumentException or InvalidDataException)
        {
            log.LogError("Recording {RecordingSid} not transcribed: {Error}", job.RecordingSid, e.Message);
            return Transcript.Failed;
        }
    }

    private async Task<byte[]?> DisguiseAsync(PendingVoicemail job, byte[] audio, string contentType, CancellationToken ct)
    {
        try
        {
            using var input = new MemoryStream(audio, writable: false);
            using var output = new MemoryStream();
            await disguiser.DisguiseAsync(input, contentType, output, ct);
            return output.ToArray();
        }
        catch (Exception e) when (e is AudioToolMissingException or ArgumentException or InvalidDataException or TimeoutException)
        {
            // Without a disguised copy the team gets the transcript only: the caller's own voice is never shown.
            log.LogError("Recording {RecordingSid}: no disguised copy: {Error}", job.RecordingSid, e.Message);
            return null;
        }
    }

    private async Task AcceptAsync(PendingVoicemail job, Transcript transcript, byte[]? original, string? contentType, byte[]? disguised,
        bool removeFromQueue, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await attachments.JoinAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), ct);

        var (schoolId, named) = await SchoolAsync(job, transcript.Text, ct);
        var transcribed = transcript.Succeeded && transcript.Text.Trim().Length > 0;
        var text = (named ? "" : SchoolResolver.NotNamedNote) + (transcribed ? transcript.Text.Trim() : NoTranscript);
        var caller = job.SealedCaller is { } sealedCaller
            ? sealing.OpenText(SealedColumns.CallerOfVoicemail, job.CallSid, sealedCaller)
            : null;
        Guid? attachmentId = disguised is null ? null : Guid.NewGuid();
        // The caller's number is kept as an SMS contact: a team question can reach them by text from the number they called.
        var accepted = await acceptance.AcceptAsync(new NewReport(schoolId, ChannelNames.Voice, job.RecordingSid, job.Language,
            new TipContent(text, null, null), DangerNow: false, caller is null ? null : new ReporterContact(ChannelNames.Sms, caller),
            attachmentId is { } id ? [id] : null, SenderVerified: caller is not null ? true : job.CallerUnverified ? false : null, NotTranscribed: !transcribed),
            // A caller who can be texted gets a receipt by text, so they can go on at /report/followup.
            issueReceipt: caller is not null && job.CalledNumber.Length > 0 && followup.Url is not null, ct);
        if (!accepted.Duplicate)
        {
            if (attachmentId is { } fileId) attachments.Add(fileId, accepted.ReportId, AttachmentKinds.DisguisedVoicemail, "audio/wav", disguised!);
            if (original is not null)
            {
                db.Voicemails.Add(new StoredVoicemail
                {
                    ReportId = accepted.ReportId, RecordingSid = job.RecordingSid, AttachmentId = attachmentId,
                    OriginalContentType = contentType!, SealedOriginal = sealing.Seal(SealedColumns.VoicemailOriginal, job.RecordingSid, original),
                    CreatedAt = now, PurgeAfter = now.AddDays(privacy.CurrentValue.ContactRetentionDays),
                });
                // Ours is committed with this: Twilio's copy of the caller's voice goes.
                db.CopyDeletions.Add(PendingCopyDeletion.Of(CopyKind.Recording, job.CallSid, job.RecordingSid, accepted.ReportId, now));
            }
            if (caller is not null && job.CalledNumber.Length > 0)
            {
                db.SmsThreads.Add(new SmsThread
                {
                    ReportId = accepted.ReportId, ReporterKey = reporterKeys.Key(ChannelNames.Sms, caller), OurNumber = job.CalledNumber, LastMessageAt = now,
                });
            }
            if (accepted.Receipt is { } receipt)
            {
                var receiptSmsId = Guid.NewGuid();
                db.PendingSms.Add(new PendingSms
                {
                    Id = receiptSmsId, ReportId = accepted.ReportId, Text = "",
                    SealedReceipt = SealedReceipts.Seal(sealing, SealedColumns.SmsReceipt, receiptSmsId, receipt),
                    Language = job.Language, CreatedAt = now, NextAttemptAt = now,
                });
            }
        }
        if (removeFromQueue) await db.PendingVoicemails.Where(p => p.RecordingSid == job.RecordingSid).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await attachments.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Voicemail {RecordingSid} accepted as report {ReportId} (transcribed: {Transcribed}, disguised copy: {Disguised})",
            job.RecordingSid, accepted.ReportId, transcript.Succeeded, attachmentId is not null);
    }

    /// <summary>
    /// The school whose number was called, or the one chosen in a district number's keypad menu, or one named in the
    /// message; else the district's own entry, and the tip says no school was named.
    /// </summary>
    private async Task<(Guid SchoolId, bool Named)> SchoolAsync(PendingVoicemail job, string transcript, CancellationToken ct)
    {
        if (await schools.SchoolOfNumberAsync(job.CalledNumber, ct) is { } school) return (school, true);
        if (job.SchoolId is { } chosen && await directory.TeamForSchoolAsync(chosen, ct) is not null) return (chosen, true);
        if (await schools.NamedInAsync(transcript, spoken: true, ct) is { } named) return (named.SchoolId, true);
        return (await schools.NotNamedAsync(ChannelNames.Voice, ct), false);
    }
}

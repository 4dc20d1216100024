using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using TipLine.Intake.Reporters;
using TipLine.Twilio.Webhooks;

namespace TipLine.Intake.Channels.Voice;

/// <summary>
/// The quick part of a voicemail, done inside Twilio's webhooks: remember the call (caller ID sealed), and queue each
/// completed recording once, deduplicated on RecordingSid in the same transaction. the voicemail queue (<see cref="VoicemailProcessor"/>) does the rest.
/// </summary>
internal sealed class VoicemailIntake(IntakeDbContext db, Sealing sealing, TimeProvider clock, ILogger<VoicemailIntake> log)
{
    public async Task CallStartedAsync(InboundCall call, CancellationToken ct)
    {
        if (await db.VoiceCalls.AnyAsync(c => c.CallSid == call.CallSid, ct)) return;
        // A caller ID is kept only with full SHAKEN/STIR attestation: a spoofed one must neither thread into someone's texts
        // nor receive the team's questions.
        db.VoiceCalls.Add(new VoiceCall
        {
            CallSid = call.CallSid, CalledNumber = call.To, SealedCaller = call.CallerAttested ? SealCaller(call.CallSid, call.From) : null,
            CallerUnverified = !call.CallerAttested && IsPhoneNumber(call.From), StartedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear(); // Twilio retried the webhook while the first one was being stored.
        }
    }

    /// <summary>Queues a completed recording; other statuses (in-progress, absent, failed) leave nothing to fetch.</summary>
    public async Task RecordingReadyAsync(RecordingStatus recording, string language, Guid? schoolId, string? to, string? from, CancellationToken ct)
    {
        if (!recording.IsCompleted || recording.RecordingUrl is null)
        {
            log.LogInformation("Recording {RecordingSid} of call {CallSid}: {Status}, nothing to fetch", recording.RecordingSid, recording.CallSid,
                recording.Status);
            return;
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO intake.voice_recordings (\"RecordingSid\", \"ReceivedAt\") VALUES ({recording.RecordingSid}, {now}) ON CONFLICT DO NOTHING", ct);
        if (first == 0) return; // Twilio retried a callback we already took in.

        var call = await db.VoiceCalls.AsNoTracking().SingleOrDefaultAsync(c => c.CallSid == recording.CallSid, ct);
        db.PendingVoicemails.Add(new PendingVoicemail
        {
            RecordingSid = recording.RecordingSid,
            CallSid = recording.CallSid,
            RecordingUrl = recording.RecordingUrl.AbsoluteUri,
            CalledNumber = call?.CalledNumber ?? to ?? "",
            // Without the call's own webhook there is no attestation to go by: the number is not kept.
            SealedCaller = call?.SealedCaller,
            CallerUnverified = call?.CallerUnverified ?? IsPhoneNumber(from),
            Language = language,
            SchoolId = schoolId,
            ReceivedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Recording {RecordingSid} of call {CallSid} queued ({Seconds} s, {Language})", recording.RecordingSid, recording.CallSid,
            recording.RecordingDuration, language);
    }

    /// <summary>A caller ID that is a phone number, sealed; withheld or unusable ones ("anonymous", "+266696687") are not kept.</summary>
    private byte[]? SealCaller(string callSid, string? from) =>
        IsPhoneNumber(from) ? sealing.Seal(SealedColumns.CallerOfCall, callSid, from!) : null;

    internal static bool IsPhoneNumber(string? from) =>
        from is { Length: >= 8 and <= 16 } && from[0] == '+' && from.Skip(1).All(char.IsAsciiDigit) && from != "+266696687" && from != "+86282452253";
}

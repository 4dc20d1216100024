using Microsoft.Extensions.Logging;
using TipLine.Bus.Work;
using TipLine.Intake.Reports;
using TipLine.Twilio.Messages;

namespace TipLine.Intake.ProviderCopies;

/// <summary>
/// Deletes one copy Twilio keeps (kind <see cref="Kind"/>): a recording, an MMS file, or an inbound text's body. Done, or
/// already gone, removes the item; Twilio's failures are retried by the queue; a refusal is parked for administrators.
/// </summary>
internal sealed class StoredCopyDeleter(IntakeDbContext db, TwilioStoredCopies twilio, TimeProvider clock, ILogger<StoredCopyDeleter> log)
    : IWorkHandler<PendingCopyDeletion>
{
    public const string Kind = "TwilioCopy";

    public async Task HandleAsync(PendingCopyDeletion item, CancellationToken ct)
    {
        var outcome = item.Kind switch
        {
            CopyKind.Recording => await twilio.DeleteRecordingAsync(item.ResourceSid!, ct),
            CopyKind.Media => await twilio.DeleteMediaAsync(item.ParentSid, item.ResourceSid!, ct),
            _ => await twilio.RedactBodyAsync(item.ParentSid, ct),
        };
        if (outcome == CopyDeletion.Refused) throw new UnworkableException("RefusedByTwilio");
        db.CopyDeletions.Remove(item);
        if (item.ReportId is { } reportId) ReportNotes.Add(db, reportId, ReportNotes.ProviderCopyDeleted(What(item.Kind)), clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        log.LogInformation("Twilio's copy ({Kind}) of {ParentSid}: {Outcome}", item.Kind, item.ParentSid, outcome);
    }

    /// <summary>Twilio keeps the copy: logged, counted for administrators, who can delete it in Twilio's console, and told to the case.</summary>
    public async Task GiveUpAsync(PendingCopyDeletion item, CancellationToken ct)
    {
        log.LogError("Twilio's copy ({Kind}) of {ParentSid} could not be deleted", item.Kind, item.ParentSid);
        if (item.ReportId is not { } reportId) return;
        db.ChangeTracker.Clear();
        ReportNotes.Add(db, reportId, ReportNotes.ProviderCopyKept(What(item.Kind)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private static string What(CopyKind kind) => kind switch
    {
        CopyKind.Recording => "the voicemail recording",
        CopyKind.Media => "a picture",
        _ => "a text's words",
    };
}

using TipLine.Bus.Database;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus;
using TipLine.Bus.Work;
using TipLine.Directory;
using TipLine.Intake.Reporters;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// A student who texts the district number and never names the school must still reach a person: once their first held
/// text is older than <see cref="SmsOptions.HoldFor"/>, their held texts become one tip for the district's own entry
/// (its 24/7 team). Runs under the same per-reporter advisory lock as <see cref="SmsIntake"/>, so a school code arriving
/// at the same moment either wins (and the texts go to that school) or finds nothing left to hold.
/// </summary>
internal sealed class HeldSmsRelease(
    IntakeDbContext db,
    SchoolResolver schools,
    HeldTexts heldTexts,
    Sealing sealing,
    IOptions<SmsOptions> options,
    TimeProvider clock,
    ILogger<HeldSmsRelease> log) : IRecurringPass
{
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = now - options.Value.HoldFor;
        var reporterKey = await db.HeldSms.AsNoTracking().Where(h => h.ReceivedAt <= due).OrderBy(h => h.ReceivedAt)
            .Select(h => h.ReporterKey).FirstOrDefaultAsync(ct);
        if (reporterKey is null) return false;
        // Never to an arbitrary school: without the district's own entry the texts stay held, and the administrator is warned.
        if (await schools.DistrictEntryAsync(ct) is not { } district)
        {
            log.LogWarning("Texts held for a school name are past their time, but the directory has no district-wide entry to send them to");
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockAsync(AdvisoryLock.SmsReporter, reporterKey, ct);
        var first = await db.HeldSms.AsNoTracking().Where(h => h.ReporterKey == reporterKey).OrderBy(h => h.ReceivedAt).FirstOrDefaultAsync(ct);
        if (first is null || first.ReceivedAt > due) return true; // the reporter named the school meanwhile
        var from = first.SealedFrom is { } sealedFrom ? sealing.OpenText(SealedColumns.HeldSmsFrom, first.Id.ToString(), sealedFrom) : null;
        var accepted = await heldTexts.AcceptAsync(reporterKey, district, first.OurNumber ?? "", from, first.MessageSid, latestText: "",
            hasMedia: false, now, ct, note: SchoolResolver.NotNamedNote);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Held texts released as report {ReportId} to the district's own entry", accepted.ReportId);
        return true;
    }
}

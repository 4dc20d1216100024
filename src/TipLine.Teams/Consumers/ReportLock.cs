using TipLine.Bus.Database;
using Microsoft.EntityFrameworkCore;

namespace TipLine.Teams.Consumers;

/// <summary>Serializes the work on one report inside the current transaction (opening its case, adding answers).</summary>
internal static class ReportLock
{
    public static Task TakeAsync(TeamsDbContext db, Guid reportId, CancellationToken ct) =>
        db.Database.LockAsync(AdvisoryLock.Report, reportId.ToString(), ct);
}

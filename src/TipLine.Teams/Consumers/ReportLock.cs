using Microsoft.EntityFrameworkCore;

namespace TipLine.Teams.Consumers;

/// <summary>Serializes the work on one report inside the current transaction (opening its case, adding answers).</summary>
internal static class ReportLock
{
    public static Task TakeAsync(TeamsDbContext db, Guid reportId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({reportId.ToString()}, 0))", ct);
}

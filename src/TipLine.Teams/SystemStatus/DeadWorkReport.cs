using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Work;
using TipLine.Teams.Api;

namespace TipLine.Teams.SystemStatus;

/// <summary>
/// Queued work given up, for district administrators: the other modules' counts as they last reported them, and this
/// module's own kinds (alerts, escalation steps) counted now.
/// </summary>
internal sealed class DeadWorkReport(TeamsDbContext db, IEnumerable<QueuedKind> kinds)
{
    public async Task<List<DeadWorkItems>> ItemsAsync(CancellationToken ct)
    {
        var reported = (await db.DeadWork.AsNoTracking().Where(f => f.Module != TeamsDbContext.Schema).OrderBy(f => f.Module).ToListAsync(ct))
            .SelectMany(f => f.Counts.Select(c => new DeadWorkItems(f.Module, c.Kind, c.Error, c.Count)));
        var own = (await DeadWork.CountAsync(db, kinds, ct)).Select(c => new DeadWorkItems(TeamsDbContext.Schema, c.Kind, c.Error, c.Count));
        return [.. reported, .. own];
    }
}

using Microsoft.EntityFrameworkCore;
using TipLine.Directory;

namespace TipLine.Teams.Escalation;

/// <summary>Time from a tip's acceptance to its first acknowledgement, for one team or (Team null) the district.</summary>
internal sealed record AckTimeRow(Guid? TeamId, string Team, long Acknowledged, long Waiting, double? MedianSeconds, double? P95Seconds);

/// <summary>How fast tips reach a person: median and 95th percentile of time to first acknowledgement, per team and overall.</summary>
internal sealed class AckTimes(TeamsDbContext db, SchoolDirectory directory, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public async Task<IReadOnlyList<AckTimeRow>> ComputeAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Window;
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT "TeamId" AS team_id, count("AcknowledgedAt") AS acknowledged, count(*) - count("AcknowledgedAt") AS waiting,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "AcknowledgedAt" - "AcceptedAt")) AS median,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "AcknowledgedAt" - "AcceptedAt")) AS p95
            FROM teams.cases WHERE "AcceptedAt" >= {since}
            GROUP BY ROLLUP ("TeamId")
            """).ToListAsync(ct);
        var names = await directory.TeamNamesAsync(ct);
        return rows.OrderBy(r => r.team_id is null).ThenBy(r => r.team_id is { } id ? names.GetValueOrDefault(id) : "")
            .Select(r => new AckTimeRow(r.team_id, r.team_id is { } id ? names.GetValueOrDefault(id, "?") : "All teams", r.acknowledged, r.waiting,
                r.median, r.p95)).ToList();
    }

#pragma warning disable IDE1006, CA1812 // named after the query's columns; created by EF
    private sealed record Row(Guid? team_id, long acknowledged, long waiting, double? median, double? p95);
#pragma warning restore IDE1006, CA1812
}

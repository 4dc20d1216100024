using Microsoft.EntityFrameworkCore;
using TipLine.Directory;

namespace TipLine.Routing.OnCall;

/// <summary>
/// Picks the member who gets the next case: a round robin over the team in rotation order,
/// advanced atomically in PostgreSQL so several routing processes share one rotation.
/// </summary>
public sealed class OnCallRotation(RoutingDbContext db, SchoolDirectory directory)
{
    public async Task<Guid?> NextAsync(Guid teamId, CancellationToken ct)
    {
        var members = await directory.MembersOfTeamAsync(teamId, ct);
        if (members.Count == 0) return null;
        var turn = (await db.Database.SqlQuery<long>($"""
            INSERT INTO routing.rotation_cursors (team_id, next_index) VALUES ({teamId}, 1)
            ON CONFLICT (team_id) DO UPDATE SET next_index = rotation_cursors.next_index + 1
            RETURNING next_index - 1 AS "Value"
            """).ToListAsync(ct)).Single();
        return members[(int)(turn % members.Count)].Id;
    }
}

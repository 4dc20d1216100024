using Microsoft.EntityFrameworkCore;
using Npgsql;
using TipLine.Directory;

namespace TipLine.Routing.OnCall;

/// <summary>
/// Picks the member who gets the next case: a round robin over the team in rotation order,
/// advanced atomically in PostgreSQL so several routing processes share one rotation. The turn is
/// taken in its own short transaction, so routing tips of one team never queue on the cursor's
/// row lock; a routing attempt that fails and is retried simply takes the next turn.
/// </summary>
public sealed class OnCallRotation(RoutingDbContext db, SchoolDirectory directory)
{
    public async Task<Guid?> NextAsync(Guid teamId, CancellationToken ct)
    {
        var members = await directory.MembersOfTeamAsync(teamId, ct);
        if (members.Count == 0) return null;
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            INSERT INTO routing.rotation_cursors (team_id, next_index) VALUES ($1, 1)
            ON CONFLICT (team_id) DO UPDATE SET next_index = rotation_cursors.next_index + 1
            RETURNING next_index - 1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = teamId });
        var turn = (long)(await command.ExecuteScalarAsync(ct))!;
        return members[(int)(turn % members.Count)].Id;
    }
}

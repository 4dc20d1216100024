using Microsoft.EntityFrameworkCore;
using TipLine.Directory;

namespace TipLine.Teams.Staff;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AccountState>))]
internal enum AccountState { Invited, InvitationExpired, Active, Deactivated }

internal sealed record RosterEntry(
    Guid StaffId, string Name, string Email, Guid? TeamId, string? Team,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TeamRole>))] TeamRole? Role, bool DistrictAdmin, bool TwoFactor, AccountState State);

/// <summary>The staff accounts a manager may see: every account for a district administrator, their team's for a team administrator.</summary>
internal sealed class StaffRoster(TeamsDbContext db, MemberAdministration members, SchoolDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<RosterEntry>> ListAsync(StaffManager by, CancellationToken ct)
    {
        if (!by.ManagesAnyone) return [];
        var teams = await directory.TeamNamesAsync(ct);
        var listed = (await members.ListAsync(by.IsDistrictAdmin ? null : by.AdministersTeam, ct)).ToDictionary(m => m.Id);
        var invitations = (await db.StaffInvitations.AsNoTracking().Where(i => i.AcceptedAt == null).ToListAsync(ct))
            .Where(i => by.CanManage(i.TeamId)).ToDictionary(i => i.StaffId);
        var admins = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == StaffRoles.DistrictAdmin select ur.UserId).ToListAsync(ct)).ToHashSet();
        var ids = listed.Keys.Concat(invitations.Keys).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) || (by.IsDistrictAdmin && admins.Contains(u.Id))).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users.Select(u =>
        {
            var member = listed.GetValueOrDefault(u.Id);
            var invitation = invitations.GetValueOrDefault(u.Id);
            var teamId = member?.TeamId ?? invitation?.TeamId;
            var state = member is { DeactivatedAt: not null } || u.LockoutEnd == DateTimeOffset.MaxValue ? AccountState.Deactivated
                : invitation is not null ? (invitation.InvitedAt + InvitationTokens.Lifespan < now ? AccountState.InvitationExpired : AccountState.Invited)
                : AccountState.Active;
            return new RosterEntry(u.Id, u.DisplayName, u.Email ?? "", teamId, teamId is { } t ? teams.GetValueOrDefault(t) : null,
                member?.Role ?? invitation?.Role, admins.Contains(u.Id) || invitation?.DistrictAdmin == true, u.TwoFactorEnabled, state);
        }).OrderBy(e => e.Team ?? "").ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}

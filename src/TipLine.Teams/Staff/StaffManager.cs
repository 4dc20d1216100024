using System.Security.Claims;
using TipLine.Directory;

namespace TipLine.Teams.Staff;

/// <summary>Who is changing staff accounts: a district administrator manages every team, a team's administrator only theirs.</summary>
internal sealed record StaffManager(Guid StaffId, bool IsDistrictAdmin, Guid? AdministersTeam)
{
    public static async Task<StaffManager> OfAsync(ClaimsPrincipal user, SchoolDirectory directory, CancellationToken ct)
    {
        var staffId = user.StaffId();
        var member = await directory.MemberAsync(staffId, ct);
        return new StaffManager(staffId, user.IsInRole(StaffRoles.DistrictAdmin), member is { Role: TeamRole.Administrator } m ? m.TeamId : null);
    }

    public bool CanManage(Guid teamId) => IsDistrictAdmin || AdministersTeam == teamId;

    public bool ManagesAnyone => IsDistrictAdmin || AdministersTeam is not null;
}

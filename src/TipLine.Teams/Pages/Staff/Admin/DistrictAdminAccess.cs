using System.Security.Claims;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff.Admin;

/// <summary>The district administrators' pages: who may act, with a refusal always audited and a visit when asked.</summary>
internal static class DistrictAdminAccess
{
    public static async Task<bool> AllowedAsync(ClaimsPrincipal user, AuditLog audit, TeamsDbContext db, string action, CancellationToken ct,
        bool refusedOnly = false)
    {
        var allowed = user.IsInRole(StaffRoles.DistrictAdmin);
        if (!allowed || !refusedOnly)
        {
            audit.Record(user.StaffId(), action, null, allowed);
            await db.SaveChangesAsync(ct);
        }
        return allowed;
    }
}

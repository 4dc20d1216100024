using System.Security.Claims;

namespace TipLine.Teams.Staff;

internal static class StaffClaims
{
    public static Guid StaffId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));
}

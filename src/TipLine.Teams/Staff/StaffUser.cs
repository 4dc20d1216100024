using Microsoft.AspNetCore.Identity;

namespace TipLine.Teams.Staff;

/// <summary>A staff account (ASP.NET Core Identity: hashed password, lockout). Team membership lives in the directory.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}

public static class StaffRoles
{
    /// <summary>District administrators see system health (e.g. unrouted reports), not case content.</summary>
    public const string DistrictAdmin = "DistrictAdmin";
}

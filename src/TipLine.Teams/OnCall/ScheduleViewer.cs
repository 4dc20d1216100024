using System.Security.Claims;
using TipLine.Directory;
using TipLine.Teams.Staff;

namespace TipLine.Teams.OnCall;

/// <summary>
/// Who is looking at on-call schedules, and what they may do: everyone sees their own team's
/// schedule; district administrators see and edit every team's; a team's administrator edits their own.
/// </summary>
internal sealed record ScheduleViewer(Guid StaffId, TeamMember? Member, bool IsDistrictAdmin)
{
    public static async Task<ScheduleViewer> ForAsync(ClaimsPrincipal user, SchoolDirectory directory, CancellationToken ct)
    {
        var staffId = user.StaffId();
        return new ScheduleViewer(staffId, await directory.MemberAsync(staffId, ct), user.IsInRole(StaffRoles.DistrictAdmin));
    }

    public TimeZoneInfo Zone => Directory.Schedules.RotationPlans.Zone(Member?.TimeZone ?? "UTC");

    public bool CanView(Guid teamId) => IsDistrictAdmin || Member?.TeamId == teamId;

    public bool CanEdit(Guid teamId) => IsDistrictAdmin || (Member is { Role: TeamRole.Administrator } m && m.TeamId == teamId);
}

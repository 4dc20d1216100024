using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TipLine.Directory;
using TipLine.Teams.Audit;
using TipLine.Teams.District;

namespace TipLine.Teams.Staff;

internal static class StaffCsvEndpoint
{
    /// <summary>
    /// The accounts the caller manages, in the form the staff import takes (its columns first; state and two-factor after,
    /// which an import ignores), so the same file goes back in. For administrators; audited, a refusal too.
    /// </summary>
    public static void MapStaffCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/staff/admin/staff.csv", async (ClaimsPrincipal user, SchoolDirectory directory, StaffRoster roster, AuditLog audit,
            TeamsDbContext db, CancellationToken ct) =>
        {
            var by = await StaffManager.OfAsync(user, directory, ct);
            audit.Record(by.StaffId, AuditActions.ExportStaff, null, by.ManagesAnyone, by.AdministersTeam);
            await db.SaveChangesAsync(ct);
            if (!by.ManagesAnyone) return Results.StatusCode(StatusCodes.Status403Forbidden);
            var accounts = await roster.ListAsync(by, ct);
            return Results.Stream(stream => WriteAsync(accounts, stream, ct), "text/csv; charset=utf-8", "tipline-staff.csv");
        }).RequireAuthorization().ExcludeFromDescription();

    private static async Task WriteAsync(IReadOnlyList<RosterEntry> accounts, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await using var csv = CsvTable.Writer(writer);
        foreach (var column in new[] { "email", "name", "team", "role", "district_admin", "state", "two_factor" }) csv.WriteField(column);
        await csv.NextRecordAsync();
        foreach (var a in accounts)
        {
            foreach (var field in new[] { a.Email, a.Name, a.Team ?? "", RoleName(a.Role), a.DistrictAdmin ? "yes" : "no", a.State.ToString(), a.TwoFactor ? "on" : "off" })
            {
                csv.WriteField(field);
            }
            await csv.NextRecordAsync();
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>The words the import reads back.</summary>
    private static string RoleName(TeamRole? role) => role switch
    {
        TeamRole.Administrator => "administrator",
        TeamRole.MentalHealthProfessional => "mental-health professional",
        TeamRole.LawEnforcementLiaison => "law-enforcement liaison",
        _ => "",
    };
}

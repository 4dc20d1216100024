using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TipLine.Directory;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.District;

internal static class SchoolsCsvEndpoint
{
    /// <summary>The district's school list as CSV, in the form the import takes; for district administrators, audited.</summary>
    public static void MapSchoolsCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/staff/admin/schools.csv", async (ClaimsPrincipal user, SchoolImport schools, AuditLog audit, TeamsDbContext db, CancellationToken ct) =>
        {
            var allowed = user.IsInRole(StaffRoles.DistrictAdmin);
            audit.Record(user.StaffId(), AuditActions.ExportSchools, null, allowed);
            await db.SaveChangesAsync(ct);
            if (!allowed) return Results.StatusCode(StatusCodes.Status403Forbidden);
            var rows = await schools.ExportAsync(ct);
            return Results.Stream(stream => SchoolsCsv.WriteAsync(rows, stream, ct), "text/csv; charset=utf-8", "tipline-schools.csv");
        }).RequireAuthorization().ExcludeFromDescription();
}

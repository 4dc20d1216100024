using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Audit;

internal static class AuditEndpoints
{
    /// <summary>The audit page's filter as CSV for district administrators; the export is itself audited.</summary>
    public static void MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/admin/audit.csv", async (HttpContext http, ClaimsPrincipal user, AuditBrowser browser, AuditLog audit,
            TeamsDbContext db, string? who, string? action, Guid? team, Guid? @case, DateOnly? from, DateOnly? to, string? outcome, CancellationToken ct) =>
        {
            var allowed = user.IsInRole(StaffRoles.DistrictAdmin);
            audit.Record(user.StaffId(), AuditActions.ExportAudit, @case, allowed, team);
            await db.SaveChangesAsync(ct);
            if (!allowed) return Results.StatusCode(StatusCodes.Status403Forbidden);
            var filter = new AuditFilter(who, action, team, @case, from, to, outcome switch { "allowed" => true, "refused" => false, _ => null });
            return Results.Stream(stream => browser.WriteCsvAsync(filter, stream, ct), "text/csv; charset=utf-8",
                $"tipline-audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
        }).RequireAuthorization().ExcludeFromDescription();
    }
}

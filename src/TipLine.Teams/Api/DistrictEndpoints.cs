using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TipLine.Directory;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Api;

/// <summary>The district's teams and schools as JSON, for district administrators; every change audited.</summary>
internal static class DistrictEndpoints
{
    public static void MapDistrictApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin").WithTags("District").RequireAuthorization(p => p.RequireRole(StaffRoles.DistrictAdmin));
        admin.MapGet("/teams", async (SchoolDirectory directory, CancellationToken ct) => Results.Ok(await directory.ListTeamsAsync(ct)))
            .Produces<IReadOnlyList<Team>>();
        admin.MapPost("/teams", (TeamInput input, ClaimsPrincipal user, SchoolAdministration schools, AuditLog audit, TeamsDbContext db, CancellationToken ct) =>
            SaveAsync(() => schools.SaveTeamAsync(null, input, ct), AuditActions.SaveTeam, user, audit, db, ct));
        admin.MapPut("/teams/{id:guid}", (Guid id, TeamInput input, ClaimsPrincipal user, SchoolAdministration schools, AuditLog audit, TeamsDbContext db,
            CancellationToken ct) => SaveAsync(() => schools.SaveTeamAsync(id, input, ct), AuditActions.SaveTeam, user, audit, db, ct));
        admin.MapGet("/schools", async (SchoolAdministration schools, CancellationToken ct) => Results.Ok(await schools.ListSchoolsAsync(ct)))
            .Produces<IReadOnlyList<School>>();
        admin.MapPost("/schools", (SchoolInput input, ClaimsPrincipal user, SchoolAdministration schools, AuditLog audit, TeamsDbContext db, CancellationToken ct) =>
            SaveAsync(() => schools.SaveSchoolAsync(null, input, ct), AuditActions.SaveSchool, user, audit, db, ct));
        admin.MapPut("/schools/{id:guid}", (Guid id, SchoolInput input, ClaimsPrincipal user, SchoolAdministration schools, AuditLog audit, TeamsDbContext db,
            CancellationToken ct) => SaveAsync(() => schools.SaveSchoolAsync(id, input, ct), AuditActions.SaveSchool, user, audit, db, ct));
    }

    private static async Task<IResult> SaveAsync(Func<Task<DirectoryChange>> save, string action, ClaimsPrincipal user, AuditLog audit,
        TeamsDbContext db, CancellationToken ct)
    {
        var change = await save();
        if (!change.Saved) return Results.ValidationProblem(new Dictionary<string, string[]> { [""] = [.. change.Errors] });
        audit.Record(user.StaffId(), action, null, allowed: true, detail: change.Id.ToString());
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { change.Id });
    }
}

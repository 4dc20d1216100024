using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Api;

internal sealed record RoleRequest([property: JsonConverter(typeof(JsonStringEnumConverter<TeamRole>))] TeamRole Role);

/// <summary>Staff accounts as JSON, for district administrators (every team) and team administrators (their own).</summary>
internal static class StaffEndpoints
{
    public static void MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/admin/staff").WithTags("Staff accounts").RequireAuthorization();
        staff.MapGet("/", async (ClaimsPrincipal user, SchoolDirectory directory, StaffRoster roster, CancellationToken ct) =>
        {
            var by = await StaffManager.OfAsync(user, directory, ct);
            return by.ManagesAnyone ? Results.Ok(await roster.ListAsync(by, ct)) : Results.StatusCode(StatusCodes.Status403Forbidden);
        }).Produces<IReadOnlyList<RosterEntry>>();
        staff.MapPost("/invitations", async (InvitationRequest request, HttpRequest http, ClaimsPrincipal user, SchoolDirectory directory,
            StaffAccounts accounts, IOptions<AlertOptions> alerts, CancellationToken ct) =>
            Answer(await accounts.InviteAsync(await StaffManager.OfAsync(user, directory, ct), request, StaffLinks.BaseUrl(http, alerts.Value), ct)))
            .WithSummary("Creates the account without a password and emails a one-use link to set one and a second factor.");
        staff.MapPost("/{staffId:guid}/deactivate", async (Guid staffId, ClaimsPrincipal user, SchoolDirectory directory, StaffAccounts accounts, CancellationToken ct) =>
            Answer(await accounts.DeactivateAsync(await StaffManager.OfAsync(user, directory, ct), staffId, ct)))
            .WithSummary("Locks the account and ends its sessions at their next request.");
        staff.MapPost("/{staffId:guid}/reactivate", async (Guid staffId, ClaimsPrincipal user, SchoolDirectory directory, StaffAccounts accounts, CancellationToken ct) =>
            Answer(await accounts.ReactivateAsync(await StaffManager.OfAsync(user, directory, ct), staffId, ct)));
        staff.MapPut("/{staffId:guid}/role", async (Guid staffId, RoleRequest request, ClaimsPrincipal user, SchoolDirectory directory,
            StaffAccounts accounts, CancellationToken ct) =>
            Answer(await accounts.ChangeRoleAsync(await StaffManager.OfAsync(user, directory, ct), staffId, request.Role, ct)));
    }

    private static IResult Answer(AccountResult result) => result.Outcome switch
    {
        AccountOutcome.Done => Results.NoContent(),
        AccountOutcome.Forbidden => Results.StatusCode(StatusCodes.Status403Forbidden),
        AccountOutcome.NotFound => Results.NotFound(),
        AccountOutcome.MailFailed => Results.Problem(string.Join(" ", result.Errors), statusCode: StatusCodes.Status502BadGateway),
        _ => Results.ValidationProblem(new Dictionary<string, string[]> { ["account"] = [.. result.Errors] }),
    };
}

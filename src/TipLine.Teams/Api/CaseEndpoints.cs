using TipLine.Bus.ErrorQueues;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TipLine.Teams.Cases;
using TipLine.Teams.Escalation;
using TipLine.Teams.Staff;
using TipLine.Teams.SystemStatus;
using TipLine.Teams.Surges;

namespace TipLine.Teams.Api;

/// <param name="Code">The authenticator app's 6 digits, or one recovery code; needed once the account has a second factor.</param>
internal sealed record LoginRequest(string Email, string Password, string? Code = null);

/// <summary>Why a sign-in was refused, when the status alone does not say.</summary>
internal sealed record LoginRefused(string Error, bool TwoFactorRequired = false);

internal sealed record AcknowledgeRequest;

internal sealed record QuestionRequest(string Text);

internal sealed record IncidentAcknowledged(int Acknowledged);

internal sealed record SurgeModeRequest(bool On);

/// <param name="ErrorQueues">Messages waiting in each consumer's error queue; null when the broker could not be asked.</param>
internal sealed record HealthResponse(int UnroutedReports, DateTimeOffset? OldestUnroutedAcceptedAt, DateTimeOffset? CountedAt,
    IReadOnlyList<DeadWorkItems> DeadWork, IReadOnlyList<ErrorQueueCount>? ErrorQueues);

/// <summary>Queued work a module gave up, of one kind and error type (never content).</summary>
internal sealed record DeadWorkItems(string Module, string Kind, string Error, int Count);

/// <summary>
/// The team queue as JSON, described at /openapi/v1.json. The staff cookie is SameSite=Strict and
/// every write takes a JSON body, so a cross-site form cannot drive these endpoints.
/// </summary>
internal static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Staff sign-in");
        auth.MapPost("/login", LoginAsync);
        auth.MapPost("/logout", async (ClaimsPrincipal user, StaffSignIn signIn, CancellationToken ct) =>
        {
            await signIn.SignOutAsync(user, ct);
            return TypedResults.NoContent();
        });

        var cases = endpoints.MapGroup("/api/cases").WithTags("Team queue").RequireAuthorization();
        cases.MapGet("/", async (ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
            TypedResults.Ok(await work.QueueAsync(user.StaffId(), ct)));
        cases.MapGet("/{caseId:guid}", async Task<Results<Ok<CaseDetail>, NotFound, ForbidHttpResult>> (
            Guid caseId, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
        {
            var result = await work.OpenAsync(user.StaffId(), caseId, ct);
            return result.Access switch
            {
                CaseAccess.Allowed => TypedResults.Ok(result.Value!),
                CaseAccess.Forbidden => TypedResults.Forbid(),
                _ => TypedResults.NotFound(),
            };
        });
        cases.MapPost("/{caseId:guid}/acknowledge", async (Guid caseId, AcknowledgeRequest _, ClaimsPrincipal user, CaseWork work,
            CancellationToken ct) => ToResult(await work.AcknowledgeAsync(user.StaffId(), caseId, ct)));
        cases.MapPost("/{caseId:guid}/keep-apart", async (Guid caseId, AcknowledgeRequest _, ClaimsPrincipal user, CaseWork work,
            CancellationToken ct) => ToResult(await work.KeepApartAsync(user.StaffId(), caseId, ct)))
            .WithSummary("Takes the case out of the incident it was grouped into; it is never grouped again.");
        var incidents = endpoints.MapGroup("/api/incidents").WithTags("Team queue").RequireAuthorization();
        incidents.MapGet("/{incidentId:guid}", async (Guid incidentId, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
            TypedResults.Ok(await work.QueueAsync(user.StaffId(), ct, incidentId)))
            .WithSummary("The team's tips grouped into one incident.");
        incidents.MapPost("/{incidentId:guid}/acknowledge", async (Guid incidentId, AcknowledgeRequest _, ClaimsPrincipal user, CaseWork work,
            CancellationToken ct) => TypedResults.Ok(new IncidentAcknowledged(await work.AcknowledgeIncidentAsync(user.StaffId(), incidentId, ct))))
            .WithSummary("Acknowledges every open tip of the team in the incident.");
        cases.MapPost("/{caseId:guid}/questions", async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem>> (
            Guid caseId, QuestionRequest request, ClaimsPrincipal user, CaseWork work, CancellationToken ct) =>
        {
            var text = request.Text?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > CaseWork.MaxQuestionLength)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["text"] = [$"A question needs 1 to {CaseWork.MaxQuestionLength} characters."],
                });
            }
            return ToResult(await work.AskAsync(user.StaffId(), caseId, text, ct));
        });

        endpoints.MapGet("/api/admin/health", async (TeamsDbContext db, DeadWorkReport deadWork, ErrorQueueCounter errorQueues, CancellationToken ct) =>
        {
            var row = await db.SystemHealth.AsNoTracking().SingleOrDefaultAsync(ct);
            return TypedResults.Ok(new HealthResponse(row?.UnroutedReports ?? 0, row?.OldestUnroutedAcceptedAt, row?.CountedAt,
                await deadWork.ItemsAsync(ct), await errorQueues.TryCountAsync(ct)));
        }).WithTags("Administration").RequireAuthorization(p => p.RequireRole(StaffRoles.DistrictAdmin));
        endpoints.MapGet("/api/admin/surge", async (SurgeStatus surge, CancellationToken ct) => TypedResults.Ok(await surge.CurrentAsync(ct)))
            .WithTags("Administration").RequireAuthorization(p => p.RequireRole(StaffRoles.DistrictAdmin));
        endpoints.MapPut("/api/admin/surge-mode", async (SurgeModeRequest request, ClaimsPrincipal user, SurgeStatus surge, CancellationToken ct) =>
            {
                await surge.SetModeAsync(user.StaffId(), request.On, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Turns surge mode on or off: each member's urgent alerts are combined across incidents.")
            .WithTags("Administration").RequireAuthorization(p => p.RequireRole(StaffRoles.DistrictAdmin));
        endpoints.MapGet("/api/admin/ack-times", async (AckTimes times, CancellationToken ct) => TypedResults.Ok(await times.ComputeAsync(ct)))
            .WithTags("Administration").RequireAuthorization(p => p.RequireRole(StaffRoles.DistrictAdmin));
        return endpoints;
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult, JsonHttpResult<LoginRefused>, StatusCodeHttpResult>> LoginAsync(
        LoginRequest request, StaffSignIn signIn, CancellationToken ct) => await signIn.ApiAsync(request.Email, request.Password, request.Code, ct) switch
    {
        ApiSignIn.SignedIn => TypedResults.NoContent(),
        ApiSignIn.LockedOut => TypedResults.StatusCode(StatusCodes.Status423Locked),
        ApiSignIn.CodeRequired => TypedResults.Json(new LoginRefused("Give the code from your authenticator app, or a recovery code.", true),
            statusCode: StatusCodes.Status401Unauthorized),
        ApiSignIn.SetupRequired => TypedResults.Json(new LoginRefused($"Set up two-factor sign-in at {TwoFactorGate.SetupPath} first."),
            statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Unauthorized(),
    };

    private static Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem> ToResult(CaseAccess access) => access switch
    {
        CaseAccess.Allowed => TypedResults.NoContent(),
        CaseAccess.Forbidden => TypedResults.Forbid(),
        _ => TypedResults.NotFound(),
    };
}

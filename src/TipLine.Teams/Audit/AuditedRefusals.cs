using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TipLine.Teams.Audit;

/// <summary>
/// A signed-in member refused by an endpoint's policy (e.g. a district administrators' API) is audited like a refusal
/// inside a page: who, when, which endpoint. Then the default answer (403) is given.
/// </summary>
internal sealed class AuditedRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var staffId))
        {
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            context.RequestServices.GetRequiredService<AuditLog>()
                .Record(staffId, AuditActions.Refused, null, allowed: false, detail: $"{context.Request.Method} {endpoint}");
            await context.RequestServices.GetRequiredService<TeamsDbContext>().SaveChangesAsync(context.RequestAborted);
        }
        await answer.HandleAsync(next, context, policy, authorizeResult);
    }
}

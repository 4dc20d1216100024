using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TipLine.Teams.Staff;

/// <summary>
/// While two-factor sign-in is required, a member signed in with a password alone (Identity's "amr" claim is "pwd", not
/// "mfa") reaches only the set-up page and sign-out: pages redirect there, the API answers 403.
/// </summary>
internal sealed class TwoFactorGate(RequestDelegate next, IOptionsMonitor<StaffOptions> options)
{
    public const string SetupPath = "/staff/two-factor";

    public Task InvokeAsync(HttpContext context)
    {
        if (!options.CurrentValue.RequireTwoFactor || context.User.Identity?.IsAuthenticated != true
            || context.User.HasClaim("amr", "mfa") || Open(context.Request.Path))
        {
            return next(context);
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(new { error = $"Set up two-factor sign-in at {SetupPath} first." });
        }
        context.Response.Redirect(SetupPath);
        return Task.CompletedTask;
    }

    private static bool Open(PathString path) =>
        path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/staff/logout") || path.StartsWithSegments("/api/auth")
        || path.StartsWithSegments("/staff/login") || path.StartsWithSegments("/assets") || !IsStaffSurface(path);

    private static bool IsStaffSurface(PathString path) => path.StartsWithSegments("/staff") || path.StartsWithSegments("/api")
        || path.StartsWithSegments("/openapi");
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TipLine.Directory;
using TipLine.Teams.Audit;

namespace TipLine.Teams.Staff;

/// <summary>Signs staff in and out, page and API alike, and audits each attempt with the member's team.</summary>
internal sealed class StaffSignIn(SignInManager<StaffUser> signIn, SchoolDirectory directory, AuditLog audit, TeamsDbContext db)
{
    public async Task<SignInResult> PasswordAsync(string? email, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password)) return SignInResult.Failed;
        var user = await signIn.UserManager.FindByEmailAsync(email);
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        // The typed address is not kept: an unknown account is counted, not named (it may be a mistyped password).
        var detail = result.Succeeded ? null : user is null ? "unknown account" : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
        var team = user is null ? null : (await directory.MemberAsync(user.Id, ct))?.TeamId;
        audit.Record(user?.Id ?? Guid.Empty, result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed, null, result.Succeeded, team, detail);
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task SignOutAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            audit.Record(user.StaffId(), AuditActions.SignOut, null, allowed: true);
            await db.SaveChangesAsync(ct);
        }
        await signIn.SignOutAsync();
    }
}

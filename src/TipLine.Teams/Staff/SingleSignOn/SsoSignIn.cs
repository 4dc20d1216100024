using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Teams.Audit;

namespace TipLine.Teams.Staff.SingleSignOn;

internal enum SsoOutcome { SignedIn, CodeRequired, Refused }

internal sealed record SsoResult(SsoOutcome Outcome, string? Error = null);

/// <summary>
/// Ends a sign-in at the district's provider. The provider's account is matched to a TipLine account once, by a verified
/// email address, and linked (Identity's external login, by the provider's subject id); an invitee who signs in this way
/// joins the team they were invited to. Nobody gets an account by signing in: without an invitation the answer is a
/// refusal. Then the second factor as after a password, unless the provider is trusted to have asked for one.
/// </summary>
internal sealed class SsoSignIn(
    SignInManager<StaffUser> signIn, StaffAccounts accounts, SchoolDirectory directory, AuditLog audit, TeamsDbContext db,
    IOptions<SsoOptions> options)
{
    public const string EmailVerifiedClaim = "email_verified";
    public const string NoAccount = "There is no TipLine account for this address. Ask your district administrator for an invitation.";

    private UserManager<StaffUser> Users => signIn.UserManager;

    public async Task<SsoResult> CompleteAsync(CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return await RefuseAsync(null, "The sign-in with your district account did not finish. Try again.", "no answer from the provider", ct);
        try
        {
            var user = await Users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) ?? await FirstSignInAsync(info, ct);
            if (user is null)
            {
                var verified = EmailVerified(info);
                return await RefuseAsync(null, verified ? NoAccount : "Your district account did not confirm its email address, so it cannot be matched to a TipLine account.",
                    verified ? "single sign-on: no account" : "single sign-on: email not verified", ct);
            }
            if (StaffAccounts.IsDeactivated(user) || await Users.IsLockedOutAsync(user))
            {
                return await RefuseAsync(user, "This account is deactivated or locked for a while.", "single sign-on: locked out", ct);
            }
            if (options.Value.ProviderChecksSecondFactor)
            {
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa"), new Claim("amr", "sso")]);
                await RecordAsync(user, allowed: true, "single sign-on (the provider's second factor)", ct);
                return new SsoResult(SsoOutcome.SignedIn);
            }
            // Identity asks for the code when the account has a second factor (its two-factor cookie, as after a password).
            var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
            if (result.RequiresTwoFactor) return new SsoResult(SsoOutcome.CodeRequired);
            if (!result.Succeeded) return await RefuseAsync(user, "This account cannot sign in now.", "single sign-on: not allowed", ct);
            await RecordAsync(user, allowed: true, "single sign-on", ct);
            return new SsoResult(SsoOutcome.SignedIn);
        }
        finally
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        }
    }

    /// <summary>The account with the provider's verified address, now linked to the provider's subject; null when none.</summary>
    private async Task<StaffUser?> FirstSignInAsync(ExternalLoginInfo info, CancellationToken ct)
    {
        // From the ID token the handler maps "email" to ClaimTypes.Email; from the userinfo endpoint it stays "email".
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(email) || !EmailVerified(info) || await Users.FindByEmailAsync(email) is not { } user) return null;
        if (StaffAccounts.IsDeactivated(user)) return user;
        // An invitee whose invitation has lapsed has nothing to join: like no account, they ask for a new invitation.
        if (await accounts.OpenInvitationAsync(user, ct) is null && !await Users.HasPasswordAsync(user)) return null;
        var linked = await Users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
        if (!linked.Succeeded) return null;
        audit.Record(user.Id, AuditActions.LinkSso, null, allowed: true, (await directory.MemberAsync(user.Id, ct))?.TeamId, info.ProviderDisplayName);
        await accounts.AcceptOpenInvitationAsync(user, ct);
        return user;
    }

    /// <summary>The provider vouches for the address: its email_verified claim, or the district's word that it owns every address.</summary>
    private bool EmailVerified(ExternalLoginInfo info) =>
        options.Value.ProviderOwnsEmails || string.Equals(info.Principal.FindFirstValue(EmailVerifiedClaim), "true", StringComparison.OrdinalIgnoreCase);

    private async Task<SsoResult> RefuseAsync(StaffUser? user, string error, string detail, CancellationToken ct)
    {
        await RecordAsync(user, allowed: false, detail, ct);
        return new SsoResult(SsoOutcome.Refused, error);
    }

    private async Task RecordAsync(StaffUser? user, bool allowed, string detail, CancellationToken ct)
    {
        // As for a password: the provider's address is not kept when it matches no account.
        var team = user is null ? null : (await directory.MemberAsync(user.Id, ct))?.TeamId;
        audit.Record(user?.Id ?? Guid.Empty, allowed ? AuditActions.SignIn : AuditActions.SignInFailed, null, allowed, team, detail);
        await db.SaveChangesAsync(ct);
    }
}

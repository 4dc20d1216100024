using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Teams.Audit;

namespace TipLine.Teams.Staff;

internal enum ApiSignIn
{
    SignedIn,
    WrongCredentials,
    LockedOut,
    /// <summary>The account has a second factor and the request carried no code.</summary>
    CodeRequired,
    /// <summary>Two-factor sign-in is required and the account has none yet: set it up on the page first.</summary>
    SetupRequired,
}

/// <summary>
/// Signs staff in and out, page and API alike, and audits each attempt with the member's team. The page signs in in
/// two steps (password, then the code, through Identity's two-factor cookie); the API takes both in one request.
/// </summary>
internal sealed class StaffSignIn(
    SignInManager<StaffUser> signIn, SchoolDirectory directory, AuditLog audit, TeamsDbContext db, IOptionsMonitor<StaffOptions> options)
{
    private UserManager<StaffUser> Users => signIn.UserManager;

    /// <summary>The page's first step. <see cref="SignInResult.RequiresTwoFactor"/> means: ask for the code next.</summary>
    public async Task<SignInResult> PasswordAsync(string? email, string? password, CancellationToken ct)
    {
        var user = await FindAsync(email, password);
        var result = user is null || string.IsNullOrEmpty(password)
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (!result.RequiresTwoFactor) await RecordAsync(user, result, result.Succeeded ? "password only" : null, ct);
        return result;
    }

    /// <summary>The page's second step: an authenticator code or a recovery code, for the member the first step found.</summary>
    public async Task<SignInResult> CodeAsync(string? code, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInResult.Failed;
        var typed = Normalize(code);
        var result = typed.Length == 0 ? SignInResult.Failed
            : IsAuthenticatorCode(typed) ? await signIn.TwoFactorAuthenticatorSignInAsync(typed, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(typed);
        await RecordAsync(user, result, result.Succeeded ? Factor(typed) : "wrong code", ct);
        return result;
    }

    public async Task<ApiSignIn> ApiAsync(string? email, string? password, string? code, CancellationToken ct)
    {
        var user = await FindAsync(email, password);
        var check = user is null || string.IsNullOrEmpty(password) ? SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            await RecordAsync(user, check, null, ct);
            return check.IsLockedOut ? ApiSignIn.LockedOut : ApiSignIn.WrongCredentials;
        }
        if (!user!.TwoFactorEnabled)
        {
            if (options.CurrentValue.RequireTwoFactor)
            {
                await RecordAsync(user, SignInResult.NotAllowed, "no second factor set up", ct);
                return ApiSignIn.SetupRequired;
            }
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
            await RecordAsync(user, SignInResult.Success, "password only", ct);
            return ApiSignIn.SignedIn;
        }
        var typed = Normalize(code);
        if (typed.Length == 0)
        {
            await RecordAsync(user, SignInResult.TwoFactorRequired, "no code given", ct);
            return ApiSignIn.CodeRequired;
        }
        var valid = IsAuthenticatorCode(typed)
            ? await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, typed)
            : (await Users.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded;
        if (!valid)
        {
            // A wrong code counts towards the lockout like a wrong password.
            await Users.AccessFailedAsync(user);
            var locked = await Users.IsLockedOutAsync(user);
            await RecordAsync(user, locked ? SignInResult.LockedOut : SignInResult.Failed, "wrong code", ct);
            return locked ? ApiSignIn.LockedOut : ApiSignIn.WrongCredentials;
        }
        await Users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        await RecordAsync(user, SignInResult.Success, Factor(typed), ct);
        return ApiSignIn.SignedIn;
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

    private async Task RecordAsync(StaffUser? user, SignInResult result, string? detail, CancellationToken ct)
    {
        // The typed address is not kept: an unknown account is counted, not named (it may be a mistyped password).
        detail ??= user is null ? "unknown account" : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
        var team = user is null ? null : (await directory.MemberAsync(user.Id, ct))?.TeamId;
        audit.Record(user?.Id ?? Guid.Empty, result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed, null, result.Succeeded, team, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The account of <paramref name="email"/>. For an unknown address (or an account without a password) the password is
    /// hashed all the same, so the time the answer takes does not tell an onlooker which addresses have accounts.
    /// </summary>
    private async Task<StaffUser?> FindAsync(string? email, string? password)
    {
        var user = string.IsNullOrEmpty(email) ? null : await Users.FindByEmailAsync(email);
        // An account with no password yet (an invitee, a single-sign-on member) is checked without a hash: the same decoy.
        if (user is null or { PasswordHash: null } && !string.IsNullOrEmpty(password))
        {
            decoyHash ??= Users.PasswordHasher.HashPassword(Decoy, Guid.NewGuid().ToString());
            Users.PasswordHasher.VerifyHashedPassword(Decoy, decoyHash, password);
        }
        return user;
    }

    private static readonly StaffUser Decoy = new();
    private static string? decoyHash;

    private static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();

    private static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    private static string Factor(string code) => IsAuthenticatorCode(code) ? "authenticator code" : "recovery code";
}

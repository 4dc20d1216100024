using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace TipLine.Teams.Staff;

/// <summary>
/// Identity's authenticator provider (TOTP, RFC 6238; two 30-second steps either side of now for clock drift), except
/// that each code signs in once: a code seen over a shoulder or caught by a phishing page is refused after the member
/// used it, even within its window. The last accepted time step is kept with the account's other Identity tokens; saving
/// it checks the account's concurrency stamp, so two requests racing with one code cannot both win.
/// </summary>
internal sealed class SingleUseAuthenticatorCodes(TimeProvider clock) : AuthenticatorTokenProvider<StaffUser>
{
    public const string ProviderName = "SingleUseAuthenticator";
    public const string LoginProvider = "[TipLineAuthenticator]";
    public const string LastStepName = "LastAcceptedStep";

    private static readonly VerificationWindow Drift = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, Drift)) return false;
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName);
        if (long.TryParse(last, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep) return false;
        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}

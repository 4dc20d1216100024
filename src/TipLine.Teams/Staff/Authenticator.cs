using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using TipLine.Directory;
using TipLine.Teams.Audit;

namespace TipLine.Teams.Staff;

/// <summary>What a member needs to add TipLine to an authenticator app.</summary>
/// <param name="Key">The shared secret (Base32), in groups of four for typing.</param>
/// <param name="Uri">The otpauth:// address the QR code holds.</param>
/// <param name="QrPng">The QR code as a PNG image.</param>
internal sealed record AuthenticatorSetup(string Key, string Uri, byte[] QrPng);

/// <summary>
/// A member's second factor: ASP.NET Core Identity's authenticator provider (TOTP, RFC 6238: 6 digits, 30 seconds,
/// SHA-1, as every authenticator app expects) and its one-use recovery codes. Every change is audited.
/// </summary>
internal sealed class Authenticator(
    UserManager<StaffUser> users, SignInManager<StaffUser> signIn, SchoolDirectory directory, AuditLog audit, TeamsDbContext db)
{
    public const int RecoveryCodeCount = 10;

    public async Task<AuthenticatorSetup> SetupAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            // A new key changes the security stamp, which is checked on every request: the member's cookie gets the new one.
            await signIn.RefreshSignInAsync(user);
        }
        var label = Uri.EscapeDataString($"TipLine:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer=TipLine&digits=6&period=30";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qr).GetGraphic(5);
        return new AuthenticatorSetup(string.Join(' ', key.Chunk(4).Select(c => new string(c))), uri, png);
    }

    /// <summary>
    /// Turns two-factor sign-in on when <paramref name="code"/> is the app's current code, signs the member in again as
    /// having used it, and returns the recovery codes to show once; null if the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> TurnOnAsync(StaffUser user, string? code, CancellationToken ct)
    {
        var typed = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        await RecordAsync(user, AuditActions.TwoFactorOn, ct);
        return codes;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(StaffUser user, CancellationToken ct)
    {
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(user, AuditActions.NewRecoveryCodes, ct);
        return codes;
    }

    public Task<int> RecoveryCodesLeftAsync(StaffUser user) => users.CountRecoveryCodesAsync(user);

    private async Task RecordAsync(StaffUser user, string action, CancellationToken ct)
    {
        audit.Record(user.Id, action, null, allowed: true, (await directory.MemberAsync(user.Id, ct))?.TeamId);
        await db.SaveChangesAsync(ct);
    }
}

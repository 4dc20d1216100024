using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace TipLine.Intake.Followup;

/// <summary>
/// After a correct code and passphrase, a short-lived encrypted cookie lets the reporter read and
/// answer without typing them again. It names only the report id.
/// </summary>
internal sealed class FollowupSession(IDataProtectionProvider protection)
{
    public const string CookieName = "tl_followup";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("TipLine.Intake.Followup").ToTimeLimitedDataProtector();

    public void Start(HttpContext http, Guid reportId) =>
        http.Response.Cookies.Append(CookieName, protector.Protect(reportId.ToString(), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/report",
            IsEssential = true,
        });

    public Guid? Current(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value)) return null;
        try
        {
            return Guid.Parse(protector.Unprotect(value));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/report" });
}

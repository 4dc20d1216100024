using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;
using TipLine.Teams.Staff.SingleSignOn;

namespace TipLine.Teams.Pages.Staff;

internal sealed class LoginModel(StaffSignIn signIn, SignInManager<StaffUser> identity, IAuthenticationSchemeProvider schemes) : PageModel
{
    public string? Email { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The district's provider's name, when single sign-on is configured.</summary>
    public string? SsoName { get; private set; }

    public async Task OnGetAsync(string? sso)
    {
        SsoName = (await schemes.GetSchemeAsync(SsoOptions.Scheme))?.DisplayName;
        if (sso == "failed") Error = "The sign-in with your district account did not finish. Try again, or use your password.";
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        Email = email;
        SsoName = (await schemes.GetSchemeAsync(SsoOptions.Scheme))?.DisplayName;
        var result = await signIn.PasswordAsync(email, password, ct);
        var next = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        if (result.RequiresTwoFactor) return Redirect($"/staff/login/code{QueryString.Create("returnUrl", next)}");
        if (result.Succeeded) return LocalRedirect(next);
        Error = result.IsLockedOut ? "This account is locked for a while after too many attempts." : "Email or password is wrong.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>
    /// Off to the district's provider; it comes back to <c>/staff/login/sso</c>. A link, not a form: the pages' CSP allows
    /// forms to post only to TipLine, and a redirect after a post counts. Starting a sign-in changes nothing by itself, and
    /// the provider's answer is bound to this browser by the correlation and nonce cookies.
    /// </summary>
    public async Task<IActionResult> OnGetSsoAsync(string? returnUrl)
    {
        if (await schemes.GetSchemeAsync(SsoOptions.Scheme) is null) return NotFound();
        var next = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        var properties = identity.ConfigureExternalAuthenticationProperties(SsoOptions.Scheme, $"/staff/login/sso{QueryString.Create("returnUrl", next)}");
        return Challenge(properties, SsoOptions.Scheme);
    }
}

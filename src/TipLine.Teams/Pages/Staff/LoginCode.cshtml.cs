using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>Sign-in's second step: the authenticator app's code or a recovery code.</summary>
internal sealed class LoginCodeModel(StaffSignIn signIn) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl, CancellationToken ct)
    {
        var result = await signIn.CodeAsync(code, ct);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff");
        Error = result.IsLockedOut ? "This account is locked for a while after too many attempts."
            : "That code is not right. Codes change every 30 seconds; a recovery code works once.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}

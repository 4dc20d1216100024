using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

internal sealed class LoginModel(StaffSignIn signIn) : PageModel
{
    public string? Email { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        Email = email;
        var result = await signIn.PasswordAsync(email, password, ct);
        var next = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        if (result.RequiresTwoFactor) return Redirect($"/staff/login/code{QueryString.Create("returnUrl", next)}");
        if (result.Succeeded) return LocalRedirect(next);
        Error = result.IsLockedOut ? "This account is locked for a while after too many attempts." : "Email or password is wrong.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}

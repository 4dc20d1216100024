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
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff");
        Error = result.IsLockedOut ? "This account is locked for a while after too many attempts." : "Email or password is wrong.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}

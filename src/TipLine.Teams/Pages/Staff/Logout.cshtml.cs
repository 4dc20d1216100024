using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

internal sealed class LogoutModel(StaffSignIn signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await signIn.SignOutAsync(User, ct);
        return Redirect("/staff/login");
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff.SingleSignOn;

namespace TipLine.Teams.Pages.Staff;

/// <summary>
/// Where the district's provider sends the member back. The answer is a page that moves on by itself rather than a
/// redirect: the staff cookie is SameSite=Strict, so a redirect chain begun at the provider's site would arrive without it.
/// </summary>
internal sealed class LoginSsoModel(SsoSignIn sso) : PageModel
{
    public string? Next { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var next = Url.IsLocalUrl(returnUrl) ? returnUrl : "/staff";
        var result = await sso.CompleteAsync(ct);
        switch (result.Outcome)
        {
            case SsoOutcome.SignedIn:
                Next = next;
                break;
            case SsoOutcome.CodeRequired:
                Next = $"/staff/login/code{QueryString.Create("returnUrl", next)}";
                break;
            default:
                Error = result.Error;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
        }
        return Page();
    }
}

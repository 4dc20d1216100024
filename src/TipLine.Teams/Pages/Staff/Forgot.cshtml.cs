using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TipLine.Teams.Alerts;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>Asks for a password-reset link; the answer is the same whether or not the address has an account.</summary>
internal sealed class ForgotModel(StaffAccounts accounts, IOptions<AlertOptions> alerts) : PageModel
{
    public bool Asked { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken ct)
    {
        await accounts.RequestResetAsync(email, StaffLinks.ConfiguredBaseUrl(alerts.Value), ct);
        Asked = true;
        return Page();
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>The invitation link's page: the invitee sets a password, then the second factor.</summary>
internal sealed class WelcomeModel(StaffAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Account { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm, CancellationToken ct)
    {
        var result = await accounts.AcceptAsync(Account, Token, password, confirm, ct);
        if (result.Outcome == AccountOutcome.Done) return Redirect(TwoFactorGate.SetupPath);
        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

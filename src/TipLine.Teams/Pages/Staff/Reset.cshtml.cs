using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>The password-reset link's page.</summary>
internal sealed class ResetModel(StaffAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Account { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? password, string? confirm, CancellationToken ct)
    {
        var result = await accounts.ResetAsync(Account, Token, password, confirm, ct);
        Saved = result.Outcome == AccountOutcome.Done;
        Errors = result.Errors;
        if (!Saved) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

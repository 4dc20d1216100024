using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>The first-run link's page: creates the first district administrator.</summary>
internal sealed class SetupModel(FirstRun firstRun) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public bool Valid { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Email { get; private set; }
    public string? Name { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Valid = await firstRun.IsValidAsync(Token, ct);
        if (!Valid) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? name, string? password, string? confirm, CancellationToken ct)
    {
        (Email, Name) = (email, name);
        Errors = await firstRun.CreateAdministratorAsync(Token, new FirstAdministrator(email ?? "", name ?? "", password ?? "", confirm ?? ""), ct);
        if (Errors.Count == 0) return Redirect(TwoFactorGate.SetupPath);
        Valid = await firstRun.IsValidAsync(Token, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

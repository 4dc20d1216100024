using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>Setting up the second factor (required before anything else while it is required) and new recovery codes.</summary>
[Authorize]
internal sealed class TwoFactorModel(UserManager<StaffUser> users, Authenticator authenticator) : PageModel
{
    public bool On { get; private set; }
    public int CodesLeft { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }
    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(await CurrentAsync());

    public async Task<IActionResult> OnPostTurnOnAsync(string? code, CancellationToken ct)
    {
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled) return Redirect(TwoFactorGate.SetupPath);
        var codes = await authenticator.TurnOnAsync(user, code, ct);
        if (codes is null)
        {
            Error = "That code is not right. Check the app's time is set automatically, and type the code it shows now.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        RecoveryCodes = codes ?? [];
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled) return Redirect(TwoFactorGate.SetupPath);
        RecoveryCodes = await authenticator.NewRecoveryCodesAsync(user, ct);
        return await ShowAsync(user);
    }

    private async Task<StaffUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    private async Task<IActionResult> ShowAsync(StaffUser user)
    {
        On = user.TwoFactorEnabled;
        if (On) CodesLeft = await authenticator.RecoveryCodesLeftAsync(user);
        else Setup = await authenticator.SetupAsync(user);
        return Page();
    }
}

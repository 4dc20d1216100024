using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff.Admin;

/// <summary>Staff accounts for district administrators (every team) and team administrators (their own team).</summary>
[Authorize]
internal sealed class StaffModel(StaffAccounts accounts, StaffRoster roster, StaffImport import, SchoolDirectory directory, AuditLog audit,
    TeamsDbContext db, IOptions<AlertOptions> alerts) : PageModel
{
    public StaffImportReport? Import { get; private set; }
    public StaffManager Manager { get; private set; } = null!;
    public IReadOnlyList<RosterEntry> Accounts { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public string? Done { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Manager = await StaffManager.OfAsync(User, directory, ct);
        audit.Record(Manager.StaffId, AuditActions.ViewStaff, null, Manager.ManagesAnyone, Manager.AdministersTeam);
        await db.SaveChangesAsync(ct);
        return Manager.ManagesAnyone ? await ShowAsync(ct) : Forbid();
    }

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? name, Guid team, TeamRole role, bool districtAdmin, CancellationToken ct)
    {
        Manager = await StaffManager.OfAsync(User, directory, ct);
        var result = await accounts.InviteAsync(Manager, new InvitationRequest(email ?? "", name ?? "", team, role, districtAdmin),
            StaffLinks.BaseUrl(Request, alerts.Value), ct);
        return await AnswerAsync(result, $"Invitation sent to {email}.", ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid staffId, TeamRole role, CancellationToken ct)
    {
        Manager = await StaffManager.OfAsync(User, directory, ct);
        return await AnswerAsync(await accounts.ChangeRoleAsync(Manager, staffId, role, ct), "Role changed.", ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid staffId, CancellationToken ct)
    {
        Manager = await StaffManager.OfAsync(User, directory, ct);
        return await AnswerAsync(await accounts.DeactivateAsync(Manager, staffId, ct), "Account deactivated; its sessions have ended.", ct);
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid staffId, CancellationToken ct)
    {
        Manager = await StaffManager.OfAsync(User, directory, ct);
        return await AnswerAsync(await accounts.ReactivateAsync(Manager, staffId, ct), "Account reactivated.", ct);
    }

    /// <summary>Checks a staff list or invites everyone new on it; any mistake in any row means nobody is invited.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool apply, CancellationToken ct)
    {
        Manager = await StaffManager.OfAsync(User, directory, ct);
        if (!Manager.ManagesAnyone)
        {
            audit.Record(Manager.StaffId, AuditActions.ImportStaff, null, allowed: false);
            await db.SaveChangesAsync(ct);
            return Forbid();
        }
        if (file is null || file.Length is 0 or > 1024 * 1024)
        {
            Errors = ["Choose a CSV file of at most 1024 KB."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(ct);
        }
        await using var stream = file.OpenReadStream();
        Import = await import.ImportAsync(Manager, stream, dryRun: !apply, StaffLinks.BaseUrl(Request, alerts.Value), ct);
        audit.Record(Manager.StaffId, AuditActions.ImportStaff, null, allowed: true, Manager.AdministersTeam,
            $"{(Import.Applied ? "imported" : apply ? "refused" : "checked")}: {Import.Rows} rows, {Import.Errors.Count} errors, {Import.NotSent.Count} not sent");
        await db.SaveChangesAsync(ct);
        if (Import.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(ct);
    }

    public bool CanManage(RosterEntry entry) => entry.TeamId is { } team ? Manager.CanManage(team) : Manager.IsDistrictAdmin;

    private async Task<IActionResult> AnswerAsync(AccountResult result, string done, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case AccountOutcome.Forbidden: return Forbid();
            case AccountOutcome.NotFound: return NotFound();
            case AccountOutcome.Done: Done = done; break;
            default:
                Errors = result.Errors;
                Response.StatusCode = result.Outcome == AccountOutcome.MailFailed ? StatusCodes.Status502BadGateway : StatusCodes.Status400BadRequest;
                break;
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Accounts = await roster.ListAsync(Manager, ct);
        Teams = (await directory.ListTeamsAsync(ct)).Where(t => Manager.CanManage(t.Id)).ToList();
        return Page();
    }
}

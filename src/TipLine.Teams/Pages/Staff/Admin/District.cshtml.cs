using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Directory;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff.Admin;

/// <summary>The district's teams and schools, for district administrators. A change takes effect without a restart.</summary>
[Authorize]
internal sealed class DistrictModel(SchoolAdministration schools, SchoolImport import, SchoolDirectory directory, AuditLog audit, TeamsDbContext db)
    : PageModel
{
    public const long LargestFile = 1024 * 1024;

    public SchoolImportReport? Import { get; private set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<School> Schools { get; private set; } = [];
    public IReadOnlyList<ChannelNumber> Numbers { get; private set; } = [];
    public string? Done { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.ViewDistrict, ct)) return Forbid();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostTeamAsync(Guid? id, string? name, string? language, CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.SaveTeam, ct, refusedOnly: true)) return Forbid();
        var change = await schools.SaveTeamAsync(id, new TeamInput(name ?? "", language ?? ""), ct);
        return await AnswerAsync(change, AuditActions.SaveTeam, change.Id, $"Team {name?.Trim()} saved.", ct);
    }

    public async Task<IActionResult> OnPostSchoolAsync(Guid? id, string? name, string? code, Guid team, bool districtWide, CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.SaveSchool, ct, refusedOnly: true)) return Forbid();
        var change = await schools.SaveSchoolAsync(id, new SchoolInput(name ?? "", code ?? "", team, districtWide), ct);
        return await AnswerAsync(change, AuditActions.SaveSchool, team, $"School {name?.Trim()} saved.", ct);
    }

    /// <summary>A Twilio number to a school, or to the district (the texter names the school): added or moved.</summary>
    public async Task<IActionResult> OnPostNumberAsync(string? number, Guid? school, CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.SaveNumber, ct, refusedOnly: true)) return Forbid();
        var change = await schools.SaveNumberAsync(number ?? "", school, ct);
        return await AnswerAsync(change, AuditActions.SaveNumber, null, $"Number {number?.Trim()} saved.", ct);
    }

    public async Task<IActionResult> OnPostRemoveNumberAsync(string? number, CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.RemoveNumber, ct, refusedOnly: true)) return Forbid();
        var change = await schools.RemoveNumberAsync(number ?? "", ct);
        return await AnswerAsync(change, AuditActions.RemoveNumber, null, $"Number {number} removed.", ct, detail: number);
    }

    /// <summary>Checks a school list (a dry run) or imports it; any error in any row means nothing is imported.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, bool apply, CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.ImportSchools, ct, refusedOnly: true)) return Forbid();
        if (file is null || file.Length is 0 or > LargestFile)
        {
            Errors = [$"Choose a CSV file of at most {LargestFile / 1024} KB."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(ct);
        }
        await using var stream = file.OpenReadStream();
        var (rows, parseErrors) = await District.SchoolsCsv.ReadAsync(stream);
        var report = await import.ImportAsync(rows, dryRun: !apply || parseErrors.Count > 0, ct);
        Import = report with { Errors = [.. parseErrors, .. report.Errors], Applied = report.Applied && parseErrors.Count == 0 };
        audit.Record(User.StaffId(), AuditActions.ImportSchools, null, allowed: true, detail:
            $"{(Import.Applied ? "imported" : apply ? "refused" : "checked")}: {Import.Rows} rows, {Import.Errors.Count} errors");
        await db.SaveChangesAsync(ct);
        if (Import.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(ct);
    }

    private Task<bool> AllowedAsync(string action, CancellationToken ct, bool refusedOnly = false) =>
        DistrictAdminAccess.AllowedAsync(User, audit, db, action, ct, refusedOnly);

    private async Task<IActionResult> AnswerAsync(DirectoryChange change, string action, Guid? team, string done, CancellationToken ct,
        string? detail = null)
    {
        if (change.Saved)
        {
            audit.Record(User.StaffId(), action, null, allowed: true, team, detail ?? $"{change.Id}");
            await db.SaveChangesAsync(ct);
            Done = done;
        }
        else
        {
            Errors = change.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Teams = await directory.ListTeamsAsync(ct);
        Schools = await schools.ListSchoolsAsync(ct);
        Numbers = await schools.ListNumbersAsync(ct);
        return Page();
    }
}

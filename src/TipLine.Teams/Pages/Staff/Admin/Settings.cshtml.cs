using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Directory.Settings;
using TipLine.Teams.Audit;
using TipLine.Teams.District;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff.Admin;

/// <summary>
/// The district's settings (time zone, school days, escalation, law-enforcement threshold, retention), for district
/// administrators. Configuration gives each its default; a value saved here wins, without a restart.
/// </summary>
[Authorize]
internal sealed class SettingsModel(DistrictSettingsStore store, AuditLog audit, TeamsDbContext db) : PageModel
{
    public IReadOnlyDictionary<string, (string? Value, bool SetHere)> Current { get; private set; } = new Dictionary<string, (string?, bool)>();
    public IReadOnlyDictionary<string, string> Typed { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.ViewSettings, ct)) return Forbid();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(AuditActions.SaveSettings, ct, refusedOnly: true)) return Forbid();
        var values = new Dictionary<string, string>();
        var errors = new List<string>();
        foreach (var field in DistrictSettingFields.All)
        {
            var (value, error) = DistrictSettingFields.Check(field, Request.Form[field.Key]);
            if (error is not null) errors.Add(error);
            else values[field.Key] = value!;
        }
        if (errors.Count > 0)
        {
            // Nothing is saved while any field is wrong; what was typed stays in the form to be corrected.
            Errors = errors;
            Typed = DistrictSettingFields.All.ToDictionary(f => f.Key, f => Request.Form[f.Key].ToString());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(ct);
        }
        var inForce = await InForceAsync(ct);
        var changed = values.Where(kv => inForce[kv.Key] != kv.Value).ToDictionary();
        await store.SaveAsync(changed, User.StaffId(), ct);
        var changes = changed.Select(kv => $"{kv.Key}: {inForce[kv.Key]} → {kv.Value}").ToList();
        // One entry per change, so the log can be searched by setting.
        foreach (var change in changes.DefaultIfEmpty("no change")) audit.Record(User.StaffId(), AuditActions.SaveSettings, null, allowed: true, detail: change);
        await db.SaveChangesAsync(ct);
        Done = changes.Count == 0 ? "Nothing changed." : $"Saved: {changes.Count} setting{(changes.Count == 1 ? "" : "s")} changed.";
        return await ShowAsync(ct);
    }

    /// <summary>Each setting's value now: saved here, else configured, else the options' own default.</summary>
    private async Task<Dictionary<string, string>> InForceAsync(CancellationToken ct)
    {
        var current = await store.CurrentAsync(DistrictSettingFields.All.Select(f => f.Key), ct);
        return DistrictSettingFields.All.ToDictionary(f => f.Key, f => current[f.Key].Value ?? f.Default);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Current = await store.CurrentAsync(DistrictSettingFields.All.Select(f => f.Key), ct);
        return Page();
    }

    private Task<bool> AllowedAsync(string action, CancellationToken ct, bool refusedOnly = false) =>
        DistrictAdminAccess.AllowedAsync(User, audit, db, action, ct, refusedOnly);
}

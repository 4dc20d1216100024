using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Directory;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>
/// A member records the languages they read: an alert about a tip nobody could translate goes first to an
/// on-call-eligible member who reads it.
/// </summary>
[Authorize]
internal sealed class LanguagesModel(SchoolDirectory directory, MemberProfiles profiles, AuditLog audit, TeamsDbContext db) : PageModel
{
    public IReadOnlyList<string> Read { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (await directory.MemberAsync(User.StaffId(), ct) is not { } member) return Forbid();
        Read = member.LanguagesRead;
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<string>? languages, CancellationToken ct)
    {
        var staffId = User.StaffId();
        if (!await profiles.SetLanguagesReadAsync(staffId, languages ?? [], ct)) return Forbid();
        audit.Record(staffId, AuditActions.SaveLanguages, null, allowed: true);
        await db.SaveChangesAsync(ct);
        return Redirect("/staff/languages?saved=true");
    }
}

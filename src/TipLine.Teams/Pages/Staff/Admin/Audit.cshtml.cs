using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Directory;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff.Admin;

/// <summary>The audit log for district administrators: filter, page back, export as CSV, check the chain.</summary>
[Authorize]
internal sealed class AuditModel(AuditBrowser browser, AuditChain chain, AuditLog audit, SchoolDirectory directory, TeamsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Team { get; set; }
    [BindProperty(SupportsGet = true, Name = "case")] public Guid? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>"allowed", "refused" or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public AuditChainCheck? Check { get; private set; }

    public AuditFilter Filter => new(Who, ActionName, Team, CaseId, From, To,
        Outcome switch { "allowed" => true, "refused" => false, _ => null }, Before);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(AuditActions.ViewAudit, ct);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!User.IsInRole(StaffRoles.DistrictAdmin)) return await RefuseAsync(AuditActions.CheckAuditChain, ct);
        Check = await chain.CheckAsync(ct);
        return await ShowAsync(AuditActions.CheckAuditChain, ct);
    }

    /// <summary>The same filter's query string, for the export link and the next page.</summary>
    public string Query(long? before = null) => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["who"] = Who, ["action"] = ActionName, ["team"] = Team?.ToString(), ["case"] = CaseId?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["outcome"] = Outcome,
        ["before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private async Task<IActionResult> ShowAsync(string action, CancellationToken ct)
    {
        if (!User.IsInRole(StaffRoles.DistrictAdmin)) return await RefuseAsync(action, ct);
        audit.Record(User.StaffId(), action, CaseId, allowed: true, Team);
        await db.SaveChangesAsync(ct);
        Rows = await browser.PageAsync(Filter, ct);
        Teams = await directory.ListTeamsAsync(ct);
        return Page();
    }

    private async Task<IActionResult> RefuseAsync(string action, CancellationToken ct)
    {
        audit.Record(User.StaffId(), action, null, allowed: false);
        await db.SaveChangesAsync(ct);
        return Forbid();
    }
}

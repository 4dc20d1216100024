using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Cases;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

[Authorize]
internal sealed class CaseModel(CaseWork work) : PageModel
{
    public CaseDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var result = await work.OpenAsync(User.StaffId(), caseId, ct);
        Detail = result.Value;
        return ToPage(result.Access);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid caseId, CancellationToken ct) =>
        AfterAction(await work.AcknowledgeAsync(User.StaffId(), caseId, ct), caseId);

    public async Task<IActionResult> OnPostKeepApartAsync(Guid caseId, CancellationToken ct) =>
        AfterAction(await work.KeepApartAsync(User.StaffId(), caseId, ct), caseId);

    public async Task<IActionResult> OnPostAskAsync(Guid caseId, string? question, CancellationToken ct)
    {
        var text = question?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > CaseWork.MaxQuestionLength) return BadRequest("A question needs 1 to 2000 characters.");
        return AfterAction(await work.AskAsync(User.StaffId(), caseId, text, ct), caseId);
    }

    private IActionResult ToPage(CaseAccess access) => access switch
    {
        CaseAccess.Allowed => Page(),
        CaseAccess.Forbidden => Forbid(),
        _ => NotFound(),
    };

    private IActionResult AfterAction(CaseAccess access, Guid caseId) =>
        access == CaseAccess.Allowed ? Redirect($"/staff/cases/{caseId}") : ToPage(access);
}

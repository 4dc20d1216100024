using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Cases;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

/// <summary>Every tip of the team grouped into one incident, each opened on its own page, and one button for them all.</summary>
[Authorize]
internal sealed class IncidentModel(CaseWork work) : PageModel
{
    public IReadOnlyList<QueueItem> Tips { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid incidentId, CancellationToken ct)
    {
        Tips = await work.QueueAsync(User.StaffId(), ct, incidentId);
        return Tips.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid incidentId, CancellationToken ct)
    {
        await work.AcknowledgeIncidentAsync(User.StaffId(), incidentId, ct);
        return Redirect($"/staff/incidents/{incidentId}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.ErrorQueues;
using TipLine.Teams.Cases;
using TipLine.Teams.Staff;
using TipLine.Teams.SystemStatus;
using TipLine.Teams.Surges;

namespace TipLine.Teams.Pages.Staff;

[Authorize]
internal sealed class IndexModel(CaseWork work, TeamsDbContext db, DeadWorkReport deadWork, ErrorQueueCounter errorQueues, SurgeStatus surge)
    : PageModel
{
    public bool SurgeModeOn { get; private set; }

    /// <summary>The queue with each incident's tips on one row.</summary>
    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];
    public SystemHealth? Health { get; private set; }
    public IReadOnlyList<Api.DeadWorkItems> DeadWork { get; private set; } = [];

    /// <summary>Null when the broker could not be asked.</summary>
    public IReadOnlyList<ErrorQueueCount>? ErrorQueues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = QueueRow.Group(await work.QueueAsync(User.StaffId(), ct));
        if (User.IsInRole(StaffRoles.DistrictAdmin))
        {
            Health = await db.SystemHealth.AsNoTracking().SingleOrDefaultAsync(ct) ?? new SystemHealth();
            DeadWork = await deadWork.ItemsAsync(ct);
            ErrorQueues = await errorQueues.TryCountAsync(ct);
            SurgeModeOn = await surge.ModeOnAsync(ct);
        }
    }

    /// <summary>Surge mode is a district administrator's decision, on and off by hand.</summary>
    public async Task<IActionResult> OnPostSurgeModeAsync(bool on, CancellationToken ct)
    {
        if (!User.IsInRole(StaffRoles.DistrictAdmin)) return Forbid();
        await surge.SetModeAsync(User.StaffId(), on, ct);
        return Redirect("/staff");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TipLine.Teams.Cases;
using TipLine.Teams.Staff;
using TipLine.Teams.SystemStatus;

namespace TipLine.Teams.Pages.Staff;

[Authorize]
internal sealed class IndexModel(CaseWork work, TeamsDbContext db, DeadWorkReport deadWork) : PageModel
{
    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];
    public SystemHealth? Health { get; private set; }
    public IReadOnlyList<Api.DeadWorkItems> DeadWork { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await work.QueueAsync(User.StaffId(), ct);
        if (User.IsInRole(StaffRoles.DistrictAdmin))
        {
            Health = await db.SystemHealth.AsNoTracking().SingleOrDefaultAsync(ct) ?? new SystemHealth();
            DeadWork = await deadWork.ItemsAsync(ct);
        }
    }
}

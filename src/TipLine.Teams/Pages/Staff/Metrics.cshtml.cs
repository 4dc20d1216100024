using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Escalation;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Pages.Staff;

[Authorize(Roles = StaffRoles.DistrictAdmin)]
internal sealed class MetricsModel(AckTimes times) : PageModel
{
    public IReadOnlyList<AckTimeRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await times.ComputeAsync(ct);

    public static string Duration(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)).ToString(s >= 86400 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", null) : "—";
}

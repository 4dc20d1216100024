using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TipLine.Teams.Alerts;
using TipLine.Teams.Escalation;

namespace TipLine.Teams.Pages.Staff;

/// <summary>
/// The link in an alert. GET only shows what the alert said and a button, because mail scanners and link previews
/// fetch links; the POST (with antiforgery) acknowledges. The signed, single-use, expiring token is enough, without
/// signing in: it acknowledges as the member it was sent to, which only stops the alerts, and shows nothing of the tip.
/// While alerts are off the link key is not required, so the page does not exist (404): no token is ever checked
/// against an unset key.
/// </summary>
[AllowAnonymous]
internal sealed class AckModel(AlertAcknowledgement acknowledgement, IOptions<AlertOptions> alerts) : PageModel
{
    public AckLinkView Link { get; private set; } = new(LinkState.Invalid);
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!alerts.Value.Enabled) return NotFound();
        Link = await acknowledgement.ReadLinkAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!alerts.Value.Enabled) return NotFound();
        Link = await acknowledgement.AcknowledgeByLinkAsync(token, ct);
        Done = Link.State == LinkState.Valid;
        return Page();
    }
}

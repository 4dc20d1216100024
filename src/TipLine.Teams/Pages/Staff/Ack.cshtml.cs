using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipLine.Teams.Escalation;

namespace TipLine.Teams.Pages.Staff;

/// <summary>
/// The link in an alert. GET only shows what the alert said and a button, because mail scanners and link previews
/// fetch links; the POST (with antiforgery) acknowledges. The signed, single-use, expiring token is enough, without
/// signing in: it acknowledges as the member it was sent to, which only stops the alerts, and shows nothing of the tip.
/// </summary>
[AllowAnonymous]
public sealed class AckModel(AlertAcknowledgement acknowledgement) : PageModel
{
    public AckLinkView Link { get; private set; } = new(LinkState.Invalid);
    public bool Done { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct) => Link = await acknowledgement.ReadLinkAsync(token, ct);

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Link = await acknowledgement.AcknowledgeByLinkAsync(token, ct);
        Done = Link.State == LinkState.Valid;
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Intake.Channels.WebForm;
using TipLine.Intake.Localization;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Pages.Report;

/// <summary>
/// The web-form channel: verify (antiforgery) → bind → normalize → dedupe and persist → answer
/// with the receipt. The antiforgery token is checked here rather than by the global filter so a
/// stale form comes back filled in, with an explanation, instead of a bare 400.
/// </summary>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(IntakeLimits.MaxFormBytes)]
[RequestFormLimits(ValueLengthLimit = IntakeLimits.MaxFormBytes, MultipartBodyLengthLimit = IntakeLimits.MaxFormBytes)]
internal sealed class IndexModel(
    SchoolDirectory directory, ReportAcceptance acceptance, IAntiforgery antiforgery, IStringLocalizer<ReporterText> text,
    IOptions<ReplyNoticeOptions> notices) : PageModel
{
    /// <summary>The ways a reporter can be told that the team answered: the contact field is there only for these.</summary>
    public ReplyNoticeOptions Notices => notices.Value;

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    public IReadOnlyList<SchoolListing> Schools { get; private set; } = [];

    public Acceptance? Accepted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.SubmissionId = Guid.NewGuid();
        Schools = await directory.ListSchoolsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Schools = await directory.ListSchoolsAsync(ct);
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.AddModelError(string.Empty, text["ErrorFormExpired"]);
        }
        var schoolKnown = Guid.TryParse(Form.SchoolId, out var schoolId) && Schools.Any(s => s.Id == schoolId);
        if (Form.SchoolId is not null && !schoolKnown)
        {
            ModelState.AddModelError("Form.SchoolId", text["ErrorUnknownSchool"]);
        }
        if (!ContactParser.TryParse(Form.Contact, out var contact))
        {
            ModelState.AddModelError("Form.Contact", text["ErrorContactInvalid"]);
        }
        else if (contact is not null && !Notices.Offers(contact.Channel))
        {
            ModelState.AddModelError("Form.Contact", text["ErrorContactNotOffered"]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Form.SubmissionId == Guid.Empty) Form.SubmissionId = Guid.NewGuid();
        var content = new TipContent(Form.WhatHappened!.Trim(), Blank(Form.WhoIsInvolved), Blank(Form.WhenAndWhere));
        var report = new NewReport(schoolId, ChannelNames.WebForm, Form.SubmissionId.ToString(), ReporterLanguages.Current(),
            content, Form.DangerNow == "yes", contact);
        Accepted = await acceptance.AcceptAsync(report, issueReceipt: true, ct);
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

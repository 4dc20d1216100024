using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TipLine.Intake.Channels.WebForm;
using TipLine.Intake.Followup;
using TipLine.Intake.Localization;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Pages.Report;

/// <summary>The reporter comes back with code and passphrase: status, the team's questions, answers.</summary>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(IntakeLimits.MaxFormBytes)]
internal sealed class FollowupModel(
    ReceiptVerifier verifier, FollowupSession session, FollowupThread threads, IAntiforgery antiforgery,
    IStringLocalizer<ReporterText> text) : PageModel
{
    public FollowupView? Thread { get; private set; }

    public bool AnswerSent { get; private set; }

    public string StatusKey => Thread?.Status switch
    {
        ReportStatus.Reviewing => "StatusReviewing",
        ReportStatus.InQueue => "StatusInQueue",
        _ => "StatusReceived",
    };

    public async Task OnGetAsync(bool sent, CancellationToken ct)
    {
        AnswerSent = sent;
        if (session.Current(HttpContext) is { } reportId) Thread = await threads.LoadAsync(reportId, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(string? code, string? passphrase, CancellationToken ct)
    {
        if (!await IsGenuineAsync()) return Failed("ErrorFormExpired");
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(passphrase) || code.Length > 64 || passphrase.Length > 64)
        {
            return Failed("FollowupWrong");
        }
        var verification = await verifier.VerifyAsync(code, passphrase, ct);
        switch (verification.Check)
        {
            case ReceiptCheck.Valid:
                session.Start(HttpContext, verification.ReportId);
                return Redirect($"/report/followup?culture={ReporterLanguages.Current()}");
            case ReceiptCheck.Locked:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError(string.Empty, text["FollowupLocked"]);
                return Page();
            default:
                return Failed("FollowupWrong");
        }
    }

    public async Task<IActionResult> OnPostAnswerAsync(string? answer, CancellationToken ct)
    {
        if (session.Current(HttpContext) is not { } reportId) return Redirect($"/report/followup?culture={ReporterLanguages.Current()}");
        if (!await IsGenuineAsync()) return await RefillAsync(reportId, text["ErrorFormExpired"], ct);
        if (string.IsNullOrWhiteSpace(answer)) return await RefillAsync(reportId, text["ErrorRequired", text["AnswerLabel"]], ct);
        if (answer.Length > FollowupThread.MaxAnswerLength)
        {
            return await RefillAsync(reportId, text["ErrorTooLong", text["AnswerLabel"], FollowupThread.MaxAnswerLength], ct);
        }
        await threads.AnswerAsync(reportId, answer.Trim(), ct);
        return Redirect($"/report/followup?sent=true&culture={ReporterLanguages.Current()}");
    }

    public async Task<IActionResult> OnPostCloseAsync()
    {
        if (await IsGenuineAsync()) FollowupSession.End(HttpContext);
        return Redirect($"/report/followup?culture={ReporterLanguages.Current()}");
    }

    private Task<bool> IsGenuineAsync() => antiforgery.IsRequestValidAsync(HttpContext);

    private PageResult Failed(string key)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError(string.Empty, text[key]);
        return Page();
    }

    private async Task<IActionResult> RefillAsync(Guid reportId, string message, CancellationToken ct)
    {
        Thread = await threads.LoadAsync(reportId, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}

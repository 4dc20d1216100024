using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Directory.Schedules;
using TipLine.Teams.Alerts;
using TipLine.Teams.OnCall;

namespace TipLine.Teams.Pages.Staff;

/// <summary>Who is on call now and next per team; administrators edit rotations and overrides; everyone manages their calendar feed.</summary>
[Authorize]
internal sealed class OnCallModel(SchoolDirectory directory, OnCallBoard board, ScheduleEditor editor, CalendarFeeds feeds,
    IOptions<AlertOptions> alerts) : PageModel
{
    public IReadOnlyList<TeamOnCall> Board { get; private set; } = [];
    public ScheduleViewer Viewer { get; private set; } = null!;
    public Dictionary<Guid, IReadOnlyList<string>> Errors { get; } = [];
    public string? NewFeedUrl { get; private set; }
    public DateTimeOffset? FeedCreatedAt { get; private set; }

    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Viewer.Zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Viewer = await ScheduleViewer.ForAsync(User, directory, ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRotationAsync(Guid teamId, Dictionary<Guid, string?>? positions, string? interval,
        string? handoffTime, string? timeZone, string? startDate, CancellationToken ct)
    {
        Viewer = await ScheduleViewer.ForAsync(User, directory, ct);
        var (input, errors) = ScheduleForms.Rotation(positions ?? [], interval, handoffTime, timeZone, startDate);
        if (input is null) return await InvalidAsync(teamId, errors, ct);
        return await AfterEditAsync(teamId, await editor.SaveRotationAsync(Viewer, teamId, input, ct), ct);
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid teamId, Guid memberId, string? startsAt, string? endsAt, CancellationToken ct)
    {
        Viewer = await ScheduleViewer.ForAsync(User, directory, ct);
        var (from, to, errors) = ScheduleForms.Period(startsAt, endsAt, Viewer.Zone);
        if (errors.Count > 0) return await InvalidAsync(teamId, errors, ct);
        return await AfterEditAsync(teamId, await editor.AddOverrideAsync(Viewer, teamId, memberId, from, to, ct), ct);
    }

    public async Task<IActionResult> OnPostRemoveOverrideAsync(Guid teamId, Guid overrideId, CancellationToken ct)
    {
        Viewer = await ScheduleViewer.ForAsync(User, directory, ct);
        return await AfterEditAsync(teamId, await editor.RemoveOverrideAsync(Viewer, teamId, overrideId, ct), ct);
    }

    /// <summary>Shows the new address on this response only: just its hash is kept.</summary>
    public async Task<IActionResult> OnPostCreateFeedAsync(CancellationToken ct)
    {
        Viewer = await ScheduleViewer.ForAsync(User, directory, ct);
        var token = await feeds.CreateAsync(Viewer.StaffId, ct);
        var origin = alerts.Value.StaffBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{Request.Scheme}://{Request.Host}";
        NewFeedUrl = $"{origin}{CalendarFeedEndpoint.PathPrefix}{token}.ics";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        await feeds.RevokeAsync(TipLine.Teams.Staff.StaffClaims.StaffId(User), ct);
        return Redirect("/staff/oncall#calendar");
    }

    private async Task<IActionResult> AfterEditAsync(Guid teamId, EditResult result, CancellationToken ct) => result.Outcome switch
    {
        EditOutcome.Saved => Redirect($"/staff/oncall#team-{teamId}"),
        EditOutcome.Forbidden => Forbid(),
        _ => await InvalidAsync(teamId, result.Errors, ct),
    };

    private async Task<IActionResult> InvalidAsync(Guid teamId, IReadOnlyList<string> errors, CancellationToken ct)
    {
        Errors[teamId] = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Board = await board.ForAsync(Viewer, ct);
        FeedCreatedAt = await feeds.CreatedAtAsync(Viewer.StaffId, ct);
        return Page();
    }
}

using TipLine.Directory.Schedules;
using TipLine.Teams.Audit;

namespace TipLine.Teams.OnCall;

internal enum EditOutcome
{
    Saved,
    Invalid,
    Forbidden,
}

internal sealed record EditResult(EditOutcome Outcome, IReadOnlyList<string> Errors);

/// <summary>
/// Schedule changes from the console: refused unless the viewer may edit the team, checked by the
/// directory, and every change and refusal written to the audit log.
/// </summary>
internal sealed class ScheduleEditor(ScheduleAdministration schedules, AuditLog audit, TeamsDbContext db)
{
    public Task<EditResult> SaveRotationAsync(ScheduleViewer viewer, Guid teamId, RotationInput input, CancellationToken ct) =>
        EditAsync(viewer, teamId, AuditActions.SaveRotation, () => schedules.SaveRotationAsync(teamId, input, viewer.StaffId, ct), ct);

    public Task<EditResult> AddOverrideAsync(
        ScheduleViewer viewer, Guid teamId, Guid memberId, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken ct) =>
        EditAsync(viewer, teamId, AuditActions.AddOverride,
            () => schedules.AddOverrideAsync(teamId, memberId, startsAt, endsAt, viewer.StaffId, ct), ct);

    public Task<EditResult> RemoveOverrideAsync(ScheduleViewer viewer, Guid teamId, Guid overrideId, CancellationToken ct) =>
        EditAsync(viewer, teamId, AuditActions.RemoveOverride, () => schedules.RemoveOverrideAsync(teamId, overrideId, viewer.StaffId, ct), ct);

    private async Task<EditResult> EditAsync(
        ScheduleViewer viewer, Guid teamId, string action, Func<Task<IReadOnlyList<string>>> change, CancellationToken ct)
    {
        if (!viewer.CanEdit(teamId))
        {
            audit.Record(viewer.StaffId, action, null, allowed: false, teamId);
            await db.SaveChangesAsync(ct);
            return new EditResult(EditOutcome.Forbidden, []);
        }
        var errors = await change();
        if (errors.Count > 0) return new EditResult(EditOutcome.Invalid, errors);
        audit.Record(viewer.StaffId, action, null, allowed: true, teamId);
        await db.SaveChangesAsync(ct);
        return new EditResult(EditOutcome.Saved, []);
    }
}

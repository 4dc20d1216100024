using Microsoft.EntityFrameworkCore;
using TipLine.Directory;

namespace TipLine.Teams.Escalation;

/// <summary>
/// One alert on a case's timeline: who, how, at which level, and what became of it; <paramref name="Tips"/> when one alert
/// covered several tips. No address is shown.
/// </summary>
internal sealed record AlertItem(
    DateTimeOffset At, string Recipient, string Method, int Level, bool Digest, bool Fallback, string Status, string? Detail, int Tips = 1);

internal sealed class AlertTimeline(TeamsDbContext db, SchoolDirectory directory)
{
    public async Task<IReadOnlyList<AlertItem>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var attempts = await db.AlertAttempts.AsNoTracking().Where(a => a.CaseIds.Contains(caseId))
            .OrderBy(a => a.DueAt).ThenBy(a => a.SentAt).ToListAsync(ct);
        var names = new Dictionary<Guid, string>();
        foreach (var id in attempts.Select(a => a.MemberId).Distinct())
        {
            names[id] = (await directory.MemberAsync(id, ct))?.DisplayName ?? "former member";
        }
        return attempts.Select(a => new AlertItem(a.SentAt ?? a.DueAt, names[a.MemberId], a.Method.ToString(), a.Level, a.Digest,
            a.FallbackFor is not null, a.Status.ToString(), a.Detail, a.TipCount)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Incidents;

/// <summary>
/// A flood from one sender: intake threads a number's texts into one tip, so a script texting again and again fills one
/// conversation instead of opening cases. When <see cref="IncidentOptions.SenderFloodMessages"/> of the reporter's messages (the tip
/// itself counting) arrive within <see cref="IncidentOptions.FloodWindow"/>, the case is marked; every message is kept.
/// </summary>
internal sealed class SenderFlood(TeamsDbContext db, IOptions<IncidentOptions> options)
{
    /// <summary>Called with a reporter's message that is being added to an open case, in the transaction that adds it.</summary>
    public async Task MarkIfFloodedAsync(Guid caseId, DateTimeOffset answeredAt, CancellationToken ct)
    {
        var since = answeredAt - options.Value.FloodWindow;
        var c = await db.Cases.Where(x => x.Id == caseId).Select(x => new { x.SenderFlood, x.AcceptedAt }).SingleAsync(ct);
        if (c.SenderFlood) return;
        var earlier = await db.CaseMessages.CountAsync(m => m.CaseId == caseId && m.FromReporter && m.CreatedAt >= since, ct);
        if (IsFlood(earlier + 1 + (c.AcceptedAt >= since ? 1 : 0)))
        {
            await db.Cases.Where(x => x.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(x => x.SenderFlood, true), ct);
        }
    }

    /// <summary>For a case being opened with the answers that arrived before it: marks it when they already were a flood.</summary>
    public void MarkIfFlooded(Case opened, IEnumerable<DateTimeOffset> earlyAnswers)
    {
        if (IsFlood(MostWithin(earlyAnswers.Append(opened.AcceptedAt), options.Value.FloodWindow))) opened.SenderFlood = true;
    }

    /// <summary>The most of these moments that fall in any one window of this length.</summary>
    public static int MostWithin(IEnumerable<DateTimeOffset> moments, TimeSpan window)
    {
        var times = moments.Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] > window) start++;
            most = Math.Max(most, end - start + 1);
        }
        return most;
    }

    private bool IsFlood(int messages) => messages >= options.Value.SenderFloodMessages;
}

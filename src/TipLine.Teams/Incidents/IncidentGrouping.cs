using TipLine.Bus.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Incidents;

/// <summary>
/// Places a new case, in the transaction that opens it: with the same school's recent case it reads most like (compared in
/// the team's language, so a Spanish and an English report of one threat meet) among those with the same urgency signals,
/// and marks it a possible flood when many
/// copies of its text arrived in a short time. An incident's id is its first case's id. Runs in the transaction that opens
/// the case, which must be open already.
/// </summary>
internal sealed class IncidentGrouping(TeamsDbContext db, IOptions<IncidentOptions> options)
{
    public async Task PlaceAsync(Case opened, CancellationToken ct)
    {
        var settings = options.Value;
        // A flood's copies are opened at the same moment: one school's new cases are placed one after another (until the
        // opening transaction commits), so each one sees the copies before it.
        await db.Database.LockAsync(AdvisoryLock.IncidentGrouping, opened.SchoolId.ToString(), ct);
        var since = opened.AcceptedAt - settings.Window;
        var recent = await db.Cases.AsNoTracking()
            .Where(c => c.SchoolId == opened.SchoolId && c.Id != opened.Id && c.AcceptedAt >= since && !c.KeptApart)
            .OrderByDescending(c => c.AcceptedAt).Take(settings.MaxCompared)
            .Select(c => new { c.Id, c.IncidentId, c.Original, c.Translation, c.AcceptedAt, c.Categories }).ToListAsync(ct);
        if (recent.Count == 0) return;

        var readable = TipSimilarity.Profile.Of(TipSimilarity.ReadableText(opened.Original, opened.Translation));
        var written = opened.Translation is null ? readable : TipSimilarity.Profile.Of(TipSimilarity.Join(opened.Original));
        var floodSince = opened.AcceptedAt - settings.FloodWindow;
        (Guid Id, Guid? IncidentId, double Score)? best = null;
        var copies = new List<Guid>();
        var alone = new List<Guid>();
        foreach (var other in recent)
        {
            // The same signals (weapon, self-harm, "soon"…) and alike words: "a gun in the cafeteria right now" and "a fight in the
            // cafeteria right now" share most of their words but are not one incident.
            var otherReadable = TipSimilarity.Profile.Of(TipSimilarity.ReadableText(other.Original, other.Translation));
            var score = SameSignals(opened.Categories, other.Categories) ? TipSimilarity.Between(readable, otherReadable) : 0;
            // Newest first, so on a tie the older case wins: copies arriving together settle on the first one.
            if (score >= settings.GroupAt && (best is null || score >= best.Value.Score)) best = (other.Id, other.IncidentId, score);
            if (score >= settings.CopyAt && other.IncidentId is null) alone.Add(other.Id);
            if (other.AcceptedAt < floodSince) continue;
            var otherWritten = other.Translation is null ? otherReadable : TipSimilarity.Profile.Of(TipSimilarity.Join(other.Original));
            if (TipSimilarity.Between(written, otherWritten) >= settings.CopyAt) copies.Add(other.Id);
        }

        if (best is { } match)
        {
            var incident = match.IncidentId ?? match.Id;
            opened.IncidentId = incident;
            // Copies opened at the same moment could not see each other and stood alone: they join too.
            alone.Add(match.Id);
            await db.Cases.Where(c => alone.Contains(c.Id) && c.IncidentId == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.IncidentId, incident), ct);
        }
        if (copies.Count + 1 >= settings.FloodCopies)
        {
            opened.PossibleFlood = true;
            await db.Cases.Where(c => copies.Contains(c.Id) && !c.PossibleFlood).ExecuteUpdateAsync(s => s.SetProperty(c => c.PossibleFlood, true), ct);
        }
    }

    private static bool SameSignals(List<string> a, List<string> b) => a.Count == b.Count && a.All(b.Contains);
}

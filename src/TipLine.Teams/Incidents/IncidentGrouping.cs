using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Incidents;

/// <summary>
/// Places a new case, in the transaction that opens it: with the same school's recent case it reads most like (compared in
/// the team's language, so a Spanish and an English report of one threat meet) among those with the same urgency signals,
/// and marks it a possible flood when many copies of its text arrived in a short time. An incident's id is its first
/// case's id. Runs in the transaction that opens the case, which must be open already.
/// </summary>
internal sealed class IncidentGrouping(TeamsDbContext db, IOptions<IncidentOptions> options)
{
    public async Task PlaceAsync(Case opened, CancellationToken ct)
    {
        var settings = options.Value;
        var mine = new Profiles(opened.Original, opened.Translation);
        var since = opened.AcceptedAt - settings.Window;

        // Most of the work — reading the school's recent cases and comparing them — happens before the lock, so one school's
        // new cases wait on each other only for what arrived meanwhile (a flood opens many at once).
        var compared = await CompareAsync(Recent(opened, since), opened, mine, ct);
        // A flood's copies are opened at the same moment: one school's new cases are placed one after another (until the
        // opening transaction commits), so each one sees the copies before it.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"incident:" + opened.SchoolId}, 0))", ct);
        var seen = compared.Select(c => c.Id).ToList();
        compared.AddRange(await CompareAsync(Recent(opened, since).Where(c => !seen.Contains(c.Id)), opened, mine, ct));

        var alike = compared.Where(c => c.Score >= settings.GroupAt || c.Copy).ToList();
        if (alike.Count == 0) return;
        // As they are now, under the lock: a case read before it may have joined an incident, or been kept apart, since.
        var ids = alike.Select(c => c.Id).ToList();
        var now = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.IncidentId, c.KeptApart }).ToDictionaryAsync(c => c.Id, ct);
        alike.RemoveAll(c => !now.TryGetValue(c.Id, out var current) || current.KeptApart);

        // Newest first, so on a tie the older case wins: copies arriving together settle on the first one.
        var best = alike.Where(c => c.Score >= settings.GroupAt).OrderByDescending(c => c.Score).ThenBy(c => c.AcceptedAt).FirstOrDefault();
        if (best is not null)
        {
            var incident = now[best.Id].IncidentId ?? best.Id;
            opened.IncidentId = incident;
            // Copies opened at the same moment could not see each other and stood alone: they join too.
            var alone = alike.Where(c => c.Score >= settings.CopyAt && now[c.Id].IncidentId is null).Select(c => c.Id).Append(best.Id).ToList();
            await db.Cases.Where(c => alone.Contains(c.Id) && c.IncidentId == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.IncidentId, incident), ct);
        }
        var copies = alike.Where(c => c.Copy).Select(c => c.Id).ToList();
        if (copies.Count + 1 >= settings.FloodCopies)
        {
            opened.PossibleFlood = true;
            await db.Cases.Where(c => copies.Contains(c.Id) && !c.PossibleFlood).ExecuteUpdateAsync(s => s.SetProperty(c => c.PossibleFlood, true), ct);
        }
    }

    /// <summary>The school's newest cases of the window (at most <c>Incidents:MaxCompared</c>), not kept apart.</summary>
    private IQueryable<Case> Recent(Case opened, DateTimeOffset since) =>
        db.Cases.AsNoTracking().Where(c => c.SchoolId == opened.SchoolId && c.Id != opened.Id && c.AcceptedAt >= since && !c.KeptApart);

    private async Task<List<Compared>> CompareAsync(IQueryable<Case> cases, Case opened, Profiles mine, CancellationToken ct)
    {
        var settings = options.Value;
        var floodSince = opened.AcceptedAt - settings.FloodWindow;
        var recent = await cases.OrderByDescending(c => c.AcceptedAt).Take(settings.MaxCompared)
            .Select(c => new { c.Id, c.Original, c.Translation, c.AcceptedAt, c.Categories }).ToListAsync(ct);
        return [.. recent.Select(other =>
        {
            var theirs = new Profiles(other.Original, other.Translation);
            // The same signals (weapon, self-harm, "soon"…) and alike words: "a gun in the cafeteria right now" and "a fight in the
            // cafeteria right now" share most of their words but are not one incident.
            var score = SameSignals(opened.Categories, other.Categories) ? TipSimilarity.Between(mine.Readable, theirs.Readable) : 0;
            var copy = other.AcceptedAt >= floodSince && TipSimilarity.Between(mine.Written, theirs.Written) >= settings.CopyAt;
            return new Compared(other.Id, other.AcceptedAt, score, copy);
        })];
    }

    private static bool SameSignals(List<string> a, List<string> b) => a.Count == b.Count && a.All(b.Contains);

    /// <summary>One recent case against the new one: how alike they read, and whether its text is a copy (a flood's).</summary>
    private sealed record Compared(Guid Id, DateTimeOffset AcceptedAt, double Score, bool Copy);

    /// <summary>A tip's text as the team reads it (its translation) and as it was written, each profiled once.</summary>
    private sealed class Profiles(TipContent original, TipContent? translation)
    {
        public TipSimilarity.Profile Readable { get; } = TipSimilarity.Profile.Of(TipSimilarity.ReadableText(original, translation));

        public TipSimilarity.Profile Written => translation is null ? Readable : written ??= TipSimilarity.Profile.Of(TipSimilarity.Join(original));

        private TipSimilarity.Profile? written;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace TipLine.Directory;

public sealed record SchoolListing(Guid Id, string Name);

/// <summary>What a texted or called number means: unknown, one school, or a shared district number.</summary>
public sealed record NumberOwner(bool Known, Guid? SchoolId);

public sealed record SchoolCode(Guid SchoolId, string Code, string Name);

public sealed record TeamAssignment(Guid TeamId, string TeamName, string WorkingLanguage);

/// <summary>
/// The read side of the directory that other modules use. The school list and school-to-team map
/// are read on every tip, so they are cached briefly; a directory change shows within a minute.
/// </summary>
public sealed class SchoolDirectory(DirectoryDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string SchoolsKey = "directory:schools", DistrictWideKey = "directory:district-wide", CodesKey = "directory:codes";

    private static string TeamForKey(Guid schoolId) => $"directory:team-for:{schoolId}";

    /// <summary>Drops this process's cached answers about the district's schools and these schools' teams, after a change.</summary>
    internal static void Forget(IMemoryCache cache, IEnumerable<Guid> schools)
    {
        foreach (var key in new[] { SchoolsKey, DistrictWideKey, CodesKey }) cache.Remove(key);
        foreach (var school in schools) cache.Remove(TeamForKey(school));
    }

    public async Task<IReadOnlyList<SchoolListing>> ListSchoolsAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(SchoolsKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return (IReadOnlyList<SchoolListing>)await db.Schools.AsNoTracking().OrderBy(s => s.IsDistrictWide).ThenBy(s => s.Name)
                .Select(s => new SchoolListing(s.Id, s.Name)).ToListAsync(ct);
        }) ?? [];

    /// <summary>Where a tip goes when its school is never named; null when the district has no such entry.</summary>
    public async Task<SchoolListing?> DistrictWideSchoolAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(DistrictWideKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.Schools.AsNoTracking().Where(s => s.IsDistrictWide)
                .Select(s => new SchoolListing(s.Id, s.Name)).SingleOrDefaultAsync(ct);
        });

    public async Task<TeamAssignment?> TeamForSchoolAsync(Guid schoolId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(TeamForKey(schoolId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.Schools.AsNoTracking().Where(s => s.Id == schoolId)
                .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new TeamAssignment(t.Id, t.Name, t.WorkingLanguage))
                .SingleOrDefaultAsync(ct);
        });

    public async Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    public async Task<IReadOnlyList<TeamMember>> MembersOfTeamAsync(Guid teamId, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.TeamId == teamId).OrderBy(m => m.RotationOrder).ToListAsync(ct);

    public Task<TeamMember?> MemberAsync(Guid staffId, CancellationToken ct) =>
        db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == staffId, ct);

    public Task<string?> SchoolNameAsync(Guid schoolId, CancellationToken ct) =>
        db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);

    public async Task<NumberOwner> OwnerOfNumberAsync(string number, CancellationToken ct)
    {
        var row = await db.ChannelNumbers.AsNoTracking().SingleOrDefaultAsync(n => n.Number == number, ct);
        return new NumberOwner(row is not null, row?.SchoolId);
    }

    public async Task<IReadOnlyList<SchoolCode>> SchoolCodesAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(CodesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return (IReadOnlyList<SchoolCode>)await db.Schools.AsNoTracking().OrderBy(s => s.IsDistrictWide).ThenBy(s => s.Code)
                .Select(s => new SchoolCode(s.Id, s.Code, s.Name)).ToListAsync(ct);
        }) ?? [];

    /// <summary>Members whose alert phone is <paramref name="phone"/> (E.164): who texted the alerts number.</summary>
    public async Task<IReadOnlyList<TeamMember>> MembersWithAlertPhoneAsync(string phone, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.AlertPhone == phone).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, string>> TeamNamesAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
}

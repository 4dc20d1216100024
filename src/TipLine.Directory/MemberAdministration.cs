using Microsoft.EntityFrameworkCore;

namespace TipLine.Directory;

/// <summary>A member as the district's staff page lists them, deactivated ones included.</summary>
public sealed record MemberListing(Guid Id, string DisplayName, Guid TeamId, TeamRole Role, DateTimeOffset? DeactivatedAt);

/// <summary>
/// Team membership as district and team administrators change it. Who may change which team is the caller's decision;
/// this checks only that the change makes sense.
/// </summary>
public sealed class MemberAdministration(DirectoryDbContext db, TimeProvider clock)
{
    /// <summary>Puts an account on a team (the end of an invitation); false when the team does not exist.</summary>
    public async Task<bool> AddAsync(Guid staffId, string displayName, Guid teamId, TeamRole role, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return false;
        var order = await db.Members.IgnoreQueryFilters().Where(m => m.TeamId == teamId).MaxAsync(m => (int?)m.RotationOrder, ct) ?? -1;
        db.Members.Add(new TeamMember { Id = staffId, DisplayName = displayName, TeamId = teamId, Role = role, RotationOrder = order + 1 });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<MemberListing>> ListAsync(Guid? teamId, CancellationToken ct) =>
        await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => teamId == null || m.TeamId == teamId)
            .OrderBy(m => m.TeamId).ThenBy(m => m.RotationOrder)
            .Select(m => new MemberListing(m.Id, m.DisplayName, m.TeamId, m.Role, m.DeactivatedAt)).ToListAsync(ct);

    public Task<TeamMember?> FindAsync(Guid staffId, CancellationToken ct) =>
        db.Members.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(m => m.Id == staffId, ct);

    public async Task<bool> SetRoleAsync(Guid staffId, TeamRole role, CancellationToken ct) =>
        await db.Members.IgnoreQueryFilters().Where(m => m.Id == staffId).ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, role), ct) == 1;

    public async Task<bool> DeactivateAsync(Guid staffId, CancellationToken ct) =>
        await db.Members.IgnoreQueryFilters().Where(m => m.Id == staffId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.DeactivatedAt, clock.GetUtcNow()), ct) == 1;

    public async Task<bool> ReactivateAsync(Guid staffId, CancellationToken ct) =>
        await db.Members.IgnoreQueryFilters().Where(m => m.Id == staffId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.DeactivatedAt, (DateTimeOffset?)null), ct) == 1;
}

using Microsoft.EntityFrameworkCore;

namespace TipLine.Directory;

public sealed record SchoolListing(Guid Id, string Name);

public sealed record TeamAssignment(Guid TeamId, string TeamName, string WorkingLanguage);

/// <summary>The read side of the directory that other modules use.</summary>
public sealed class SchoolDirectory(DirectoryDbContext db)
{
    public async Task<IReadOnlyList<SchoolListing>> ListSchoolsAsync(CancellationToken ct) =>
        await db.Schools.AsNoTracking().OrderBy(s => s.Name).Select(s => new SchoolListing(s.Id, s.Name)).ToListAsync(ct);

    public Task<bool> SchoolExistsAsync(Guid schoolId, CancellationToken ct) =>
        db.Schools.AnyAsync(s => s.Id == schoolId, ct);

    public Task<TeamAssignment?> TeamForSchoolAsync(Guid schoolId, CancellationToken ct) =>
        db.Schools.AsNoTracking().Where(s => s.Id == schoolId)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new TeamAssignment(t.Id, t.Name, t.WorkingLanguage))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<TeamMember>> MembersOfTeamAsync(Guid teamId, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.TeamId == teamId).OrderBy(m => m.RotationOrder).ToListAsync(ct);

    public Task<TeamMember?> MemberAsync(Guid staffId, CancellationToken ct) =>
        db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == staffId, ct);

    public Task<string?> SchoolNameAsync(Guid schoolId, CancellationToken ct) =>
        db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TipLine.Contracts;

namespace TipLine.Directory;

/// <summary>One school as a district's list gives it; the team is named, and made if the district has none by that name.</summary>
public sealed record SchoolRow(int Line, string Name, string Code, string Team, string TeamLanguage, bool DistrictWide);

public sealed record RowError(int Line, string Error);

/// <summary>What an import did, or (a dry run, or any error) would do.</summary>
public sealed record SchoolImportReport(
    int Rows, int TeamsCreated, int SchoolsCreated, int SchoolsChanged, int SchoolsUnchanged, IReadOnlyList<RowError> Errors, bool Applied);

/// <summary>
/// Imports a district's schools all or nothing: every row is checked first, and one error anywhere means nothing is
/// written. Schools are matched by code and teams by name, so importing the same list again creates nothing.
/// </summary>
public sealed class SchoolImport(DirectoryDbContext db, IMemoryCache cache)
{
    public async Task<SchoolImportReport> ImportAsync(IReadOnlyList<SchoolRow> rows, bool dryRun, CancellationToken ct)
    {
        // Names that differ only in case (made before names were compared so) count as one team: the first.
        var teams = (await db.Teams.OrderBy(t => t.Name).ToListAsync(ct)).DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var schools = await db.Schools.ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, ct);
        var errors = Check(rows, schools).ToList();
        var newTeams = rows.Select(r => r.Team.Trim()).Where(t => t.Length > 0 && !teams.ContainsKey(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var created = rows.Count(r => !schools.ContainsKey(r.Code.Trim()));
        var unchanged = rows.Count(r => schools.TryGetValue(r.Code.Trim(), out var s) && teams.TryGetValue(r.Team.Trim(), out var t)
            && s.Name == r.Name.Trim() && s.TeamId == t.Id && s.IsDistrictWide == r.DistrictWide);
        var report = new SchoolImportReport(rows.Count, newTeams.Count, created, rows.Count - created - unchanged, unchanged, errors, Applied: false);
        if (dryRun || errors.Count > 0) return report;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var name in newTeams)
        {
            var language = rows.First(r => string.Equals(r.Team.Trim(), name, StringComparison.OrdinalIgnoreCase)).TeamLanguage;
            db.Teams.Add(teams[name] = new Team { Id = Guid.NewGuid(), Name = name, WorkingLanguage = language });
        }
        // A school leaving the district-wide entry is saved before another takes it (the unique index allows one).
        foreach (var row in rows.OrderBy(r => r.DistrictWide))
        {
            var code = row.Code.Trim().ToUpperInvariant();
            if (!schools.TryGetValue(code, out var school)) db.Schools.Add(school = new School { Id = Guid.NewGuid(), Name = row.Name.Trim(), Code = code });
            school.Name = row.Name.Trim();
            school.TeamId = teams[row.Team.Trim()].Id;
            school.IsDistrictWide = row.DistrictWide;
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        SchoolDirectory.Forget(cache, schools.Values.Select(s => s.Id));
        return report with { Applied = true };
    }

    public async Task<IReadOnlyList<SchoolRow>> ExportAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        return (await db.Schools.AsNoTracking().OrderBy(s => s.IsDistrictWide).ThenBy(s => s.Name).ToListAsync(ct))
            .Select((s, i) => new SchoolRow(i + 2, s.Name, s.Code, teams[s.TeamId].Name, teams[s.TeamId].WorkingLanguage, s.IsDistrictWide)).ToList();
    }

    private static IEnumerable<RowError> Check(IReadOnlyList<SchoolRow> rows, Dictionary<string, School> existing)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var code = row.Code.Trim();
            if (row.Name.Trim().Length is 0 or > 200) yield return new RowError(row.Line, "The school needs a name (at most 200 characters).");
            if (!SchoolAdministration.IsSchoolCode(code.ToUpperInvariant())) yield return new RowError(row.Line, $"\"{code}\" is not a school code: 2 to 20 letters or digits.");
            else if (seen.TryGetValue(code, out var first)) yield return new RowError(row.Line, $"The code {code.ToUpperInvariant()} is already on line {first}.");
            else seen[code] = row.Line;
            if (row.Team.Trim().Length is 0 or > 200) yield return new RowError(row.Line, "Name the team that takes this school's tips.");
            if (!LanguageCodes.Reporter.Contains(row.TeamLanguage)) yield return new RowError(row.Line, $"\"{row.TeamLanguage}\" is not a language TipLine translates into.");
        }
        var districtWide = rows.Where(r => r.DistrictWide).ToList();
        var keptElsewhere = existing.Values.Where(s => s.IsDistrictWide && !rows.Any(r => string.Equals(r.Code.Trim(), s.Code, StringComparison.OrdinalIgnoreCase)));
        if (districtWide.Count + keptElsewhere.Count() > 1)
        {
            foreach (var row in districtWide.Skip(districtWide.Count > 1 ? 1 : 0))
            {
                yield return new RowError(row.Line, "The district has one entry for \"another school, or not sure\"; this would be a second.");
            }
        }
    }
}

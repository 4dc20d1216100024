using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TipLine.Contracts;

namespace TipLine.Directory;

public sealed record TeamInput(string Name, string WorkingLanguage);

public sealed record SchoolInput(string Name, string Code, Guid TeamId, bool IsDistrictWide = false);

/// <summary>What a save did: the saved row's id, or what is wrong in words for the administrator.</summary>
public sealed record DirectoryChange(Guid? Id, IReadOnlyList<string> Errors)
{
    public bool Saved => Errors.Count == 0;
}

/// <summary>
/// The district's schools and teams as its administrators change them. Checks that a change makes sense; who may make it
/// is the caller's decision. This process's cached directory answers are dropped at once; other processes see the change
/// when their cache expires (<see cref="SchoolDirectory"/>, 30 seconds).
/// </summary>
public sealed partial class SchoolAdministration(DirectoryDbContext db, IMemoryCache cache)
{
    public async Task<DirectoryChange> SaveTeamAsync(Guid? id, TeamInput input, CancellationToken ct)
    {
        var name = (input.Name ?? "").Trim();
        var errors = new List<string>();
        if (name.Length is 0 or > 200) errors.Add("Give the team a name (at most 200 characters).");
        if (!LanguageCodes.Reporter.Contains(input.WorkingLanguage ?? "")) errors.Add($"\"{input.WorkingLanguage}\" is not a language TipLine translates into.");
        // Case-insensitively: imports and people find teams by name.
        if (await db.Teams.AnyAsync(t => EF.Functions.ILike(t.Name, EscapeLike(name)) && t.Id != id, ct)) errors.Add($"There is already a team called {name}.");
        var team = id is { } existing ? await db.Teams.SingleOrDefaultAsync(t => t.Id == existing, ct) : null;
        if (id is not null && team is null) errors.Add("There is no such team.");
        if (errors.Count > 0) return new DirectoryChange(null, errors);
        if (team is null) db.Teams.Add(team = new Team { Id = Guid.NewGuid(), Name = name });
        team.Name = name;
        team.WorkingLanguage = input.WorkingLanguage!;
        await db.SaveChangesAsync(ct);
        Forget(await db.Schools.Where(s => s.TeamId == team.Id).Select(s => s.Id).ToListAsync(ct));
        return new DirectoryChange(team.Id, []);
    }

    public async Task<DirectoryChange> SaveSchoolAsync(Guid? id, SchoolInput input, CancellationToken ct)
    {
        var name = (input.Name ?? "").Trim();
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        var errors = new List<string>();
        if (name.Length is 0 or > 200) errors.Add("Give the school a name (at most 200 characters).");
        if (!SchoolCodeShape().IsMatch(code)) errors.Add("A school code is 2 to 20 letters or digits, e.g. LHS: reporters type it in a text.");
        else if (await db.Schools.AnyAsync(s => s.Code == code && s.Id != id, ct)) errors.Add($"Another school already has the code {code}.");
        if (!await db.Teams.AnyAsync(t => t.Id == input.TeamId, ct)) errors.Add("Choose the team that takes this school's tips.");
        if (input.IsDistrictWide && await db.Schools.AnyAsync(s => s.IsDistrictWide && s.Id != id, ct))
        {
            errors.Add("The district already has its entry for \"another school, or not sure\"; change that one instead.");
        }
        var school = id is { } existing ? await db.Schools.SingleOrDefaultAsync(s => s.Id == existing, ct) : null;
        if (id is not null && school is null) errors.Add("There is no such school.");
        if (errors.Count > 0) return new DirectoryChange(null, errors);
        if (school is null) db.Schools.Add(school = new School { Id = Guid.NewGuid(), Name = name, Code = code });
        school.Name = name;
        school.Code = code;
        school.TeamId = input.TeamId;
        school.IsDistrictWide = input.IsDistrictWide;
        await db.SaveChangesAsync(ct);
        Forget([school.Id]);
        return new DirectoryChange(school.Id, []);
    }

    /// <summary>
    /// Points a phone number tips are texted or called to at a school, or (<paramref name="schoolId"/> null) makes it a
    /// shared district number, where the reporter names the school. Adds the number or moves it.
    /// </summary>
    public async Task<DirectoryChange> SaveNumberAsync(string number, Guid? schoolId, CancellationToken ct)
    {
        var e164 = new string(number.Where(c => c == '+' || char.IsAsciiDigit(c)).ToArray());
        var errors = new List<string>();
        if (!PhoneNumberShape().IsMatch(e164)) errors.Add("Give the number in international form, e.g. +15555550123.");
        if (schoolId is { } school && !await db.Schools.AnyAsync(s => s.Id == school, ct)) errors.Add("There is no such school.");
        if (errors.Count > 0) return new DirectoryChange(null, errors);
        var row = await db.ChannelNumbers.SingleOrDefaultAsync(n => n.Number == e164, ct);
        if (row is null) db.ChannelNumbers.Add(row = new ChannelNumber { Number = e164 });
        row.SchoolId = schoolId;
        await db.SaveChangesAsync(ct);
        return new DirectoryChange(schoolId, []);
    }

    /// <summary>
    /// Takes a number out of service. A text or call that still reaches it is kept, and the reporter is asked for the
    /// school, as on a shared district number.
    /// </summary>
    public async Task<DirectoryChange> RemoveNumberAsync(string number, CancellationToken ct)
    {
        var removed = await db.ChannelNumbers.Where(n => n.Number == number).ExecuteDeleteAsync(ct);
        return removed == 0 ? new DirectoryChange(null, ["There is no such number."]) : new DirectoryChange(null, []);
    }

    public async Task<IReadOnlyList<ChannelNumber>> ListNumbersAsync(CancellationToken ct) =>
        await db.ChannelNumbers.AsNoTracking().OrderBy(n => n.Number).ToListAsync(ct);

    public async Task<IReadOnlyList<School>> ListSchoolsAsync(CancellationToken ct) =>
        await db.Schools.AsNoTracking().OrderBy(s => s.IsDistrictWide).ThenBy(s => s.Name).ToListAsync(ct);

    private void Forget(IEnumerable<Guid> schools) => SchoolDirectory.Forget(cache, schools);

    /// <summary>A name compared with ILIKE as itself: its % and _ are not wildcards.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    public static bool IsSchoolCode(string code) => SchoolCodeShape().IsMatch(code);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumberShape();

    [GeneratedRegex("^[A-Z0-9]{2,20}$")]
    private static partial Regex SchoolCodeShape();
}

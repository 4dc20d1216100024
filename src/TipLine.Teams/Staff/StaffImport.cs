using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TipLine.Directory;
using TipLine.Teams.District;

namespace TipLine.Teams.Staff;

/// <summary>What a staff import did, or (checked, or refused for errors) would do.</summary>
internal sealed record StaffImportReport(
    int Rows, int ToInvite, int Unchanged, IReadOnlyList<RowError> Errors, IReadOnlyList<RowError> NotSent, bool Applied);

/// <summary>
/// Invites a district's staff from CSV (<c>email,name,team,role,district_admin</c>): every row is checked first and one
/// mistake anywhere means nobody is invited. An address that already has an account or an open invitation is left as it
/// is (its other fields unchecked), so the same file imported twice invites nobody twice, and an exported list
/// (<c>/staff/admin/staff.csv</c>) goes back in unchanged. Each invitation is an ordinary one (its email, its link).
/// </summary>
internal sealed class StaffImport(StaffAccounts accounts, SchoolDirectory directory, UserManager<StaffUser> users)
{
    public static readonly string[] Columns = ["email", "name", "team", "role"];

    public async Task<StaffImportReport> ImportAsync(StaffManager by, Stream csv, bool dryRun, string baseUrl, CancellationToken ct,
        IProgress<(int Done, int Of)>? progress = null)
    {
        var (lines, errors) = await CsvTable.ReadAsync(csv, Columns);
        var problems = errors.ToList();
        var teams = (await directory.ListTeamsAsync(ct)).DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var invitations = new List<(int Line, InvitationRequest Request)>();
        var unchanged = 0;
        foreach (var line in lines)
        {
            var email = line["email"];
            var rowProblems = new List<string>();
            if (!MailboxAddress.TryParse(email, out var address) || address.Address != email || !email.Contains('@', StringComparison.Ordinal))
            {
                rowProblems.Add($"\"{email}\" is not one email address.");
            }
            else if (seen.TryGetValue(email, out var first)) rowProblems.Add($"{email} is already on line {first}.");
            else
            {
                seen[email] = line.Line;
                // An existing account is left as it is whatever the row says, so an exported list (district
                // administrators on no team included) goes back in unchanged.
                if (await users.FindByEmailAsync(email) is not null)
                {
                    unchanged++;
                    continue;
                }
            }
            if (line["name"].Length is 0 or > 200) rowProblems.Add("The member needs a name (at most 200 characters).");
            var team = teams.GetValueOrDefault(line["team"]);
            if (team is null) rowProblems.Add($"There is no team called \"{line["team"]}\".");
            else if (!by.CanManage(team.Id)) rowProblems.Add($"You manage only your own team, not {team.Name}.");
            var role = Role(line["role"]);
            if (role is null) rowProblems.Add($"\"{line["role"]}\" is not a role: administrator, mental-health professional or law-enforcement liaison.");
            var districtAdmin = CsvTable.YesNo(line["district_admin"]);
            if (districtAdmin is null) rowProblems.Add($"district_admin is yes or no, not \"{line["district_admin"]}\".");
            else if (districtAdmin == true && !by.IsDistrictAdmin) rowProblems.Add("Only a district administrator can make another.");
            problems.AddRange(rowProblems.Select(p => new RowError(line.Line, p)));
            if (rowProblems.Count > 0) continue;
            invitations.Add((line.Line, new InvitationRequest(email, line["name"], team!.Id, role!.Value, districtAdmin == true)));
        }
        var report = new StaffImportReport(lines.Count, invitations.Count, unchanged, problems, [], Applied: false);
        if (dryRun || problems.Count > 0) return report;

        var notSent = new List<RowError>();
        foreach (var (line, request) in invitations)
        {
            var result = await accounts.InviteAsync(by, request, baseUrl, ct);
            if (result.Outcome != AccountOutcome.Done) notSent.Add(new RowError(line, string.Join(" ", result.Errors)));
            progress?.Report((invitations.IndexOf((line, request)) + 1, invitations.Count));
        }
        return report with { NotSent = notSent, Applied = true };
    }

    private static TeamRole? Role(string text) => new string(text.Where(char.IsLetter).ToArray()).ToLowerInvariant() switch
    {
        "administrator" or "admin" => TeamRole.Administrator,
        "mentalhealthprofessional" or "mentalhealth" => TeamRole.MentalHealthProfessional,
        "lawenforcementliaison" or "lawenforcement" or "sro" => TeamRole.LawEnforcementLiaison,
        _ => null,
    };
}

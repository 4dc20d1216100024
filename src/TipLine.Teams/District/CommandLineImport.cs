using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Teams.Audit;
using TipLine.Teams.Staff;

namespace TipLine.Teams.District;

/// <summary>
/// The import command's work, the same as the pages' (same checks, all or nothing, audited), done for a named district
/// administrator.
/// </summary>
internal static class CommandLineImport
{
    public static async Task<(bool Succeeded, string Summary, IReadOnlyList<string> Problems)> RunAsync(IServiceProvider services, string what,
        Stream csv, bool dryRun, string actorEmail, IProgress<(int Done, int Of)>? progress, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var actor = await users.FindByEmailAsync(actorEmail);
        if (actor is null || !await users.IsInRoleAsync(actor, StaffRoles.DistrictAdmin))
        {
            return (false, $"{actorEmail} is not a district administrator.", []);
        }
        var audit = services.GetRequiredService<AuditLog>();
        var db = services.GetRequiredService<TeamsDbContext>();
        (bool, string, IReadOnlyList<string>) outcome;
        if (what == "schools")
        {
            var (rows, parseErrors) = await SchoolsCsv.ReadAsync(csv);
            var report = await services.GetRequiredService<SchoolImport>().ImportAsync(rows, dryRun || parseErrors.Count > 0, ct);
            var errors = parseErrors.Concat(report.Errors).ToList();
            outcome = (errors.Count == 0, $"{report.Rows} rows: {report.SchoolsCreated} new schools, {report.SchoolsChanged} changed, " +
                $"{report.SchoolsUnchanged} unchanged, {report.TeamsCreated} new teams. " +
                (report.Applied && errors.Count == 0 ? "Imported." : errors.Count > 0 ? "Nothing was imported." : "Checked only (--dry-run)."),
                [.. errors.Select(e => $"line {e.Line}: {e.Error}")]);
            audit.Record(actor.Id, AuditActions.ImportSchools, null, allowed: true, detail: Detail(outcome.Item2));
        }
        else
        {
            var baseUrl = services.GetRequiredService<IOptions<AlertOptions>>().Value.StaffBaseUrl;
            if (baseUrl.Length == 0) return (false, "Alerts:StaffBaseUrl must be set: invitation links start there.", []);
            var by = new StaffManager(actor.Id, IsDistrictAdmin: true, (await services.GetRequiredService<SchoolDirectory>().MemberAsync(actor.Id, ct))?.TeamId);
            var report = await services.GetRequiredService<StaffImport>().ImportAsync(by, csv, dryRun, baseUrl, ct, progress);
            outcome = (report.Errors.Count == 0 && report.NotSent.Count == 0,
                $"{report.Rows} rows: {report.ToInvite} to invite, {report.Unchanged} already there. " +
                (report.Applied ? $"Invited {report.ToInvite - report.NotSent.Count}." : report.Errors.Count > 0 ? "Nobody was invited." : "Checked only (--dry-run)."),
                [.. report.Errors.Concat(report.NotSent).Select(e => $"line {e.Line}: {e.Error}")]);
            audit.Record(actor.Id, AuditActions.ImportStaff, null, allowed: true, detail: Detail(outcome.Item2));
        }
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    private static string Detail(string summary) => ("command line: " + summary) is var text && text.Length > 200 ? text[..200] : text;
}

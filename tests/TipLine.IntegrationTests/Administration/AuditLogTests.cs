using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams;
using TipLine.Teams.Api;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>District administrators browse, filter, export and check the audit log; nobody else can.</summary>
public sealed class AuditLogTests : RunningDistrict
{
    private const string Admin = "admin@demo.tipline.test";
    private const string Counselor = "counselor@demo.tipline.test";

    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_are_listed_filtered_and_exported_for_a_district_administrator_only()
    {
        using (var mistyped = App.CreateClient())
        using (var failed = await mistyped.PostAsJsonAsync("/api/auth/login", new LoginRequest(Counselor, "not-the-password-at-all")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        using (var stranger = App.CreateClient())
        using (await stranger.PostAsJsonAsync("/api/auth/login", new LoginRequest("nobody@elsewhere.test", "whatever-it-is-123")))
        {
        }
        using var counselor = await StaffClient.SignInAsync(App, Counselor);
        await counselor.QueueAsync();
        using var admin = await StaffClient.SignInAsync(App, Admin);

        var failures = await admin.Http.GetStringAsync("/staff/admin/audit?action=staff.sign_in_failed");
        var rows = Rows(failures);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("counselor@demo.tipline.test", StringComparison.Ordinal) && r.Contains("wrong password", StringComparison.Ordinal)
            && r.Contains("Lincoln High BTAM", StringComparison.Ordinal) && r.Contains("refused", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("(no such account)", StringComparison.Ordinal) && r.Contains("unknown account", StringComparison.Ordinal));
        Assert.DoesNotContain("nobody@elsewhere.test", failures, StringComparison.Ordinal);

        var counselorsViews = Rows(await admin.Http.GetStringAsync("/staff/admin/audit?who=counselor%40demo.tipline.test&action=queue.view&outcome=allowed"));
        Assert.Single(counselorsViews);

        using var export = await admin.Http.GetAsync("/staff/admin/audit.csv?action=staff.sign_in_failed");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Id,At,Who,Action,Team,CaseId,Allowed,Detail,Hash", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("wrong password", StringComparison.Ordinal) && l.Contains("False", StringComparison.Ordinal));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'audit.export' AND \"Allowed\""));

        // A member who is not a district administrator is refused page and export, and each refusal is audited.
        using var page = await counselor.Http.GetAsync("/staff/admin/audit");
        using var csv = await counselor.Http.GetAsync("/staff/admin/audit.csv");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        var counselorId = App.Accounts.Single(a => a.Email == Counselor).StaffId;
        Assert.Equal(2L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM teams.audit_entries WHERE \"ActorId\" = '{counselorId}' AND \"Action\" IN ('audit.view', 'audit.export') AND NOT \"Allowed\""));
    }

    [Fact]
    public async Task The_chain_check_names_the_first_entry_changed_or_removed_behind_the_triggers_back()
    {
        using var counselor = await StaffClient.SignInAsync(App, Counselor);
        // Entries written at once by many requests still form one chain.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => counselor.QueueAsync()));
        using var admin = await StaffClient.SignInAsync(App, Admin);

        var (status, intact) = await admin.SubmitAsync("/staff/admin/audit", "/staff/admin/audit?handler=Check");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Intact:", intact, StringComparison.Ordinal);
        Assert.True(await CheckAsync());

        var changed = await App.Database.ScalarAsync<long>("SELECT \"Id\" FROM teams.audit_entries WHERE \"Action\" = 'queue.view' ORDER BY \"Id\" OFFSET 3 LIMIT 1");
        await BehindTheTriggersAsync($"UPDATE teams.audit_entries SET \"Allowed\" = NOT \"Allowed\" WHERE \"Id\" = {changed}");
        var (_, broken) = await admin.SubmitAsync("/staff/admin/audit", "/staff/admin/audit?handler=Check");
        Assert.Contains($"<strong id=\"first-mismatch\">{changed}</strong>", broken, StringComparison.Ordinal);
        var output = new StringWriter();
        Assert.False(await TeamsModule.CheckAuditChainAsync(Configuration(), output));
        Assert.Contains($"CHAIN BROKEN at entry {changed}", output.ToString(), StringComparison.Ordinal);

        // Putting the value back mends it; removing an entry names the one after the gap.
        await BehindTheTriggersAsync($"UPDATE teams.audit_entries SET \"Allowed\" = NOT \"Allowed\" WHERE \"Id\" = {changed}");
        Assert.True(await CheckAsync());
        var next = await App.Database.ScalarAsync<long>($"SELECT min(\"Id\") FROM teams.audit_entries WHERE \"Id\" > {changed}");
        await BehindTheTriggersAsync($"DELETE FROM teams.audit_entries WHERE \"Id\" = {changed}");
        output = new StringWriter();
        Assert.False(await TeamsModule.CheckAuditChainAsync(Configuration(), output));
        Assert.Contains($"CHAIN BROKEN at entry {next}", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_newest_entries_is_found_from_the_chains_head()
    {
        using var counselor = await StaffClient.SignInAsync(App, Counselor);
        await counselor.QueueAsync();
        Assert.True(await CheckAsync());
        var newest = await App.Database.ScalarAsync<long>("SELECT max(\"Id\") FROM teams.audit_entries");

        await BehindTheTriggersAsync($"DELETE FROM teams.audit_entries WHERE \"Id\" = {newest}");

        var output = new StringWriter();
        Assert.False(await TeamsModule.CheckAuditChainAsync(Configuration(), output));
        Assert.Contains($"the chain's head is entry {newest}", output.ToString(), StringComparison.Ordinal);
    }

    private Task<bool> CheckAsync() => TeamsModule.CheckAuditChainAsync(Configuration(), TextWriter.Null);

    private IConfiguration Configuration() =>
        new ConfigurationBuilder().AddInMemoryCollection(
            [new("ConnectionStrings:TipLine", App.Database.ConnectionString)]).Build();

    /// <summary>What only the schema's owner can do: switch the append-only triggers off, edit, switch them on.</summary>
    private Task<object> BehindTheTriggersAsync(string sql) => App.Database.ScalarAsync<object>(
        $"ALTER TABLE teams.audit_entries DISABLE TRIGGER USER; {sql}; ALTER TABLE teams.audit_entries ENABLE TRIGGER USER; SELECT 1");

    private static List<string> Rows(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return [.. System.Text.RegularExpressions.Regex.Matches(body, "<tr>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[1].Value)];
    }
}

using System.Net;
using TipLine.IntegrationTests.Channels;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>A district invites its staff from CSV: checked row by row, nobody invited on a mistake, nobody twice.</summary>
public sealed class StaffImportTests : EmailDistrict
{
    [Fact]
    public async Task A_list_with_a_mistake_invites_nobody_and_a_good_one_invites_each_new_member_once()
    {
        var first = MailServer.NewUser("first", "district.test");
        var second = MailServer.NewUser("second", "district.test");
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var accounts = await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.\"AspNetUsers\"");

        var (refused, refusedHtml) = await UploadAsync(admin, $"""
            email,name,team,role,district_admin
            {first},Morgan First,Lincoln High BTAM team,mental-health professional,no
            {second},Casey Second,Nowhere team,administrator,no
            not-an-address,Someone,Lincoln High BTAM team,counselor,maybe
            """, apply: true);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("Nobody was invited.", refusedHtml, StringComparison.Ordinal);
        var errors = WebUtility.HtmlDecode(refusedHtml);
        Assert.Contains("<td>3</td><td>There is no team called \"Nowhere team\".</td>", errors, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>\"not-an-address\" is not one email address.</td>", errors, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>\"counselor\" is not a role", errors, StringComparison.Ordinal);
        Assert.Equal(accounts, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.\"AspNetUsers\""));

        var good = $"""
            email,name,team,role,district_admin
            {first},Morgan First,Lincoln High BTAM team,mental-health professional,no
            {second},Casey Second,North side BTAM team,Administrator,
            counselor@demo.tipline.test,Sam Counselor,Lincoln High BTAM team,mental-health professional,no
            """;
        var (_, checkedHtml) = await UploadAsync(admin, good, apply: false);
        Assert.Contains("3 rows: 2 to invite, 1 already there. Nobody is invited until you press Invite.", checkedHtml, StringComparison.Ordinal);
        var (status, invited) = await UploadAsync(admin, good, apply: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Invited 2.", invited, StringComparison.Ordinal);
        Assert.Single(await Mail.WaitForMessagesAsync(first, 1, "the first invitation"));
        Assert.Single(await Mail.WaitForMessagesAsync(second, 1, "the second invitation"));

        var (_, again) = await UploadAsync(admin, good, apply: true);
        Assert.Contains("3 rows: 0 to invite, 3 already there. Invited 0.", again, StringComparison.Ordinal);
        Assert.Equal(accounts + 2, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.\"AspNetUsers\""));
        Assert.Single(await Mail.MessagesAsync(first));

        // Exported, the list goes back in unchanged: every row is an account that is already there.
        var exported = await admin.Http.GetStringAsync("/staff/admin/staff.csv");
        Assert.StartsWith("email,name,team,role,district_admin,state,two_factor", exported, StringComparison.Ordinal);
        Assert.Contains($"{first},Morgan First,Lincoln High BTAM team,mental-health professional,no,Invited,off", exported, StringComparison.Ordinal);
        Assert.Contains("admin@demo.tipline.test,", exported, StringComparison.Ordinal);
        var rows = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var (_, reimported) = await UploadAsync(admin, exported, apply: false);
        Assert.Contains($"{rows} rows: 0 to invite, {rows} already there.", reimported, StringComparison.Ordinal);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.export' AND \"Allowed\""));

        // A team administrator's export holds their own team only; a member who manages nobody gets none.
        using var north = await StaffClient.SignInAsync(App, "north.admin@demo.tipline.test");
        var northList = await north.Http.GetStringAsync("/staff/admin/staff.csv");
        Assert.Contains(second, northList, StringComparison.Ordinal);
        Assert.DoesNotContain(first, northList, StringComparison.Ordinal);
        using var psych = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await psych.Http.GetAsync("/staff/admin/staff.csv")).StatusCode);
    }

    [Fact]
    public async Task A_name_a_spreadsheet_would_run_as_a_formula_is_exported_escaped()
    {
        using var admin = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var invitee = MailServer.NewUser("formula", "district.test");
        var (status, _) = await UploadAsync(admin, $"""
            email,name,team,role
            {invitee},"=HYPERLINK(""http://evil.test"")",Lincoln High BTAM team,administrator
            """, apply: true);
        Assert.Equal(HttpStatusCode.OK, status);
        var exported = await admin.Http.GetStringAsync("/staff/admin/staff.csv");
        Assert.Contains("'=HYPERLINK", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", exported, StringComparison.Ordinal);
    }

    private static Task<(HttpStatusCode Status, string Html)> UploadAsync(StaffClient admin, string csv, bool apply) =>
        admin.UploadAsync("/staff/admin/staff", "/staff/admin/staff?handler=Import", csv.Replace("\r\n", "\n", StringComparison.Ordinal), apply);
}

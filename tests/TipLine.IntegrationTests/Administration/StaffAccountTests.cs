using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TipLine.Directory;
using TipLine.Hosting;
using TipLine.IntegrationTests.Channels;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Api;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>Staff accounts through their life, with the emails read from a real mailbox.</summary>
public sealed partial class StaffAccountTests : EmailDistrict
{
    private const string Admin = "admin@demo.tipline.test";
    private const string GoodPassword = "Lantern-orbit-velvet-42";

    [Fact]
    public async Task An_invited_member_sets_a_password_and_a_code_from_the_emailed_link_and_works_their_teams_queue()
    {
        var invitee = MailServer.NewUser("new.counselor", "district.test");
        using var admin = await StaffClient.SignInAsync(App, Admin);
        var (status, page) = await admin.SubmitAsync("/staff/admin/staff", "/staff/admin/staff?handler=Invite",
            ("email", invitee), ("name", "Alex Newman"), ("team", DemoDistrict.LincolnTeam.ToString()), ("role", nameof(TeamRole.MentalHealthProfessional)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Invitation sent to {invitee}", page, StringComparison.Ordinal);

        var invitation = (await Mail.WaitForMessagesAsync(invitee, 1, "the invitation")).Single();
        Assert.Equal("You are invited to TipLine", invitation.Subject);
        var link = Link(invitation.TextBody!, "welcome");
        using var member = new StaffClient(App.CreateClient());
        var (weak, weakPage) = await member.SubmitAsync(link, link, ("password", "password1234"), ("confirm", "password1234"));
        Assert.Equal(HttpStatusCode.BadRequest, weak);
        Assert.Contains("too easy to guess", weakPage, StringComparison.Ordinal);
        var (accepted, _) = await member.SubmitAsync(link, link, ("password", GoodPassword), ("confirm", GoodPassword));
        Assert.Equal(HttpStatusCode.Redirect, accepted);

        // Straight on to the second factor, before anything else.
        using (var setupPage = await member.Http.GetAsync("/staff"))
        {
            Assert.Equal("/staff/two-factor", setupPage.Headers.Location?.OriginalString);
        }
        await member.TurnOnTwoFactorAsync();
        using (var reporter = new ReporterClient(App.CreateClient()))
        {
            await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "A boy in my class said he will bring his dad's gun on Monday");
        }
        Assert.Equal("web", (await member.WaitForCaseAsync()).Channel);

        // The link worked once; the roster shows the member on the team with two-factor on.
        var (again, againPage) = await new StaffClient(App.CreateClient()).SubmitAsync(link, link, ("password", GoodPassword), ("confirm", GoodPassword));
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains("expired or has been used", againPage, StringComparison.Ordinal);
        var row = Row(await admin.Http.GetStringAsync("/staff/admin/staff"), "Alex Newman");
        Assert.Contains("Lincoln High BTAM team", row, StringComparison.Ordinal);
        Assert.Contains("<td>on</td>", row, StringComparison.Ordinal);
        Assert.Contains("Active", row, StringComparison.Ordinal);
        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.invitation.accept'"));
    }

    [Fact]
    public async Task A_password_reset_link_works_once_and_ends_the_members_other_sessions()
    {
        var invitee = MailServer.NewUser("forgetful", "district.test");
        using (var admin = await StaffClient.SignInAsync(App, Admin))
        {
            using var invited = await admin.Http.PostAsJsonAsync("/api/admin/staff/invitations",
                new { Email = invitee, DisplayName = "Robin Forgetful", TeamId = DemoDistrict.LincolnTeam, Role = "LawEnforcementLiaison" }, StaffClient.Json);
            Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        }
        var link = Link((await Mail.WaitForMessagesAsync(invitee, 1, "the invitation")).Single().TextBody!, "welcome");
        using var session = new StaffClient(App.CreateClient());
        await session.SubmitAsync(link, link, ("password", GoodPassword), ("confirm", GoodPassword));
        var code = await App.SignInCodeAsync(invitee);
        using (var signedIn = await session.Http.PostAsJsonAsync("/api/auth/login", new LoginRequest(invitee, GoodPassword, code)))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/cases")).StatusCode);

        using var anonymous = new StaffClient(App.CreateClient());
        var (_, asked) = await anonymous.SubmitAsync("/staff/forgot", "/staff/forgot", ("email", invitee));
        var (_, unknown) = await anonymous.SubmitAsync("/staff/forgot", "/staff/forgot", ("email", "nobody@district.test"));
        Assert.Equal(Answer(asked), Answer(unknown));
        var reset = (await Mail.WaitForMessagesAsync(invitee, 2, "the reset email")).Single(m => m.Subject == "Reset your TipLine password");
        var resetLink = Link(reset.TextBody!, "reset");

        const string newPassword = "Marble-thicket-sonar-77";
        var (saved, savedPage) = await anonymous.SubmitAsync(resetLink, resetLink, ("password", newPassword), ("confirm", newPassword));
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Contains("Your password is changed", savedPage, StringComparison.Ordinal);
        var (reused, reusedPage) = await anonymous.SubmitAsync(resetLink, resetLink, ("password", "Another-quiet-harbor-31"), ("confirm", "Another-quiet-harbor-31"));
        Assert.Equal(HttpStatusCode.BadRequest, reused);
        Assert.Contains("expired or has been used", reusedPage, StringComparison.Ordinal);

        // The session opened before the reset is over; the new password (and the code) opens a new one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/cases")).StatusCode);
        using var fresh = App.CreateClient();
        using (var oldPassword = await fresh.PostAsJsonAsync("/api/auth/login", new LoginRequest(invitee, GoodPassword, code)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        }
        using (var newOne = await fresh.PostAsJsonAsync("/api/auth/login", new LoginRequest(invitee, newPassword, await App.SignInCodeAsync(invitee))))
        {
            Assert.Equal(HttpStatusCode.NoContent, newOne.StatusCode);
        }
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.password_reset.request' AND \"Detail\" = 'unknown account'"));
    }

    [Fact]
    public async Task A_deactivated_members_open_session_is_refused_on_the_next_request_and_they_leave_the_on_call_directory()
    {
        using var counselor = await StaffClient.SignInAsync(App, "counselor@demo.tipline.test");
        Assert.Equal(HttpStatusCode.OK, (await counselor.Http.GetAsync("/api/cases")).StatusCode);
        var counselorId = App.Accounts.Single(a => a.Email == "counselor@demo.tipline.test").StaffId;

        using var admin = await StaffClient.SignInAsync(App, Admin);
        var (status, page) = await admin.SubmitAsync("/staff/admin/staff", "/staff/admin/staff?handler=Deactivate", ("staffId", counselorId.ToString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Account deactivated", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await counselor.Http.GetAsync("/api/cases")).StatusCode);
        using var again = App.CreateClient();
        using (var refused = await again.PostAsJsonAsync("/api/auth/login",
            new LoginRequest("counselor@demo.tipline.test", TipLineApp.StaffPassword, await App.SignInCodeAsync("counselor@demo.tipline.test"))))
        {
            Assert.Equal(HttpStatusCode.Locked, refused.StatusCode);
        }
        Assert.Equal(0L, await App.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM directory.team_members WHERE \"Id\" = '{counselorId}' AND \"DeactivatedAt\" IS NULL"));
        Assert.Contains("Deactivated", Row(await admin.Http.GetStringAsync("/staff/admin/staff"), "Sam Counselor"), StringComparison.Ordinal);

        // A deactivated account gets no reset link.
        using var anonymous = new StaffClient(App.CreateClient());
        await anonymous.SubmitAsync("/staff/forgot", "/staff/forgot", ("email", "counselor@demo.tipline.test"));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.password_reset.request' AND \"Detail\" = 'no usable account'"));
    }

    [Fact]
    public async Task A_team_administrator_manages_only_their_own_team_and_other_members_manage_nobody()
    {
        using var north = await StaffClient.SignInAsync(App, "north.admin@demo.tipline.test");
        var roster = await north.Http.GetFromJsonAsync<List<RosterRow>>("/api/admin/staff", StaffClient.Json);
        Assert.NotEmpty(roster!);
        Assert.All(roster!, r => Assert.Equal("North side BTAM team", r.Team));
        using var elsewhere = await north.Http.PostAsJsonAsync("/api/admin/staff/invitations",
            new { Email = MailServer.NewUser("x", "district.test"), DisplayName = "X", TeamId = DemoDistrict.LincolnTeam, Role = "Administrator" }, StaffClient.Json);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        var lincolnCounselor = App.Accounts.Single(a => a.Email == "counselor@demo.tipline.test").StaffId;
        using var deactivate = await north.Http.PostAsync($"/api/admin/staff/{lincolnCounselor}/deactivate", null);
        Assert.Equal(HttpStatusCode.Forbidden, deactivate.StatusCode);

        // An invitation to their own team, not yet accepted, is theirs to withdraw: the emailed link then opens nothing.
        var invitee = MailServer.NewUser("north.new", "district.test");
        using (var invited = await north.Http.PostAsJsonAsync("/api/admin/staff/invitations",
            new { Email = invitee, DisplayName = "Nora North", TeamId = DemoDistrict.NorthTeam, Role = "MentalHealthProfessional" }, StaffClient.Json))
        {
            Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        }
        var pending = (await north.Http.GetFromJsonAsync<List<RosterRow>>("/api/admin/staff", StaffClient.Json))!.Single(r => r.Name == "Nora North");
        using (var withdrawn = await north.Http.PostAsync($"/api/admin/staff/{pending.StaffId}/deactivate", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        }
        var welcome = Link((await Mail.WaitForMessagesAsync(invitee, 1, "the invitation")).Single().TextBody!, "welcome");
        var (late, _) = await new StaffClient(App.CreateClient()).SubmitAsync(welcome, welcome, ("password", GoodPassword), ("confirm", GoodPassword));
        Assert.Equal(HttpStatusCode.BadRequest, late);

        // A team administrator on the same team as a district administrator still cannot touch that account.
        using (var district = await StaffClient.SignInAsync(App, Admin))
        {
            var sro = App.Accounts.Single(a => a.Email == "sro@demo.tipline.test").StaffId;
            using var promoted = await district.Http.PutAsJsonAsync($"/api/admin/staff/{sro}/role", new { Role = "Administrator" });
            Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        }
        using (var lincolnTeamAdmin = await StaffClient.SignInAsync(App, "sro@demo.tipline.test"))
        {
            var districtAdmin = App.Accounts.Single(a => a.Email == Admin).StaffId;
            using var refused = await lincolnTeamAdmin.Http.PostAsync($"/api/admin/staff/{districtAdmin}/deactivate", null);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var psych = await StaffClient.SignInAsync(App, "north.psych@demo.tipline.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await psych.Http.GetAsync("/staff/admin/staff")).StatusCode);
        // The menu offers a member what they may open: the queue's page has no link to staff accounts for them.
        var psychQueue = await psych.Http.GetStringAsync("/staff");
        Assert.Contains("/staff/two-factor", psychQueue, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff/admin/", psychQueue, StringComparison.Ordinal);
        using (var teamAdmin = await StaffClient.SignInAsync(App, "sro@demo.tipline.test"))
        {
            var teamAdminQueue = await teamAdmin.Http.GetStringAsync("/staff");
            Assert.Contains("/staff/admin/staff", teamAdminQueue, StringComparison.Ordinal);
            Assert.DoesNotContain("/staff/admin/audit", teamAdminQueue, StringComparison.Ordinal);
        }
        Assert.Equal(4L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" IN ('staff.invite', 'staff.deactivate', 'staff.view') AND NOT \"Allowed\""));
    }

    private sealed record RosterRow(Guid StaffId, string Name, string? Team);

    private static string Link(string text, string page) =>
        new Uri(Regex.Match(text, $@"https?://\S+/staff/{page}\?\S+").Value).PathAndQuery;

    private static string Answer(string html) => Regex.Match(html, "<p id=\"asked\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;

    private static string Row(string html, string name) =>
        Regex.Matches(html, "<tr data-staff=[^>]*>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).Single(r => r.Contains(name, StringComparison.Ordinal));
}

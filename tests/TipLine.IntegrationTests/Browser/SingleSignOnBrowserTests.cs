using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TipLine.Hosting;
using TipLine.IntegrationTests.Channels;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Staff.SingleSignOn;
using Xunit;

namespace TipLine.IntegrationTests.Browser;

/// <summary>
/// Single sign-on in headless Chromium against a real OpenID provider: an invited member who never set a password signs in
/// with the district's account and joins the team; nobody without an invitation, and no unverified address, gets in.
/// </summary>
public sealed class SingleSignOnBrowserTests
{
    [Fact]
    public async Task An_invitee_signs_in_with_the_district_provider_and_a_stranger_or_an_unverified_address_is_refused()
    {
        var mail = await MailServer.GetAsync();
        var (port, sso) = OpenIdProvider.Reserve();
        await using var district = await AppEnvironment.CreateAsync();
        await using var app = await TipLineApp.StartAsync(district, settings: new Dictionary<string, string?>(sso)
        {
            ["Email:Smtp:Host"] = mail.SmtpHost,
            ["Email:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Alerts:EmailFrom"] = "tipline@demo.tipline.test",
        });
        await using var provider = await OpenIdProvider.StartAsync(port, app.BaseAddress);

        var invitee = MailServer.NewUser("sso.counselor", "district.test");
        using (var admin = await StaffClient.SignInAsync(app, "admin@demo.tipline.test"))
        using (var invited = await admin.Http.PostAsJsonAsync("/api/admin/staff/invitations",
            new { Email = invitee, DisplayName = "Sky Provider", TeamId = DemoDistrict.LincolnTeam, Role = "MentalHealthProfessional" }, StaffClient.Json))
        {
            Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, district.Services.Chromium);

        // The invitee never follows the emailed link: the provider vouches for the address, the invitation is accepted,
        // and the second factor is set up before anything else (this provider is not trusted to have asked for one).
        var member = await (await browser.NewContextAsync()).NewPageAsync();
        await StaffPages.SignInAtProviderAsync(member, app.BaseAddress, invitee);
        var authenticator = await StaffPages.TurnOnTwoFactorAsync(member);
        await member.GotoAsync(new Uri(app.BaseAddress, "/staff").ToString());
        Assert.Equal("Team queue", await member.Locator("h1").InnerTextAsync());

        // Next time: the provider, then the app's code.
        var again = await (await browser.NewContextAsync()).NewPageAsync();
        await StaffPages.SignInAtProviderAsync(again, app.BaseAddress, invitee);
        await StaffPages.EnterNextCodeAsync(again, authenticator);
        Assert.Equal("Team queue", await again.Locator("h1").InnerTextAsync());

        var stranger = await (await browser.NewContextAsync()).NewPageAsync();
        await StaffPages.SignInAtProviderAsync(stranger, app.BaseAddress, "stranger.danger@district.test");
        Assert.Equal(SsoSignIn.NoAccount, await stranger.Locator("[role=alert]").InnerTextAsync());
        var unverified = await (await browser.NewContextAsync()).NewPageAsync();
        await StaffPages.SignInAtProviderAsync(unverified, app.BaseAddress, "unverified." + invitee);
        Assert.Contains("did not confirm its email address", await unverified.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.invitation.accept' AND \"Detail\" = 'single sign-on'"));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.sign_in' AND \"Detail\" = 'single sign-on'"));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.sign_in_failed' AND \"Detail\" = 'single sign-on: no account'"));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.sign_in_failed' AND \"Detail\" = 'single sign-on: email not verified'"));
        Assert.DoesNotContain("stranger.danger", await app.Database.EverythingStoredAsync(), StringComparison.Ordinal);
    }
}

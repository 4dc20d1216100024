using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TipLine.IntegrationTests.Channels;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Browser;

/// <summary>
/// A district builds itself from nothing in headless Chromium: the first administrator from the printed link, a team and a
/// school, a member invited by email (read from the real mailbox) who sets a password and a code, then works the queue.
/// </summary>
public sealed partial class DistrictFromNothingBrowserTests
{
    [Fact]
    public async Task The_first_administrator_sets_up_a_school_and_a_team_and_invites_a_member_who_sees_its_tips()
    {
        var mail = await MailServer.GetAsync();
        var (ssoPort, sso) = OpenIdProvider.Reserve();
        await using var district = await AppEnvironment.CreateAsync();
        await using var app = await TipLineApp.StartAsync(district, seed: false, settings: new Dictionary<string, string?>(sso)
        {
            ["Email:Smtp:Host"] = mail.SmtpHost,
            ["Email:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Alerts:EmailFrom"] = "tipline@westside.test",
        });
        var setupLink = SetupLink().Match(app.StartupOutput).Value;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, district.Services.Chromium);
        string Url(string path) => new Uri(app.BaseAddress, path).ToString();

        // The first administrator.
        var admin = await (await browser.NewContextAsync()).NewPageAsync();
        await admin.GotoAsync(Url(setupLink));
        await admin.Locator("#email").FillAsync("head@westside.test");
        await admin.Locator("#name").FillAsync("Pat Head");
        await admin.Locator("#password").FillAsync("Saffron-glacier-pylon-58");
        await admin.Locator("#confirm").FillAsync("Saffron-glacier-pylon-58");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the administrator" }).ClickAsync();
        await StaffPages.TurnOnTwoFactorAsync(admin);

        // A team and its school.
        await admin.GotoAsync(Url("/staff/admin/district"));
        await admin.Locator("#new-team-name").FillAsync("Westside BTAM team");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add the team" }).ClickAsync();
        await admin.Locator("#new-school-name").FillAsync("Westside Academy");
        await admin.Locator("#new-school-code").FillAsync("WSA");
        await admin.Locator("#new-school-team").SelectOptionAsync(new SelectOptionValue { Label = "Westside BTAM team" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add the school" }).ClickAsync();
        Assert.Contains("School Westside Academy saved", await admin.Locator("#done").InnerTextAsync(), StringComparison.Ordinal);

        // A member, invited by email.
        var invitee = MailServer.NewUser("counselor", "westside.test");
        await admin.GotoAsync(Url("/staff/admin/staff"));
        await admin.Locator("#invite-email").FillAsync(invitee);
        await admin.Locator("#invite-name").FillAsync("Jamie Counselor");
        await admin.Locator("#invite-team").SelectOptionAsync(new SelectOptionValue { Label = "Westside BTAM team" });
        await admin.Locator("#invite-role").SelectOptionAsync("MentalHealthProfessional");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        Assert.Contains("Invitation sent", await admin.Locator("#done").InnerTextAsync(), StringComparison.Ordinal);

        var invitation = (await mail.WaitForMessagesAsync(invitee, 1, "the invitation")).Single();
        var link = Regex.Match(invitation.TextBody!, @"https?://\S+/staff/welcome\?\S+").Value;
        var member = await (await browser.NewContextAsync()).NewPageAsync();
        await member.GotoAsync(link);
        await member.Locator("#password").FillAsync("Lantern-orbit-velvet-42");
        await member.Locator("#confirm").FillAsync("Lantern-orbit-velvet-42");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        var authenticator = await StaffPages.TurnOnTwoFactorAsync(member);

        // A web tip for the new school reaches the new member's queue.
        var school = await app.Database.ScalarAsync<Guid>("SELECT \"Id\" FROM directory.schools WHERE \"Code\" = 'WSA'");
        using (var reporter = new ReporterClient(app.CreateClient()))
        {
            await reporter.SubmitAsync("en", school, "Someone wrote on the bathroom wall that they will shoot up the school Friday");
        }
        await Eventually.GetAsync(async () =>
        {
            await member.GotoAsync(Url("/staff"));
            return (await member.ContentAsync()).Contains("Westside Academy", StringComparison.Ordinal) ? "seen" : null;
        }, what: "the tip in the new member's queue");
        await member.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "tipline-new-district-queue.png"), FullPage = true });

        // The same member signs in with the district's identity provider (matched by address), then the app's code.
        await using var provider = await OpenIdProvider.StartAsync(ssoPort, app.BaseAddress);
        var viaProvider = await (await browser.NewContextAsync()).NewPageAsync();
        await StaffPages.SignInAtProviderAsync(viaProvider, app.BaseAddress, invitee);
        await StaffPages.EnterNextCodeAsync(viaProvider, authenticator);
        Assert.Contains("Westside Academy", await viaProvider.ContentAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/staff/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();
}

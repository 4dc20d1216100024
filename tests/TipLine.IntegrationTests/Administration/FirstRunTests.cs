using System.Net;
using System.Text.RegularExpressions;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>A new installation: the first district administrator comes from a one-use link printed at start.</summary>
public sealed partial class FirstRunTests
{
    [Fact]
    public async Task A_new_installation_prints_a_one_use_link_that_creates_the_first_district_administrator()
    {
        await using var district = await AppEnvironment.CreateAsync();
        await using (var app = await TipLineApp.StartAsync(district, seed: false))
        {
            var link = SetupLink().Match(app.StartupOutput).Value;
            Assert.NotEmpty(link);
            using var browser = new StaffClient(app.CreateClient());
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync("/staff/setup?token=guessed")).StatusCode);

            var (weak, weakPage) = await browser.SubmitAsync(link, link,
                ("email", "head@district.test"), ("name", "Pat Head"), ("password", "district2026"), ("confirm", "district2026"));
            Assert.Equal(HttpStatusCode.BadRequest, weak);
            Assert.Contains("too easy to guess", weakPage, StringComparison.Ordinal);
            var (created, _) = await browser.SubmitAsync(link, link,
                ("email", "head@district.test"), ("name", "Pat Head"), ("password", "Saffron-glacier-pylon-58"), ("confirm", "Saffron-glacier-pylon-58"));
            Assert.Equal(HttpStatusCode.Redirect, created);

            await browser.TurnOnTwoFactorAsync();
            Assert.Contains("Pat Head (district administrator)", await browser.Http.GetStringAsync("/staff/admin/staff"), StringComparison.Ordinal);
            Assert.Contains("district.first_administrator", await browser.Http.GetStringAsync("/staff/admin/audit"), StringComparison.Ordinal);

            using var again = new StaffClient(app.CreateClient());
            Assert.Equal(HttpStatusCode.NotFound, (await again.Http.GetAsync(link)).StatusCode);
        }

        // With an administrator, a start prints no link.
        await using var restarted = await TipLineApp.StartAsync(district, seed: false);
        Assert.DoesNotContain("First run", restarted.StartupOutput, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/staff/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();
}

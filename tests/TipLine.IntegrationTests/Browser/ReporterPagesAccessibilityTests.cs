using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Browser;

/// <summary>
/// Every reporter page, in a left-to-right and a right-to-left language, scanned by axe-core in headless Chromium: the
/// form, the form with its errors, the receipt, the follow-up sign-in, a wrong receipt, and an open report with the
/// team's question. Field errors must be tied to their inputs for screen readers.
/// </summary>
public sealed class ReporterPagesAccessibilityTests : RunningDistrict
{
    [Theory]
    [InlineData("fr", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task Every_reporter_page_passes_an_axe_scan(string culture, string direction)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, Environment.Services.Chromium);
        var page = await Chromium.PhonePageAsync(browser);
        var scanned = new List<string>();

        await page.GotoAsync(new Uri(App.BaseAddress, $"/report?culture={culture}").ToString());
        Assert.Equal((culture, direction), (await page.Locator("html").GetAttributeAsync("lang"), await page.Locator("html").GetAttributeAsync("dir")));
        await ScanAsync(page, "form", scanned);

        // Sent empty: the errors are listed at the top and each is read with its field.
        await SubmitAsync(page.Locator("button[type=submit]"), page.Locator(".error-summary"));
        foreach (var field in new[] { "Form_SchoolId", "Form_WhatHappened" })
        {
            var input = page.Locator($"#{field}");
            Assert.Equal("true", await input.GetAttributeAsync("aria-invalid"));
            var describedBy = (await input.GetAttributeAsync("aria-describedby"))!.Split(' ');
            Assert.Contains($"{field}-error", describedBy);
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator($"#{field}-error").InnerTextAsync()), $"{field}'s error is empty.");
        }
        Assert.Null(await page.Locator("#Form_WhoIsInvolved").GetAttributeAsync("aria-invalid"));
        await ScanAsync(page, "form with errors", scanned);

        await page.Locator("#Form_SchoolId").SelectOptionAsync(new SelectOptionValue { Label = "Lincoln High School" });
        await page.Locator("#Form_WhatHappened").FillAsync("Un élève a montré un couteau dans le bus");
        await page.Locator("label[for=danger-no]").ClickAsync();
        await SubmitAsync(page.Locator("button[type=submit]"), page.Locator("#receipt-code"));
        var code = await page.Locator("#receipt-code").InnerTextAsync();
        var passphrase = await page.Locator("#receipt-passphrase").InnerTextAsync();
        await ScanAsync(page, "receipt", scanned);

        await page.GotoAsync(new Uri(App.BaseAddress, $"/report/followup?culture={culture}").ToString());
        await ScanAsync(page, "follow-up sign-in", scanned);
        await page.Locator("#code").FillAsync("AAAA-AAAA-AAAA");
        await page.Locator("#passphrase").FillAsync("AAAA-AAAA-AAAA-AAAA");
        await SubmitAsync(page.Locator("form button[type=submit]").First, page.Locator(".error-summary"));
        await ScanAsync(page, "wrong receipt", scanned);

        using var staff = await StaffClient.SignInAsync(App, "admin@demo.tipline.test");
        var queued = await staff.WaitForCaseAsync();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, await staff.AskAsync(queued.CaseId, "Which bus was it?"));
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#passphrase").FillAsync(passphrase);
        await SubmitAsync(page.Locator("form button[type=submit]").First, page.Locator("#report-status"));
        await Eventually.GetAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#messages .from-team").CountAsync() > 0 ? "shown" : null;
        }, what: "the team's question on the follow-up page");
        await ScanAsync(page, "open report", scanned);

        Assert.Equal(6, scanned.Count);
    }

    /// <summary>Presses a form's button and waits for what the page it leads to shows (a click alone does not wait for it).</summary>
    private static async Task SubmitAsync(ILocator button, ILocator shown)
    {
        await button.ClickAsync();
        await Assertions.Expect(shown).ToBeVisibleAsync();
    }

    private static async Task ScanAsync(IPage page, string what, List<string> scanned)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"axe found on the {what} page:\n{string.Join("\n", violations)}");
        Assert.NotEmpty(result.Passes); // the scan ran and checked something
        scanned.Add(what);
    }
}

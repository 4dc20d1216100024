using Microsoft.Playwright;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Browser;

/// <summary>A reporter in headless Chromium fills the form and reads the receipt.</summary>
public sealed class ReportFormBrowserTests : RunningDistrict
{
    [Theory]
    [InlineData("es", "ltr", "Enviar reporte", "Gracias")]
    [InlineData("ar", "rtl", "إرسال البلاغ", "شكرًا")]
    public async Task A_reporter_fills_the_form_in_their_language_and_reads_the_receipt(
        string culture, string direction, string submitLabel, string thanks)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, Environment.Services.Chromium);
        var page = await Chromium.PhonePageAsync(browser);
        await page.GotoAsync(new Uri(App.BaseAddress, "/report").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = culture == "es" ? "Español" : "العربية" }).ClickAsync();
        Assert.Equal(direction, await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));

        await page.Locator("#Form_SchoolId").SelectOptionAsync(new SelectOptionValue { Label = "Lincoln High School" });
        await page.Locator("#Form_WhatHappened").FillAsync("Un estudiante trajo un cuchillo");
        var guidance = page.Locator(".danger-guidance");
        Assert.False(await guidance.IsVisibleAsync());
        await page.Locator("label[for=danger-yes]").ClickAsync();
        Assert.True(await guidance.IsVisibleAsync()); // 911/988 guidance at once, without script
        await page.GetByRole(AriaRole.Button, new() { Name = submitLabel }).ClickAsync();

        Assert.Contains(thanks, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", await page.Locator("#receipt-code").InnerTextAsync());
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", await page.Locator("#receipt-passphrase").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"tipline-receipt-{culture}.png"), FullPage = true });
    }
}

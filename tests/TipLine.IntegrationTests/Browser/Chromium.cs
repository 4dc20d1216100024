using Microsoft.Playwright;

namespace TipLine.IntegrationTests.Browser;

/// <summary>The headless Chromium every browser test uses, and a phone-sized page in it (most reporters use a phone).</summary>
internal static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string? executable) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = executable ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    public static Task<IPage> PhonePageAsync(IBrowser browser) =>
        browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
}

using Microsoft.Playwright;
using OtpNet;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Browser;

/// <summary>What a staff member does in the browser more than one test needs: set up the app's codes, sign in at the provider.</summary>
internal static class StaffPages
{
    /// <summary>On the set-up page: adds the shown key to an authenticator app and types its code. Returns the app.</summary>
    public static async Task<Totp> TurnOnTwoFactorAsync(IPage page)
    {
        await page.WaitForURLAsync("**/staff/two-factor");
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var app = new Totp(Base32Encoding.ToBytes(key));
        await page.Locator("#code").FillAsync(app.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        return app;
    }

    /// <summary>
    /// The sign-in page's link to the district's provider, the provider's own sign-in and consent pages, and back to
    /// TipLine (the queue, the code page, the set-up page or a refusal).
    /// </summary>
    public static async Task SignInAtProviderAsync(IPage page, Uri tipLine, string account)
    {
        await page.GotoAsync(new Uri(tipLine, "/staff/login").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = $"Sign in with {OpenIdProvider.DisplayName}" }).ClickAsync();
        await page.Locator("input[name=login]").FillAsync(account);
        await page.Locator("input[name=password]").FillAsync("whatever the provider checks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(tipLine, "/staff").ToString(), StringComparison.Ordinal));
    }

    /// <summary>The code page after a password or the provider: the app's next code (the current one may have been used).</summary>
    public static async Task EnterNextCodeAsync(IPage page, Totp app)
    {
        await page.WaitForURLAsync("**/staff/login/code**");
        await page.Locator("#code").FillAsync(app.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
    }
}

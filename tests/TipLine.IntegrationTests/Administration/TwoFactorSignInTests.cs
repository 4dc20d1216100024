using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TipLine.IntegrationTests.Infrastructure;
using TipLine.Teams.Api;
using TipLine.Teams.Staff;
using Xunit;

namespace TipLine.IntegrationTests.Administration;

/// <summary>Every staff member signs in with a password and an authenticator code (or a one-use recovery code).</summary>
public sealed partial class TwoFactorSignInTests : RunningDistrict
{
    private const string Counselor = "counselor@demo.tipline.test";

    private readonly CountingHasher hasher = new();

    protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<IPasswordHasher<StaffUser>>(hasher);

    [Fact]
    public async Task An_unknown_address_costs_a_password_check_like_a_known_one_so_timing_does_not_tell_who_has_an_account()
    {
        using var client = App.CreateClient();
        var before = hasher.Checks;
        using (var unknown = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("nobody@demo.tipline.test", "a long wrong password")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }
        Assert.Equal(before + 1, hasher.Checks);
        using (var known = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(Counselor, "a long wrong password")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, known.StatusCode);
        }
        Assert.Equal(before + 2, hasher.Checks);
    }

    [Fact]
    public async Task A_member_without_a_second_factor_sets_one_up_before_anything_else_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        using var browser = new StaffClient(App.CreateClient());
        var (signedIn, _) = await browser.SubmitAsync("/staff/login", "/staff/login", ("email", Counselor), ("password", TipLineApp.StaffPassword));
        Assert.Equal(HttpStatusCode.Redirect, signedIn);

        // Password alone opens nothing but the set-up page.
        using (var queue = await browser.Http.GetAsync("/staff"))
        using (var api = await browser.Http.GetAsync("/api/cases"))
        {
            Assert.Equal("/staff/two-factor", queue.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
        var setup = await browser.Http.GetStringAsync("/staff/two-factor");
        Assert.Contains("otpauth://totp/", setup, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", setup, StringComparison.Ordinal); // the QR code
        var app = await browser.AuthenticatorAppAsync();

        var (wrongStatus, wrongPage) = await browser.SubmitAsync("/staff/two-factor", "/staff/two-factor?handler=TurnOn", ("code", WrongCode(app)));
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Contains("That code is not right", wrongPage, StringComparison.Ordinal);
        var (_, turnedOn) = await browser.SubmitAsync("/staff/two-factor", "/staff/two-factor?handler=TurnOn", ("code", app.ComputeTotp()));
        var recoveryCodes = RecoveryCodeShown().Matches(turnedOn).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        using (var queue = await browser.Http.GetAsync("/staff"))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        }

        // Next time: the password, then the code page.
        await browser.SubmitAsync("/staff", "/staff/logout");
        using var again = new StaffClient(App.CreateClient());
        var afterPassword = await PasswordStepAsync(again);
        Assert.StartsWith("/staff/login/code", afterPassword, StringComparison.Ordinal);
        using (var notYet = await again.Http.GetAsync("/staff"))
        {
            Assert.Equal("/staff/login", new Uri(App.BaseAddress, notYet.Headers.Location!).AbsolutePath);
        }
        var (refused, refusedPage) = await again.SubmitAsync(afterPassword, afterPassword, ("code", WrongCode(app)));
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.Contains("That code is not right", refusedPage, StringComparison.Ordinal);
        var (recovered, _) = await again.SubmitAsync(afterPassword, afterPassword, ("code", recoveryCodes[3]));
        Assert.Equal(HttpStatusCode.Redirect, recovered);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/api/cases")).StatusCode);
        Assert.Contains("9 unused recovery codes", await again.Http.GetStringAsync("/staff/two-factor"), StringComparison.Ordinal);

        // A recovery code works once.
        using var thief = new StaffClient(App.CreateClient());
        var codePage = await PasswordStepAsync(thief);
        var (reused, _) = await thief.SubmitAsync(codePage, codePage, ("code", recoveryCodes[3]));
        Assert.Equal(HttpStatusCode.Unauthorized, reused);

        Assert.Equal(1L, await App.Database.ScalarAsync<long>("SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.two_factor.on'"));
        Assert.Equal(2L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.sign_in_failed' AND \"Detail\" = 'wrong code'"));
        Assert.Equal(1L, await App.Database.ScalarAsync<long>(
            "SELECT count(*) FROM teams.audit_entries WHERE \"Action\" = 'staff.sign_in' AND \"Detail\" = 'recovery code'"));
    }

    [Fact]
    public async Task The_API_asks_for_the_code_and_refuses_an_account_that_has_no_second_factor_yet()
    {
        using var client = App.CreateClient();
        using (var noSetup = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(Counselor, TipLineApp.StaffPassword)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noSetup.StatusCode);
            Assert.Contains("/staff/two-factor", (await noSetup.Content.ReadFromJsonAsync<LoginRefused>())!.Error, StringComparison.Ordinal);
        }
        var code = await App.SignInCodeAsync(Counselor); // the member set up their app
        using (var noCode = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(Counselor, TipLineApp.StaffPassword)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
            Assert.True((await noCode.Content.ReadFromJsonAsync<LoginRefused>())!.TwoFactorRequired);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cases")).StatusCode);
        using (var wrongCode = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(Counselor, TipLineApp.StaffPassword, "12345x")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        }
        using (var signedIn = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(Counselor, TipLineApp.StaffPassword, code)))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);

        // The code has been used: whoever saw it cannot sign in with it, even within its 30 seconds.
        using var onlooker = App.CreateClient();
        using (var replayed = await onlooker.PostAsJsonAsync("/api/auth/login", new LoginRequest(Counselor, TipLineApp.StaffPassword, code)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await onlooker.GetAsync("/api/cases")).StatusCode);
    }

    private static async Task<string> PasswordStepAsync(StaffClient client)
    {
        var html = await client.Http.GetStringAsync("/staff/login");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.Http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = Counselor, ["password"] = TipLineApp.StaffPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>A code the app does not show in the window Identity accepts (two steps either side of now).</summary>
    private static string WrongCode(Totp app)
    {
        var near = Enumerable.Range(-2, 5).Select(step => app.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    /// <summary>Identity's hasher, counting the checks that cost a hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> inner = new();
        private int checks;

        public int Checks => Volatile.Read(ref checks);

        public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref checks);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodeShown();
}

using System.Net;
using System.Net.Http.Json;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Platform;

/// <summary>A production process behind a TLS proxy: every cookie Secure, HSTS on what the proxy says came over HTTPS.</summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private AppEnvironment environment = null!;
    private TipLineApp app = null!;

    public async Task InitializeAsync()
    {
        environment = await AppEnvironment.CreateAsync();
        // The test client connects from the reporter address; here it plays the district's reverse proxy.
        app = await TipLineApp.StartAsync(environment, development: false, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies"] = TipLineApp.ReporterAddress.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await environment.DisposeAsync();
    }

    [Fact]
    public async Task Reporter_and_staff_cookies_are_Secure_and_HTTPS_answers_carry_HSTS()
    {
        using var http = app.CreateClient();
        using var form = await http.SendAsync(Get("/report?culture=en", forwardedProto: "https"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.StartsWith("max-age=31536000", form.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Even a request that reached the process as plain HTTP gets Secure cookies; HSTS is only ever sent over HTTPS.
        using var fresh = app.CreateClient();
        using var plain = await fresh.SendAsync(Get("/report?culture=en", forwardedProto: null));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        using var login = await http.PostAsJsonAsync("/api/auth/login", new
        {
            Email = "counselor@demo.tipline.test", Password = TipLineApp.StaffPassword, Code = await app.SignInCodeAsync("counselor@demo.tipline.test"),
        });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var staffCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tl_staff", StringComparison.Ordinal));
        Assert.Contains("; secure", staffCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", staffCookie, StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Get(string path, string? forwardedProto)
    {
        // As the proxy forwards it: the district's name (HSTS is never sent for localhost or 127.0.0.1).
        var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = "tips.example.org" } };
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        return request;
    }
}

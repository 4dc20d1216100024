using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TipLine.Hosting;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Platform;

/// <summary>
/// The district's reverse proxy as shipped (infra/caddy/Caddyfile, the real Caddy) in front of TipLine: reporters and
/// staff get through, health endpoints and unknown paths do not, oversized webhooks are refused at the door, and Caddy
/// writes no reporter's address anywhere.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private readonly StringBuilder caddyOutput = new();
    private AppEnvironment environment = null!;
    private TipLineApp app = null!;
    private Process caddy = null!;
    private string caddyHome = null!;
    private Uri proxy = null!;

    public async Task InitializeAsync()
    {
        environment = await AppEnvironment.CreateAsync();
        // Caddy connects to TipLine from loopback: that is the proxy TipLine believes.
        app = await TipLineApp.StartAsync(environment, settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" });
        proxy = new Uri($"http://127.0.0.1:{FreePort()}");
        caddyHome = System.IO.Directory.CreateTempSubdirectory("tipline-caddy-").FullName;
        var upstream = $"127.0.0.1:{app.BaseAddress.Port}";
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("TIPLINE_TEST_CADDY") is { Length: > 0 } path ? path : "caddy",
            ["run", "--config", Path.Combine(AppContext.BaseDirectory, "Platform", "Caddyfile"), "--adapter", "caddyfile"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // Plain HTTP on a free port, so the test needs no certificate; everything else is the production file.
                ["TIPLINE_DOMAIN"] = proxy.ToString().TrimEnd('/'),
                ["TIPLINE_PUBLIC_UPSTREAM"] = upstream,
                ["TIPLINE_STAFF_UPSTREAM"] = upstream,
                ["TIPLINE_CADDY_ADMIN"] = "off",
                ["HOME"] = caddyHome, ["XDG_DATA_HOME"] = caddyHome, ["XDG_CONFIG_HOME"] = caddyHome,
            },
        };
        caddy = Process.Start(start)!;
        caddy.OutputDataReceived += (_, e) => { lock (caddyOutput) caddyOutput.AppendLine(e.Data); };
        caddy.ErrorDataReceived += (_, e) => { lock (caddyOutput) caddyOutput.AppendLine(e.Data); };
        caddy.BeginOutputReadLine();
        caddy.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.GetAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.NotFound ? "" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, what: "Caddy answering");
    }

    public async Task DisposeAsync()
    {
        if (!caddy.HasExited) caddy.Kill(entireProcessTree: true);
        await caddy.WaitForExitAsync();
        caddy.Dispose();
        System.IO.Directory.Delete(caddyHome, recursive: true);
        await app.DisposeAsync();
        await environment.DisposeAsync();
    }

    [Fact]
    public async Task Through_the_shipped_Caddyfile_a_tip_arrives_and_health_oversized_webhooks_and_unknown_paths_stop_at_the_proxy()
    {
        using var browser = app.CreateClient();
        browser.BaseAddress = proxy;
        using var reporter = new ReporterClient(browser);

        var submitted = await reporter.SubmitAsync("en", DemoDistrict.LincolnHigh, "A student said he is bringing a knife on Friday");

        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.NotNull(submitted.Code);
        Assert.Equal(1L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM intake.reports"));

        using var page = await browser.GetAsync("/report?culture=en");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Server"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/login")).StatusCode);

        // TipLine itself answers these; through the proxy nobody on the internet can reach them.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/.env")).StatusCode);

        // Twilio's webhooks take 64 KiB at most; Caddy cuts a bigger body off (TipLine's own limit is the same).
        using var huge = new StringContent("Body=" + new string('x', 100 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");
        using var refused = await browser.PostAsync("/twilio/sms", huge);
        // Caddy 2.7 and later answer 413; Debian 12's 2.6 reports the cut-off body as 502.
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadGateway });
        Assert.Equal(0L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM intake.sms_inbound"));

        // The reporter connected from their own address: Caddy wrote it nowhere (no access log; errors without it).
        string written;
        lock (caddyOutput) written = caddyOutput.ToString();
        Assert.True(written.Contains("too large", StringComparison.OrdinalIgnoreCase), written);
        Assert.DoesNotContain(TipLineApp.ReporterAddress.ToString(), written, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

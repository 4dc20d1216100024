using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TipLine.IntegrationTests.Infrastructure;
using Xunit;

namespace TipLine.IntegrationTests.Platform;

/// <summary>/healthz says the process lives; /readyz says whether what it needs answers, and what is only degraded.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_running_district_is_alive_and_ready_with_every_dependency_answering()
    {
        await using var environment = await AppEnvironment.CreateAsync();
        await using var app = await TipLineApp.StartAsync(environment, seed: false);
        using var http = app.CreateClient();

        using var alive = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());

        var (status, ready) = await ReadyAsync(http);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", ready.Status);
        Assert.Equal("Healthy", ready.Checks["postgresql"]);
        Assert.Contains(ready.Checks, c => c.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value == "Healthy");
        if (environment.Services.ApyBaseUrl is not null) Assert.Equal("Healthy", ready.Checks["translation"]);
    }

    [Fact]
    public async Task A_translation_engine_or_mail_server_that_does_not_answer_degrades_readiness_without_failing_it()
    {
        var closed = ClosedPort();
        await using var environment = await AppEnvironment.CreateAsync();
        await using var app = await TipLineApp.StartAsync(environment, seed: false, settings: new Dictionary<string, string?>
        {
            ["Translation:ApyBaseUrl"] = $"http://127.0.0.1:{closed}",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });
        using var http = app.CreateClient();

        var (status, ready) = await ReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", ready.Status);
        Assert.Equal(("Degraded", "Degraded", "Healthy"), (ready.Checks["translation"], ready.Checks["smtp"], ready.Checks["postgresql"]));
        Assert.DoesNotContain("127.0.0.1", ready.Body, StringComparison.Ordinal);
    }

    private sealed record Ready(string Status, Dictionary<string, string> Checks, string Body);

    private static async Task<(HttpStatusCode, Ready)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return (response.StatusCode, new Ready(json.RootElement.GetProperty("status").GetString()!, checks, body));
    }

    /// <summary>
    /// A loopback port nothing listens on: port 1 (tcpmux) needs root to open and nothing here does, whereas a port taken
    /// and let go could be picked up by a test running beside this one.
    /// </summary>
    private static int ClosedPort() => 1;
}

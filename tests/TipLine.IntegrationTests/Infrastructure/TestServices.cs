using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>
/// The real services tests run against: the ones infra/test.sh started (TIPLINE_TEST_* variables),
/// or Testcontainers where a Docker engine is available.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static TestServices? shared;
    private PostgreSqlContainer? postgresContainer;
    private RabbitMqContainer? rabbitContainer;

    public required string PostgresAdmin { get; init; }
    public required Uri RabbitMq { get; init; }
    public string? ApyBaseUrl { get; init; }
    public string? Chromium { get; init; }

    /// <summary>RabbitMQ's management HTTP API, when enabled: vhosts are made there in milliseconds instead of a rabbitmqctl run each.</summary>
    public Uri? RabbitApi { get; init; }

    /// <summary>Dovecot's IMAP (host:port) and an SMTP server delivering into it, from infra/test.sh: any user name, one password.</summary>
    public string? Imap { get; init; }
    public string? Smtp { get; init; }

    public static async Task<TestServices> GetAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            return shared ??= await StartAsync();
        }
        finally
        {
            StartLock.Release();
        }
    }

    private static async Task<TestServices> StartAsync()
    {
        PostgreSqlContainer? pg = null;
        RabbitMqContainer? rabbit = null;
        var postgres = Environment.GetEnvironmentVariable("TIPLINE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(postgres))
        {
            pg = new PostgreSqlBuilder("postgres:15").Build();
            await pg.StartAsync();
            postgres = pg.GetConnectionString();
        }
        var rabbitUri = Environment.GetEnvironmentVariable("TIPLINE_TEST_RABBITMQ");
        var rabbitApi = Environment.GetEnvironmentVariable("TIPLINE_TEST_RABBITMQ_API");
        if (string.IsNullOrEmpty(rabbitUri))
        {
            rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").WithPortBinding(15672, true).Build();
            await rabbit.StartAsync();
            rabbitUri = rabbit.GetConnectionString();
            rabbitApi = $"http://{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}/";
        }
        return new TestServices
        {
            PostgresAdmin = postgres,
            RabbitMq = new Uri(rabbitUri),
            ApyBaseUrl = Environment.GetEnvironmentVariable("TIPLINE_TEST_APY"),
            Chromium = Environment.GetEnvironmentVariable("TIPLINE_TEST_CHROMIUM"),
            Imap = Environment.GetEnvironmentVariable("TIPLINE_TEST_IMAP"),
            Smtp = Environment.GetEnvironmentVariable("TIPLINE_TEST_SMTP"),
            RabbitApi = string.IsNullOrEmpty(rabbitApi) ? null : new Uri(rabbitApi),
            postgresContainer = pg,
            rabbitContainer = rabbit,
        };
    }

    /// <summary>A virtual host the test's RabbitMQ user may use fully.</summary>
    public async Task AddVirtualHostAsync(string name)
    {
        var user = RabbitUser;
        if (RabbitApi is null)
        {
            await RabbitCtlAsync("add_vhost", name);
            await RabbitCtlAsync("set_permissions", "-p", name, user, ".*", ".*", ".*");
            return;
        }
        using var http = RabbitApiClient();
        (await http.PutAsync($"api/vhosts/{Uri.EscapeDataString(name)}", null)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"api/permissions/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public async Task DeleteVirtualHostAsync(string name)
    {
        if (RabbitApi is null)
        {
            await RabbitCtlAsync("delete_vhost", name);
            return;
        }
        using var http = RabbitApiClient();
        await http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(name)}");
    }

    private string RabbitUser => Uri.UnescapeDataString(RabbitMq.UserInfo.Split(':')[0]);

    private HttpClient RabbitApiClient()
    {
        var http = new HttpClient { BaseAddress = RabbitApi, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(RabbitMq.UserInfo))));
        return http;
    }

    /// <summary>Runs rabbitmqctl against the broker (inside the container when there is one).</summary>
    public async Task RabbitCtlAsync(params string[] args)
    {
        if (rabbitContainer is not null)
        {
            var result = await rabbitContainer.ExecAsync(["rabbitmqctl", .. args]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)}: {result.Stderr}");
            return;
        }
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)}: {await stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresContainer is not null) await postgresContainer.DisposeAsync();
        if (rabbitContainer is not null) await rabbitContainer.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TipLine.Hosting;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>
/// A real TipLine process (in this test process) on Kestrel, with its own PostgreSQL database and
/// its own RabbitMQ virtual host. Several apps can share one database and vhost to act as the
/// separate targets of a district deployment.
/// </summary>
public sealed class TipLineApp : IAsyncDisposable
{
    /// <summary>The follow-up page's public address the test district is configured with (receipts and notices name it).</summary>
    public const string FollowupUrl = "https://tips.example.org/report/followup";

    /// <summary>Test reporters connect from this loopback address, so any trace of it is easy to find.</summary>
    public static readonly IPAddress ReporterAddress = IPAddress.Parse("127.0.0.77");
    public const string StaffPassword = "Correct-horse-battery-9";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> published = new();
    private readonly StringWriter startupOutput = new();

    private TipLineApp(WebApplication app, AppDatabase database, CapturedLogs logs)
    {
        this.app = app;
        Database = database;
        Logs = logs;
    }

    public AppDatabase Database { get; }
    public CapturedLogs Logs { get; }

    /// <summary>What the process printed once at start (the first-run link).</summary>
    public string StartupOutput => startupOutput.ToString();
    public Uri BaseAddress => new(app.Urls.First());
    public IServiceProvider Services => app.Services;
    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    /// <summary>
    /// The authenticator code a member's app would show now. A member without a second factor gets one first, as the
    /// set-up page would do (every staff member signs in with one).
    /// </summary>
    public async Task<string> SignInCodeAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TipLine.Teams.Staff.StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        if (!user.TwoFactorEnabled)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        // Each code signs in once; tests sign one account in several times a minute, where a person would wait for the next.
        await users.RemoveAuthenticationTokenAsync(user, TipLine.Teams.Staff.SingleUseAuthenticatorCodes.LoginProvider,
            TipLine.Teams.Staff.SingleUseAuthenticatorCodes.LastStepName);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
    }

    /// <summary>Every message this app published on the bus, serialized.</summary>
    public string PublishedMessages => string.Join('\n', published);

    public static async Task<TipLineApp> StartAsync(AppEnvironment environment, string target = "all",
        IDictionary<string, string?>? settings = null, bool seed = true, Action<IServiceCollection>? replaceServices = null,
        bool migrate = true, bool development = true)
    {
        ValidationWarmUp.EnsureDone();
        // Tests speak plain HTTP on loopback, as a developer does: outside development every cookie is Secure.
        var builder = TipLineHost.CreateBuilder(development ? ["--environment", "Development"] : ["--environment", "Production"]);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(environment.Settings(target));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        // As a district deploys: the migrate step first (a no-op when the schema is current), then the process.
        if (migrate) await MigrateTarget.RunAsync(builder.Configuration, TextWriter.Null);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter((_, _, _) => true);
        var web = TipLineHost.Build(builder, replaceServices);
        var app = new TipLineApp(web, environment.Database, logs);
        await web.PrepareAsync(app.startupOutput);
        if (seed && Targets.From(builder.Configuration).Teams)
        {
            await using var scope = web.Services.CreateAsyncScope();
            app.Accounts = await DemoDistrict.SeedAsync(scope.ServiceProvider, () => StaffPassword, CancellationToken.None);
        }
        await web.StartAsync();
        // Queues are bound once the bus is up; a test that publishes before then would lose its message.
        await web.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        web.Services.GetRequiredService<IBus>().ConnectPublishObserver(new Recorder(app.published));
        return app;
    }

    /// <summary>A browser-like client (cookies, no redirects followed) from the reporter address.</summary>
    /// <summary>A browser without JavaScript, connecting from <paramref name="from"/> (default <see cref="ReporterAddress"/>).</summary>
    public HttpClient CreateClient(bool followRedirects = false, IPAddress? from = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = followRedirects,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(from ?? ReporterAddress, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class Recorder(ConcurrentQueue<string> sink) : IPublishObserver
    {
        public Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            sink.Enqueue(typeof(T).Name + " " + JsonSerializer.Serialize(context.Message));
            return Task.CompletedTask;
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}

/// <summary>One district installation for a test: a database, a RabbitMQ vhost, its keys.</summary>
public sealed class AppEnvironment : IAsyncDisposable
{
    private readonly TestServices services;
    private readonly string vhost;
    private readonly string keys = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private AppEnvironment(TestServices services, AppDatabase database, string vhost)
    {
        this.services = services;
        Database = database;
        this.vhost = vhost;
    }

    public AppDatabase Database { get; }
    public TestServices Services => services;

    /// <param name="migrated">
    /// A copy of the migrated template (this release's schema, no rows), or an empty database for a test of the
    /// migrate step itself.
    /// </param>
    public static async Task<AppEnvironment> CreateAsync(bool migrated = true)
    {
        var services = await TestServices.GetAsync();
        var name = "tl_" + Guid.NewGuid().ToString("N")[..12];
        var template = migrated ? await MigratedTemplate.GetAsync(services.PostgresAdmin) : null;
        var database = await AppDatabase.CreateAsync(services.PostgresAdmin, name, template);
        await services.AddVirtualHostAsync(name);
        return new AppEnvironment(services, database, name);
    }

    /// <summary>The Twilio number reply notices to web reporters are texted from.</summary>
    public const string NoticeNumber = "+15555550199";

    public Dictionary<string, string?> Settings(string target)
    {
        var user = services.RabbitMq.UserInfo.Split(':');
        return new()
        {
            ["target"] = target,
            ["ConnectionStrings:TipLine"] = Database.ConnectionString,
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = services.RabbitMq.Host,
            ["Bus:RabbitMq:Port"] = services.RabbitMq.Port.ToString(),
            ["Bus:RabbitMq:VirtualHost"] = vhost,
            ["Bus:RabbitMq:Username"] = Uri.UnescapeDataString(user[0]),
            ["Bus:RabbitMq:Password"] = Uri.UnescapeDataString(user.ElementAtOrDefault(1) ?? ""),
            ["Bus:RabbitMq:ManagementUrl"] = services.RabbitApi?.ToString() ?? "",
            ["Bus:Outbox:PollInterval"] = "00:00:00.200",
            ["Bus:Outbox:PublishTimeout"] = "00:00:03",
            ["Translation:ApyBaseUrl"] = services.ApyBaseUrl ?? "",
            ["Privacy:PseudonymKey"] = keys,
            ["Privacy:SealedContactKey"] = keys,
            ["Privacy:ReceiptKey"] = keys,
            ["Receipts:FailureDelay"] = "00:00:00.010",
            // Every test reporter posts from one address; FormRateLimitTests sets its own limits.
            // Each test's alerts go out one by one unless it tests the window.
            ["Escalation:AlertWindow"] = "00:00:00",
            ["RateLimits:FormPerClientPerWindow"] = "100000",
            ["RateLimits:FormPerWindow"] = "1000000",
            ["ReplyNotices:FollowupUrl"] = TipLineApp.FollowupUrl,
            ["Work:ReplyNotice:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel"] = "Debug",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try { await services.DeleteVirtualHostAsync(vhost); } catch (Exception e) when (e is InvalidOperationException or HttpRequestException) { }
    }
}

/// <summary>A fresh PostgreSQL database for one test, and a way to read everything stored in it.</summary>
public sealed class AppDatabase(string admin, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;

    public static async Task<AppDatabase> CreateAsync(string admin, string name, string? template = null)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), connection);
        await create.ExecuteNonQueryAsync();
        return new AppDatabase(admin, name);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Every row of every table in every schema of the database, as JSON text, and every binary value decoded as text
    /// (Latin-1 and UTF-16), so that a contact stored unencrypted anywhere, a bytea column included, is found.
    /// </summary>
    public async Task<string> EverythingStoredAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var all = new System.Text.StringBuilder();
        foreach (var table in await ListAsync(connection, """
            SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\_%'
            """))
        {
            await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n'), '') FROM {table} t", connection);
            all.AppendLine(table).AppendLine((string)(await rows.ExecuteScalarAsync())!);
        }
        foreach (var column in await ListAsync(connection, """
            SELECT format('%I FROM %I.%I', column_name, table_schema, table_name) FROM information_schema.columns
            WHERE data_type = 'bytea' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\_%'
            """))
        {
            await using var values = new NpgsqlCommand($"SELECT {column}", connection);
            await using var reader = await values.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.IsDBNull(0)) continue;
                var bytes = (byte[])reader.GetValue(0);
                all.AppendLine(System.Text.Encoding.Latin1.GetString(bytes)).AppendLine(System.Text.Encoding.Unicode.GetString(bytes));
            }
        }
        return all.ToString();
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

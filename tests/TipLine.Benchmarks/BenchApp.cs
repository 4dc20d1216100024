using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TipLine.Benchmarks;

/// <summary>
/// TipLine on Kestrel inside this process with the given --target, plus a reporter that talks to
/// it over loopback. Each phase of the benchmark starts its own and disposes it at the end.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SocketsHttpHandler handler;
    private readonly HttpClient http;

    private BenchApp(WebApplication app, Uri baseUrl, int concurrency)
    {
        this.app = app;
        handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = Math.Max(concurrency, 64),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Reporter = new Reporter(http);
    }

    public Reporter Reporter { get; }

    /// <summary>Another client of this app whose connections come from <paramref name="from"/> (a loopback address), as another reporter's would.</summary>
    public HttpClient CreateClient(System.Net.IPAddress from) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 64,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new System.Net.IPEndPoint(from, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Migrates the schemas, creates the demo district, and starts the bus once so that every consumer's
    /// queue exists: as on a running district, tips published while only the public surface runs
    /// wait in routing's queue (RabbitMQ drops a publish that no queue is bound to).
    /// </summary>
    public static async Task PrepareAsync(IReadOnlyDictionary<string, string?> configuration, CancellationToken ct)
    {
        await TipLine.Hosting.MigrateTarget.RunAsync(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), TextWriter.Null, ct);
        await using var prepared = await StartAsync(configuration, "all", 1, ct);
    }

    public static async Task<BenchApp> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, string target, int concurrency, CancellationToken ct)
    {
        var app = Build(configuration, target);
        await Quietly(async () =>
        {
            await TipLine.Hosting.TipLineHost.PrepareAsync(app, ct: ct);
            await app.StartAsync(ct);
        });
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        var url = app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new BenchApp(app, new Uri(url), concurrency);
    }

    private static WebApplication Build(IReadOnlyDictionary<string, string?> configuration, string target)
    {
        // The application name makes MVC find the Razor pages exactly as the TipLine binary does.
        var builder = TipLine.Hosting.TipLineHost.CreateBuilder(["--applicationName", "TipLine"]);
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Configuration.AddInMemoryCollection([new("target", target)]);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return TipLine.Hosting.TipLineHost.Build(builder);
    }

    // The app's start-up banner and demo password are not figures.
    private static async Task Quietly(Func<Task> start)
    {
        var stdout = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await start();
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        handler.Dispose();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await app.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("[bench] the app did not stop within 30 s");
        }
        await app.DisposeAsync();
    }
}

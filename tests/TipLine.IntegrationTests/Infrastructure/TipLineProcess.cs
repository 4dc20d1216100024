using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>
/// The real TipLine binary as its own process on a district's database and virtual host, for what only a process can
/// suffer: being killed with SIGKILL.
/// </summary>
public sealed class TipLineProcess : IAsyncDisposable
{
    private readonly Process process;

    private TipLineProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts <c>TipLine --target <paramref name="target"/></c> and returns once it answers /healthz.</summary>
    public static async Task<TipLineProcess> StartAsync(AppEnvironment environment, string target)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "TipLine.dll"), "--target", target])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment.Settings(target).Where(s => s.Key != "target" && !s.Key.StartsWith("Logging:", StringComparison.Ordinal)))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Plain HTTP on loopback: outside development the cookies would be Secure and never sent back.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException("TipLine did not start.");
        // Read and dropped, so a full pipe never blocks the process.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new TipLineProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = running.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.GetAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"TipLine --target {target} exited with {process.ExitCode}.");
            try
            {
                return (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK ? running : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, within: TimeSpan.FromSeconds(90), what: $"TipLine --target {target} to answer /healthz");
        return running;
    }

    /// <summary>SIGKILL: no shutdown, no hand-back, nothing flushed.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

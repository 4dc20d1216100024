using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TipLine.IntegrationTests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (panva/oidc-provider from npm, run by Node from infra/oidc/provider.mjs) for single
/// sign-on tests. Its sign-in page takes any password; the login typed is the account's email address (verified unless
/// it starts with "unverified."). Its port is chosen first, so TipLine can be configured with the issuer before it starts,
/// and the provider, which must know TipLine's redirect URI, after.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "tipline-staff";
    public const string ClientSecret = "test-client-secret-0f3c9a71";
    public const string DisplayName = "Westside accounts";

    private readonly Process node;
    private readonly StringBuilder output = new();

    private OpenIdProvider(Process node) => this.node = node;

    /// <summary>A free port for the provider, and TipLine's settings pointing at it.</summary>
    public static (int Port, Dictionary<string, string?> Settings) Reserve(bool providerChecksSecondFactor = false)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return (port, new Dictionary<string, string?>
        {
            ["Staff:Sso:Authority"] = $"http://127.0.0.1:{port}",
            ["Staff:Sso:ClientId"] = ClientId,
            ["Staff:Sso:ClientSecret"] = ClientSecret,
            ["Staff:Sso:DisplayName"] = DisplayName,
            ["Staff:Sso:RequireHttpsMetadata"] = "false",
            ["Staff:Sso:ProviderChecksSecondFactor"] = providerChecksSecondFactor ? "true" : "false",
        });
    }

    public static async Task<OpenIdProvider> StartAsync(int port, Uri tipLine)
    {
        var script = Environment.GetEnvironmentVariable("TIPLINE_TEST_OIDC_PROVIDER") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../infra/oidc/provider.mjs"));
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["OIDC_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["OIDC_CLIENT_ID"] = ClientId,
                ["OIDC_CLIENT_SECRET"] = ClientSecret,
                ["OIDC_REDIRECT_URI"] = new Uri(tipLine, "/staff/login/sso/callback").ToString(),
            },
        };
        var provider = new OpenIdProvider(Process.Start(start)!);
        provider.node.OutputDataReceived += (_, e) => { lock (provider.output) provider.output.AppendLine(e.Data); };
        provider.node.ErrorDataReceived += (_, e) => { lock (provider.output) provider.output.AppendLine(e.Data); };
        provider.node.BeginOutputReadLine();
        provider.node.BeginErrorReadLine();
        try
        {
            await Eventually.GetAsync(() =>
            {
                if (provider.node.HasExited) throw new InvalidOperationException("The OpenID provider stopped: " + provider.Output);
                return Task.FromResult(provider.Output.Contains($"issuer http://127.0.0.1:{port}", StringComparison.Ordinal) ? "" : null);
            }, what: "the OpenID provider listening");
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!node.HasExited) node.Kill(entireProcessTree: true);
        await node.WaitForExitAsync();
        node.Dispose();
    }
}

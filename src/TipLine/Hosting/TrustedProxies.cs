using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TipLine.Hosting;

/// <summary>
/// The reverse proxies (ForwardedHeaders:KnownProxies: addresses or CIDR ranges) whose X-Forwarded-For is believed.
/// Behind one, the client is the address the proxy appended last; from anyone else the header is ignored, so a client
/// cannot choose its own address. Read by hand rather than by ForwardedHeadersMiddleware, which would run before
/// PrivacyMiddleware forgets the address, logs addresses it rejects, and trusts loopback by default.
/// </summary>
public sealed class TrustedProxies
{
    private readonly List<IPNetwork> networks = [];
    private int warned;

    public TrustedProxies(IConfiguration configuration)
    {
        foreach (var entry in (configuration["ForwardedHeaders:KnownProxies"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{entry}\" is neither an IP address nor a CIDR range.");
        }
    }

    /// <summary>
    /// HTTPS as the client used it: a trusted proxy that terminated TLS says so in X-Forwarded-Proto, so cookies, HSTS and
    /// links see the scheme the reporter's browser did.
    /// </summary>
    public void ApplyScheme(HttpContext context)
    {
        if (IsTrusted(context.Connection.RemoteIpAddress)
            && string.Equals(context.Request.Headers["X-Forwarded-Proto"].ToString().Split(',')[^1].Trim(), "https", StringComparison.OrdinalIgnoreCase))
        {
            context.Request.Scheme = "https";
        }
    }

    private bool IsTrusted(IPAddress? remote) =>
        remote is not null && networks.Any(n => n.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote));

    /// <summary>The client's address: the connection's, or the last X-Forwarded-For entry when the connection is a trusted proxy.</summary>
    public IPAddress? ClientOf(HttpContext context, ILogger log)
    {
        var remote = context.Connection.RemoteIpAddress;
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length == 0) return remote;
        if (!IsTrusted(remote))
        {
            if (Interlocked.Exchange(ref warned, 1) == 0)
            {
                log.LogWarning("A request came with X-Forwarded-For from an address not in ForwardedHeaders:KnownProxies: behind a reverse proxy, " +
                    "list the proxy there, or every reporter counts as the same client for the web form's rate limit");
            }
            return remote;
        }
        var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return IPEndPoint.TryParse(last ?? "", out var endpoint) ? endpoint.Address : remote;
    }
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TipLine.Hosting;
using TipLine.Intake.Channels.WebForm;

namespace TipLine.UnitTests;

public sealed class ClientKeysTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly ClientKeys keys;

    public ClientKeysTests() => keys = new ClientKeys(Options.Create(new FormRateLimitOptions()), clock);

    [Fact]
    public void An_address_keeps_its_key_until_the_key_rotates_and_the_key_never_shows_the_address()
    {
        var key = keys.For(IPAddress.Parse("203.0.113.9"));

        Assert.Equal(key, keys.For(IPAddress.Parse("203.0.113.9")));
        Assert.Equal(key, keys.For(IPAddress.Parse("::ffff:203.0.113.9")));
        Assert.Matches("^[0-9A-F]{4}$", key); // one of 65,536 buckets: nothing of the address

        clock.Advance(TimeSpan.FromHours(1));
        var rotated = Enumerable.Range(1, 20).Select(i => keys.For(IPAddress.Parse($"198.51.100.{i}"))).ToList();
        Assert.NotEqual(keys.For(IPAddress.Parse("203.0.113.9")), key, StringComparer.Ordinal);
        Assert.True(rotated.Distinct().Count() > 15, "different addresses get different keys");
    }

    [Fact]
    public void An_ipv6_client_counts_by_its_64_bit_prefix()
    {
        Assert.Equal(keys.For(IPAddress.Parse("2001:db8:1:2::1")), keys.For(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.NotEqual(keys.For(IPAddress.Parse("2001:db8:1:2::1")), keys.For(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Theory]
    [InlineData("10.0.0.5", "203.0.113.9", "203.0.113.9")]
    [InlineData("10.0.0.5", "198.51.100.1, 203.0.113.9", "203.0.113.9")]
    [InlineData("127.0.0.1", "203.0.113.9", "127.0.0.1")]
    [InlineData("10.0.0.5", "not an address", "10.0.0.5")]
    [InlineData("10.0.0.5", "", "10.0.0.5")]
    public void X_forwarded_for_is_believed_only_from_a_listed_proxy(string connection, string forwarded, string client)
    {
        var proxies = new TrustedProxies(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "10.0.0.0/8, 192.0.2.1" }).Build());
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(connection);
        if (forwarded.Length > 0) context.Request.Headers["X-Forwarded-For"] = forwarded;

        Assert.Equal(IPAddress.Parse(client), proxies.ClientOf(context, NullLogger.Instance));
    }

    [Fact]
    public void A_proxy_entry_that_is_not_an_address_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TrustedProxies(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "caddy" }).Build()));

        Assert.Contains("\"caddy\"", error.Message, StringComparison.Ordinal);
    }
}

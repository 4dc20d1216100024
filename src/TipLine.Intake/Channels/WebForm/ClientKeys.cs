using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Channels.WebForm;

/// <summary>
/// Turns a client's address into the key its web-form posts are counted under: an HMAC with a random key that lives only
/// in this process's memory and is replaced every <see cref="FormRateLimitOptions.ClientKeyRotation"/>, cut to one of
/// 65,536 buckets. The key is never logged or stored, so the count cannot be linked back to an address afterwards, nor
/// across rotations; the buckets bound the limiter's memory however many addresses a flood uses (two clients rarely share
/// one). An IPv6 client counts by its /64, the block one subscriber gets. The host calls <see cref="Remember"/> before it
/// forgets the address (PrivacyMiddleware).
/// </summary>
public sealed class ClientKeys(IOptions<FormRateLimitOptions> options, TimeProvider clock)
{
    private readonly Lock gate = new();
    private byte[] key = RandomNumberGenerator.GetBytes(32);
    private DateTimeOffset rotatedAt = clock.GetUtcNow();

    public void Remember(HttpContext context, IPAddress? address) => context.Features.Set(new ClientKeyFeature(For(address)));

    public string For(IPAddress? address)
    {
        byte[] current;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now - rotatedAt >= options.Value.ClientKeyRotation)
            {
                CryptographicOperations.ZeroMemory(key);
                key = RandomNumberGenerator.GetBytes(32);
                rotatedAt = now;
            }
            current = (byte[])key.Clone();
        }
        var hash = HMACSHA256.HashData(current, Counted(address));
        CryptographicOperations.ZeroMemory(current);
        return Convert.ToHexString(hash, 0, 2);
    }

    private static byte[] Counted(IPAddress? address)
    {
        if (address is null) return [];
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6) Array.Clear(bytes, 8, 8);
        return bytes;
    }
}

/// <summary>The request's client key (<see cref="ClientKeys"/>); the address itself is gone by the time anything reads it.</summary>
internal sealed record ClientKeyFeature(string Key);

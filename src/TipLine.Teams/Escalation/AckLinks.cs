using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TipLine.Teams.Escalation;

/// <summary>
/// The acknowledgement link in an alert: /staff/ack/{token}, where the token is the alert attempt's id and an expiry,
/// signed with HMAC-SHA256 (key from configuration) and checked in constant time. The attempt row makes it single-use.
/// </summary>
internal sealed class AckLinks(IOptions<EscalationOptions> options)
{
    public const string PathPrefix = "/staff/ack/";
    private const int MacLength = 16;

    public string Token(Guid attemptId, DateTimeOffset expires)
    {
        var token = new byte[16 + 8 + MacLength];
        attemptId.TryWriteBytes(token.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(16, 8), expires.ToUnixTimeSeconds());
        Mac(token.AsSpan(0, 24)).CopyTo(token.AsSpan(24));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The attempt a well-signed token names, and when it expires; null for anything else.</summary>
    public (Guid AttemptId, DateTimeOffset Expires)? Read(string token)
    {
        var bytes = new byte[64];
        if (token.Length > 80 || !Base64Url.IsValid(token) || !Base64Url.TryDecodeFromChars(token, bytes, out var length) || length != 16 + 8 + MacLength) return null;
        if (!CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, 24)), bytes.AsSpan(24, MacLength))) return null;
        return (new Guid(bytes.AsSpan(0, 16)), DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(16, 8))));
    }

    private byte[] Mac(ReadOnlySpan<byte> payload) =>
        HMACSHA256.HashData(Convert.FromBase64String(options.Value.AckLinkKey), payload)[..MacLength];
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Reporters;

/// <summary>
/// A reporter becomes a pseudonym like R-7KQ2: a keyed HMAC of channel + address, so repeat
/// reports thread together while nobody can turn the pseudonym back into a phone number or email.
/// </summary>
public sealed class ReporterPseudonym(IOptions<PrivacyOptions> options)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
    private readonly byte[] key = PrivacyOptions.KeyBytes(options.Value.PseudonymKey);

    public string Derive(string channel, string address) => Display(Mac(channel, address));

    /// <summary>The full keyed hash: what threading and opt-outs match on (the short label can collide).</summary>
    public string Key(string channel, string address) => Convert.ToHexString(Mac(channel, address));

    private byte[] Mac(string channel, string address) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{channel}:{address.Trim().ToLowerInvariant()}"));

    private static string Display(byte[] mac)
    {
        var bits = (mac[0] << 12) | (mac[1] << 4) | (mac[2] >> 4);
        var chars = new char[4];
        for (var i = 3; i >= 0; i--, bits >>= 5) chars[i] = Alphabet[bits & 31];
        return "R-" + new string(chars);
    }
}

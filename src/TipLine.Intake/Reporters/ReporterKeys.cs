using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Reporters;

/// <summary>
/// A provider-verified sender (an SMS From, a caller with full attestation, a DMARC-aligned mail sender) as a keyed HMAC of
/// channel + address: what intake threads follow-ups and opt-outs on. It never leaves intake and is never shown: the team
/// sees the thread's random <see cref="ReporterLabel"/>, which nobody can compute from a phone number or an address.
/// </summary>
internal sealed class ReporterKeys(IOptions<PrivacyOptions> options)
{
    private readonly byte[] key = PrivacyOptions.KeyBytes(options.Value.PseudonymKey);

    public string Key(string channel, string address) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{channel}:{address.Trim().ToLowerInvariant()}")));
}

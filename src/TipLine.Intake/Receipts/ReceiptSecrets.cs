using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TipLine.Intake.Reporters;

namespace TipLine.Intake.Receipts;

/// <summary>What the reporter writes down: shown once, never stored in the clear.</summary>
internal sealed record ReceiptCredentials(string Code, string Passphrase);

/// <summary>Generates receipt codes and passphrases and hashes them.</summary>
internal sealed class ReceiptSecrets(IOptions<PrivacyOptions> options)
{
    // Crockford base32 without I, L, O, U: easy to read aloud and to copy by hand.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly byte[] lookupKey = PrivacyOptions.KeyBytes(options.Value.ReceiptKey);

    public int Iterations => options.Value.ReceiptHashIterations;

    /// <summary>A 60-bit code (XXXX-XXXX-XXXX) and an 80-bit passphrase (XXXX-XXXX-XXXX-XXXX).</summary>
    public static ReceiptCredentials NewCredentials() => new(RandomGroups(3), RandomGroups(4));

    /// <summary>The code's keyed hash: an index for lookup that reveals nothing without the key.</summary>
    public byte[] CodeLookup(string code) => HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes(Normalize(code)));

    public static byte[] HashPassphrase(string passphrase, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(passphrase)), salt, iterations, HashAlgorithmName.SHA256, 32);

    /// <summary>Reporters type what they wrote down: case, spaces, dashes and look-alike letters are forgiven.</summary>
    public static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToUpperInvariant())
        {
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(mapped, StringComparison.Ordinal)) builder.Append(mapped);
        }
        return builder.ToString();
    }

    private static string RandomGroups(int groups)
    {
        var chars = new char[groups * 5 - 1];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 5 == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }
}

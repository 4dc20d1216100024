using System.Security.Cryptography;

namespace TipLine.Contracts;

/// <summary>
/// The label the team knows a reporter's thread by, like R-7KQ2-9XMD: 40 random bits in Crockford base32, drawn once per
/// thread. Random, not derived from any contact detail, so typing a suspect's number into the form cannot reproduce it.
/// Two threads would share a label with odds of about 1 in 50 among 200,000 threads; intake draws again when a label is
/// taken, and a unique index settles the rest. Intake draws it; a case opened from a message that carries an older,
/// contact-derived label draws its own.
/// </summary>
public static class ReporterLabel
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A label of today's form (a message published before labels were random carries R-XXXX).</summary>
    public static bool IsCurrent(string label) =>
        label.Length == 11 && label.StartsWith("R-", StringComparison.Ordinal) && label[6] == '-'
        && label.Remove(6, 1)[2..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"R-{chars[..4]}-{chars[4..]}";
    }
}

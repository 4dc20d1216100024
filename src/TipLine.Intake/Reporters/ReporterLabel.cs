using System.Security.Cryptography;

namespace TipLine.Intake.Reporters;

/// <summary>
/// The label the team knows a reporter's thread by, like R-7KQ2-9XMD: 40 random bits in Crockford base32, drawn once per
/// thread. Random, not derived from any contact detail, so typing a suspect's number into the form cannot reproduce it.
/// Two threads would share a label with odds of about 1 in 50 among 200,000 threads; intake draws again when a label is
/// taken (<see cref="Reports.ReportAcceptance"/>), and a unique index settles the rest.
/// </summary>
public static class ReporterLabel
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"R-{chars[..4]}-{chars[4..]}";
    }
}

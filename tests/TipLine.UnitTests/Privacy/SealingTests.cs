using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TipLine.Intake.Reporters;

namespace TipLine.UnitTests.Privacy;

public class SealingTests
{
    private static readonly string OldKey = Keys.Of(7);
    private static readonly string NewKey = Keys.Of(8);

    private static Sealing With(string key, params string[] retired) =>
        new(Options.Create(new PrivacyOptions { SealedContactKey = key, RetiredSealingKeys = retired }));

    [Fact]
    public void A_sealed_value_opens_for_its_own_column_and_row()
    {
        var sealing = With(NewKey);
        var row = Guid.NewGuid().ToString();

        var sealedBytes = sealing.Seal(SealedColumns.SmsContact, row, "+15551230001");

        Assert.Equal("+15551230001", sealing.OpenText(SealedColumns.SmsContact, row, sealedBytes));
        Assert.DoesNotContain("5551230001", Encoding.Latin1.GetString(sealedBytes), StringComparison.Ordinal);
        Assert.True(sealing.IsCurrent(sealedBytes));
    }

    [Fact]
    public void A_value_copied_to_another_row_or_column_does_not_open()
    {
        var sealing = With(NewKey);
        var row = Guid.NewGuid().ToString();
        var sealedBytes = sealing.Seal(SealedColumns.EmailContact, row, "parent@example.test");

        Assert.ThrowsAny<CryptographicException>(() => sealing.Open(SealedColumns.EmailContact, Guid.NewGuid().ToString(), sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => sealing.Open(SealedColumns.SmsContact, row, sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => sealing.Open(SealedColumns.EmailReceipt, row, sealedBytes));
    }

    [Fact]
    public void A_changed_byte_anywhere_does_not_open()
    {
        var sealing = With(NewKey);
        var sealedBytes = sealing.Seal(SealedColumns.HeldSmsFrom, "row", "+15551230001");

        for (var i = 0; i < sealedBytes.Length; i++)
        {
            var changed = (byte[])sealedBytes.Clone();
            changed[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => sealing.Open(SealedColumns.HeldSmsFrom, "row", changed));
        }
    }

    [Fact]
    public void A_value_under_a_retired_key_opens_and_is_not_current_and_without_that_key_it_does_not_open()
    {
        var underOld = With(OldKey).Seal(SealedColumns.CallerOfCall, "CA1", "+15551230001");

        Assert.Equal("+15551230001", With(NewKey, OldKey).OpenText(SealedColumns.CallerOfCall, "CA1", underOld));
        Assert.False(With(NewKey, OldKey).IsCurrent(underOld));
        Assert.ThrowsAny<CryptographicException>(() => With(NewKey).Open(SealedColumns.CallerOfCall, "CA1", underOld));
    }

    [Fact]
    public void A_value_in_the_earlier_row_less_format_still_opens_until_it_is_resealed()
    {
        var earlier = EarlierFormat(OldKey, "sms", "+15551230001");

        var sealing = With(NewKey, OldKey);

        Assert.Equal("+15551230001", sealing.OpenText(SealedColumns.SmsContact, Guid.NewGuid().ToString(), earlier));
        Assert.False(sealing.IsCurrent(earlier));
        Assert.ThrowsAny<CryptographicException>(() => sealing.Open(SealedColumns.EmailContact, "row", earlier));
    }

    /// <summary>What earlier releases stored: nonce, tag, ciphertext, with the purpose alone as associated data.</summary>
    internal static byte[] EarlierFormat(string key, string purpose, string plain)
    {
        var bytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + 16 + bytes.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(Convert.FromBase64String(key), 16);
        aes.Encrypt(output.AsSpan(0, 12), bytes, output.AsSpan(28), output.AsSpan(12, 16), Encoding.UTF8.GetBytes(purpose));
        return output;
    }
}

using System.ComponentModel.DataAnnotations;

namespace TipLine.Intake.Reporters;

/// <summary>Keys from configuration (Privacy:*), each 32 random bytes in base64. Checked at start-up.</summary>
internal sealed class PrivacyOptions
{
    [Required, Base64Key] public string PseudonymKey { get; set; } = "";
    [Required, Base64Key] public string SealedContactKey { get; set; } = "";
    [Required, Base64Key] public string ReceiptKey { get; set; } = "";
    /// <summary>
    /// Earlier values of <see cref="SealedContactKey"/>: values sealed under them still open, and <c>--target reseal</c>
    /// seals them again under the current key, after which they can be removed.
    /// </summary>
    [Base64Keys] public string[] RetiredSealingKeys { get; set; } = [];
    [Range(1, 3650)] public int ContactRetentionDays { get; set; } = 90;
    /// <summary>
    /// PBKDF2-SHA256 work factor for new receipt passphrases. The passphrase is 80 random bits, not
    /// a human choice, so the work factor is a second wall, not the first: 2,000 iterations puts a
    /// search of the passphrase space at about 2^90 SHA-256 operations, and costs 0.6 ms per tip.
    /// </summary>
    [Range(1000, 10_000_000)] public int ReceiptHashIterations { get; set; } = 2_000;

    public static byte[] KeyBytes(string base64) => Convert.FromBase64String(base64);
}

[AttributeUsage(AttributeTargets.Property)]
internal sealed class Base64KeyAttribute : ValidationAttribute
{
    public Base64KeyAttribute() : base("{0} must be 32 random bytes in base64 (e.g. openssl rand -base64 32).") { }

    public override bool IsValid(object? value)
    {
        if (value is not string s) return false;
        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(s, buffer, out var written) && written == 32;
    }
}

[AttributeUsage(AttributeTargets.Property)]
internal sealed class Base64KeysAttribute : ValidationAttribute
{
    public Base64KeysAttribute() : base("Each of {0} must be 32 random bytes in base64.") { }

    public override bool IsValid(object? value) => value is IEnumerable<string> keys && keys.All(new Base64KeyAttribute().IsValid);
}

using Microsoft.Extensions.Options;
using TipLine.Intake.Reporters;

namespace TipLine.UnitTests;

/// <summary>Fixed privacy keys, so that keyed hashes are reproducible from run to run.</summary>
internal static class Keys
{
    public static string Of(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    public static IOptions<PrivacyOptions> Privacy(byte fill = 1) => Options.Create(new PrivacyOptions
    {
        PseudonymKey = Of(fill),
        SealedContactKey = Of((byte)(fill + 1)),
        ReceiptKey = Of((byte)(fill + 2)),
        ReceiptHashIterations = 1000,
    });
}

using System.Text;
using TipLine.Intake.Reporters;

namespace TipLine.Intake.Receipts;

/// <summary>
/// A receipt waiting in a queue row to be mailed to its reporter: sealed like a contact (its own purpose), opened only by
/// the sender, and gone with the row once sent.
/// </summary>
internal static class SealedReceipts
{
    public const string Purpose = "receipt";

    public static byte[] Seal(SealedContactStore sealing, ReceiptCredentials receipt) =>
        sealing.SealBytes(Purpose, Encoding.UTF8.GetBytes(receipt.Code + "\n" + receipt.Passphrase));

    public static ReceiptCredentials Open(SealedContactStore sealing, byte[] sealedReceipt)
    {
        var parts = Encoding.UTF8.GetString(sealing.UnsealBytes(Purpose, sealedReceipt)).Split('\n');
        return new ReceiptCredentials(parts[0], parts[1]);
    }
}

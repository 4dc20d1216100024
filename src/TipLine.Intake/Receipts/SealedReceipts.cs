using TipLine.Intake.Reporters;

namespace TipLine.Intake.Receipts;

/// <summary>
/// A receipt waiting in a queue row to be mailed to its reporter: sealed like a contact (its own purpose), opened only by
/// the sender, and gone with the row once sent.
/// </summary>
internal static class SealedReceipts
{
    /// <param name="column">The queue's column (<see cref="SealedColumns.EmailReceipt"/>, <see cref="SealedColumns.SmsReceipt"/>).</param>
    /// <param name="queuedId">The queue row's id, which the sealed receipt is bound to.</param>
    public static byte[] Seal(Sealing sealing, SealedColumn column, Guid queuedId, ReceiptCredentials receipt) =>
        sealing.Seal(column, queuedId.ToString(), receipt.Code + "\n" + receipt.Passphrase);

    public static ReceiptCredentials Open(Sealing sealing, SealedColumn column, Guid queuedId, byte[] sealedReceipt)
    {
        var parts = sealing.OpenText(column, queuedId.ToString(), sealedReceipt).Split('\n');
        return new ReceiptCredentials(parts[0], parts[1]);
    }
}

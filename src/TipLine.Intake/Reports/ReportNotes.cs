using TipLine.Bus.Outbox;
using TipLine.Contracts;

namespace TipLine.Intake.Reports;

/// <summary>
/// Intake's notes on a report for its case (<see cref="ReportNoted"/>), in the same commit as what they tell. Only these
/// fixed sentences: never the reporter's words, a number, an address or a provider id.
/// </summary>
internal static class ReportNotes
{
    public static void Add(IntakeDbContext db, Guid reportId, string note, DateTimeOffset now) =>
        db.AddToOutbox(new ReportNoted(reportId, Guid.NewGuid(), note, now), now);

    public static string ProviderCopyDeleted(string what) => $"Twilio's copy of {what} was deleted.";

    public static string ProviderCopyKept(string what) =>
        $"Twilio's copy of {what} could not be deleted: an administrator can delete it in Twilio's console.";

    public static string PictureKeptSealed(string why) => $"A picture sent with this tip is not shown ({why}); the original is kept sealed.";

    public const string PictureNotFetched = "A picture sent with this tip could not be fetched from Twilio, so it is not shown.";
}

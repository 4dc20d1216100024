using TipLine.Intake.Reporters;
using Microsoft.EntityFrameworkCore;
using TipLine.Contracts;
using TipLine.Intake.Receipts;
using TipLine.Intake.Reports;
using TipLine.Languages;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// Turns a reporter's held texts to a district number, and the text that finally named the school if there is one, into
/// one report: the texts joined in order, their pictures moved to it, later texts threaded to it. Runs inside the
/// caller's transaction, under the reporter's advisory lock.
/// </summary>
internal sealed class HeldTexts(IntakeDbContext db, ReportAcceptance acceptance, LanguageDetector languages)
{
    /// <param name="Receipt">The code and passphrase, when one was issued: shown to the reporter once, never stored in plain.</param>
    public sealed record Accepted(Guid ReportId, string WholeText, ReceiptCredentials? Receipt);

    /// <param name="note">Intake's own words put before the reporter's (e.g. that no school was named); not used to detect their language.</param>
    /// <param name="issueReceipt">Only when the answer to this very text can carry it: a receipt nobody receives would be a secret stored for nothing.</param>
    public async Task<Accepted> AcceptAsync(string reporterKey, Guid schoolId, string ourNumber, string? from, string providerKey,
        string latestText, bool hasMedia, DateTimeOffset now, CancellationToken ct, string note = "", bool issueReceipt = false)
    {
        var held = await db.HeldSms.Where(h => h.ReporterKey == reporterKey).OrderBy(h => h.ReceivedAt).ToListAsync(ct);
        db.HeldSms.RemoveRange(held);
        var whole = string.Join("\n", held.Select(h => h.Text).Append(latestText).Where(t => t.Length > 0));
        if (whole.Length == 0) whole = hasMedia ? "(picture message without text)" : "(empty message)";
        // Undetected stays "und" (not the reply's English): routing then knows nobody has read the tip yet.
        var language = languages.DetectOr(whole, LanguageGuess.UndeterminedCode);
        whole = note + whole;
        var contact = from is null ? null : new ReporterContact(ChannelNames.Sms, from);
        var accepted = await acceptance.AcceptAsync(new NewReport(schoolId, ChannelNames.Sms, providerKey, language,
            new TipContent(whole, null, null), DangerNow: false, contact, SenderVerified: from is null ? null : true), issueReceipt, ct);
        db.SmsThreads.Add(new SmsThread { ReportId = accepted.ReportId, ReporterKey = reporterKey, OurNumber = ourNumber, LastMessageAt = now });
        var heldIds = held.Select(h => h.Id).ToList();
        if (heldIds.Count > 0)
        {
            await db.PendingMms.Where(p => p.HeldSmsId != null && heldIds.Contains(p.HeldSmsId.Value)).ExecuteUpdateAsync(p => p
                .SetProperty(x => x.ReportId, accepted.ReportId)
                .SetProperty(x => x.HeldSmsId, (Guid?)null), ct);
        }
        return new Accepted(accepted.ReportId, whole, accepted.Receipt);
    }
}

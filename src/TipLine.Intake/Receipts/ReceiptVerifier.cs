using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TipLine.Intake.Receipts;

internal enum ReceiptCheck
{
    Valid,
    Wrong,
    Locked,
}

internal sealed record ReceiptVerification(ReceiptCheck Check, Guid ReportId);

internal sealed class ReceiptOptions
{
    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Each wrong guess waits this long times the failures so far (at most 5), to slow guessing.</summary>
    public TimeSpan FailureDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Checks a code and passphrase. Wrong guesses are slowed down and, after a few, lock the receipt
/// for a while. An unknown code costs the same hashing work as a known one.
/// </summary>
internal sealed class ReceiptVerifier(IntakeDbContext db, ReceiptSecrets secrets, IOptions<ReceiptOptions> options, TimeProvider clock)
{
    private static readonly byte[] DecoySalt = RandomNumberGenerator.GetBytes(16);

    public async Task<ReceiptVerification> VerifyAsync(string code, string passphrase, CancellationToken ct)
    {
        var settings = options.Value;
        var lookup = secrets.CodeLookup(code);
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.CodeLookup == lookup, ct);
        var now = clock.GetUtcNow();
        if (receipt is null)
        {
            ReceiptSecrets.HashPassphrase(passphrase, DecoySalt, secrets.Iterations);
            await Task.Delay(settings.FailureDelay, clock, ct);
            return new ReceiptVerification(ReceiptCheck.Wrong, Guid.Empty);
        }
        // The attempt is counted before the hash is checked, in one statement that also refuses a
        // locked receipt: parallel guesses all count, and none slips past the limit.
        var reserved = await db.Database.SqlQuery<int>(
            $"UPDATE intake.receipts SET \"FailedAttempts\" = \"FailedAttempts\" + 1 WHERE \"ReportId\" = {receipt.ReportId} AND (\"LockedUntil\" IS NULL OR \"LockedUntil\" <= {now}) RETURNING \"FailedAttempts\" AS \"Value\"")
            .ToListAsync(ct);
        if (reserved.Count == 0) return new ReceiptVerification(ReceiptCheck.Locked, receipt.ReportId);
        var failures = reserved[0];
        if (failures > settings.MaxFailedAttempts) return await LockAsync(receipt.ReportId, now, ct);

        var hash = ReceiptSecrets.HashPassphrase(passphrase, receipt.Salt, receipt.Iterations);
        if (CryptographicOperations.FixedTimeEquals(hash, receipt.PassphraseHash))
        {
            await db.Receipts.Where(r => r.ReportId == receipt.ReportId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FailedAttempts, 0), ct);
            return new ReceiptVerification(ReceiptCheck.Valid, receipt.ReportId);
        }
        if (failures >= settings.MaxFailedAttempts) return await LockAsync(receipt.ReportId, now, ct);
        await Task.Delay(settings.FailureDelay * Math.Min(failures, 5), clock, ct);
        return new ReceiptVerification(ReceiptCheck.Wrong, receipt.ReportId);
    }

    private async Task<ReceiptVerification> LockAsync(Guid reportId, DateTimeOffset now, CancellationToken ct)
    {
        await db.Receipts.Where(r => r.ReportId == reportId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FailedAttempts, 0)
            .SetProperty(r => r.LockedUntil, now + options.Value.Lockout), ct);
        return new ReceiptVerification(ReceiptCheck.Locked, reportId);
    }
}

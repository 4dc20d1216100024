namespace TipLine.Intake.Receipts;

/// <summary>
/// How an anonymous reporter comes back: a random code (looked up by its keyed hash) and a
/// passphrase stored only as a slow hash. Wrong guesses count towards a lockout.
/// </summary>
internal sealed class Receipt
{
    public Guid ReportId { get; init; }
    public required byte[] CodeLookup { get; init; }
    public required byte[] PassphraseHash { get; init; }
    public required byte[] Salt { get; init; }
    public int Iterations { get; init; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

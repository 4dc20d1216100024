namespace TipLine.Intake.Reporters;

/// <summary>
/// A reporter who texted STOP: no text of any kind (question, reply notice) is sent to them until START. Keyed by
/// hash, not number.
/// </summary>
internal sealed class SmsOptOut
{
    public required string ReporterKey { get; init; }
    public DateTimeOffset OptedOutAt { get; init; }
}

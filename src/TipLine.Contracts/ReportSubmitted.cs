namespace TipLine.Contracts;

/// <summary>Intake accepted a tip (committed) and de-identified its reporter.</summary>
public sealed record ReportSubmitted(
    Guid ReportId,
    Guid SchoolId,
    string Channel,
    string Pseudonym,
    string Language,
    TipContent Content,
    bool DangerNow,
    DateTimeOffset AcceptedAt);

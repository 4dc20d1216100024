namespace TipLine.Contracts;

/// <summary>A team member took the case; the reporter's status changes to "being reviewed".</summary>
public sealed record CaseAcknowledged(Guid CaseId, Guid ReportId, DateTimeOffset AcknowledgedAt);

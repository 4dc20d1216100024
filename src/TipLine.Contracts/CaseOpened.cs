namespace TipLine.Contracts;

/// <summary>A routed report is now a case in its team's queue.</summary>
public sealed record CaseOpened(Guid CaseId, Guid ReportId, Guid TeamId, DateTimeOffset OpenedAt);

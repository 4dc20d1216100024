namespace TipLine.Contracts;

/// <summary>
/// The intake safety net's latest count of accepted reports not yet in a team queue past the
/// configured time (each was published again). Administrators see it on the console.
/// </summary>
public sealed record UnroutedReportsCounted(int Count, DateTimeOffset? OldestAcceptedAt, DateTimeOffset CountedAt);

namespace TipLine.Contracts;

/// <summary>What the channel knows about delivering a team question to the reporter (e.g. sent, delivered, failed, not sent after STOP).</summary>
public sealed record ReporterMessageStatusChanged(Guid QuestionId, Guid ReportId, string Status, int? ErrorCode, DateTimeOffset At);

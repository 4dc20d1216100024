namespace TipLine.Contracts;

/// <summary>The reporter answered through their channel, in their language.</summary>
public sealed record ReporterAnswered(
    Guid AnswerId,
    Guid ReportId,
    Guid SchoolId,
    string Text,
    string Language,
    DateTimeOffset AnsweredAt);

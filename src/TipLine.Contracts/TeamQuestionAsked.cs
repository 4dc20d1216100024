namespace TipLine.Contracts;

/// <summary>A team member wrote a question for the anonymous reporter, in the team's language.</summary>
public sealed record TeamQuestionAsked(
    Guid QuestionId,
    Guid CaseId,
    Guid ReportId,
    string Channel,
    string Text,
    string TeamLanguage,
    string ReporterLanguage,
    DateTimeOffset AskedAt);

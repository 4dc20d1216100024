namespace TipLine.Contracts;

/// <summary>A reporter's answer with its translation into the team's language, for the case conversation, and the engine that made it.</summary>
public sealed record ReporterAnswerTranslated(
    Guid AnswerId,
    Guid ReportId,
    string OriginalText,
    string OriginalLanguage,
    string? TranslatedText,
    string TeamLanguage,
    bool NeedsTranslation,
    DateTimeOffset AnsweredAt,
    string? TranslatedBy = null);

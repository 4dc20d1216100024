namespace TipLine.Contracts;

/// <summary>A team question translated into the reporter's language, ready for the channel to deliver; teams records the translation and its engine on the case.</summary>
public sealed record ReporterQuestionReady(
    Guid QuestionId,
    Guid ReportId,
    string Channel,
    string Text,
    string Language,
    string OriginalText,
    string OriginalLanguage,
    bool NeedsTranslation,
    DateTimeOffset AskedAt,
    string? TranslatedBy = null);

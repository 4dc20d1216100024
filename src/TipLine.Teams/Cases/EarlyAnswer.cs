namespace TipLine.Teams.Cases;

/// <summary>
/// A reporter's answer that arrived before its case was opened (the two travel separately). It is
/// kept here and joins the conversation the moment the case opens, instead of failing and being lost.
/// </summary>
internal sealed class EarlyAnswer
{
    public Guid AnswerId { get; init; }
    public Guid ReportId { get; init; }
    public required string OriginalText { get; init; }
    public required string OriginalLanguage { get; init; }
    public string? TranslatedText { get; init; }
    public bool NeedsTranslation { get; init; }
    public string? TranslatedBy { get; init; }
    public DateTimeOffset AnsweredAt { get; init; }

    public CaseMessage ToMessage(Guid caseId) => new()
    {
        Id = AnswerId, CaseId = caseId, FromReporter = true, Text = OriginalText, Language = OriginalLanguage,
        Translation = TranslatedText, NeedsTranslation = NeedsTranslation, TranslatedBy = TranslatedBy, CreatedAt = AnsweredAt,
    };
}

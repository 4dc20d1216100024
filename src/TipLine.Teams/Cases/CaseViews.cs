using TipLine.Contracts;

namespace TipLine.Teams.Cases;

internal sealed record QueueItem(
    Guid CaseId, string SchoolName, SuggestedUrgency SuggestedUrgency, IReadOnlyList<string> Categories, bool DangerNow,
    string Channel, string Pseudonym, string ReporterLanguage, bool NeedsTranslation, DateTimeOffset AcceptedAt,
    bool Acknowledged, bool AssignedToMe);

internal sealed record ConversationItem(
    Guid Id, bool FromReporter, string? AuthorName, string Text, string Language, string? Translation, bool NeedsTranslation,
    DateTimeOffset CreatedAt, string? DeliveryStatus);

/// <summary>
/// The case page: original and translation side by side, and every alert sent about the case. No contact detail exists here to show. Attachments are played
/// from /staff/cases/{caseId}/attachments/{id}.
/// </summary>
internal sealed record CaseDetail(
    Guid CaseId, string SchoolName, string Channel, string Pseudonym, string ReporterLanguage, string TeamLanguage,
    TipContent Original, TipContent? Translation, bool NeedsTranslation, SuggestedUrgency SuggestedUrgency,
    IReadOnlyList<string> Categories, bool DangerNow, DateTimeOffset AcceptedAt, DateTimeOffset RoutedAt,
    string? AssignedTo, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, IReadOnlyList<ConversationItem> Conversation,
    IReadOnlyList<Guid> AttachmentIds, IReadOnlyList<Escalation.AlertItem> Alerts, bool? SenderVerified,
    TipReadability Readability);

internal enum CaseAccess
{
    Allowed,
    NotFound,
    Forbidden,
}

internal sealed record CaseResult<T>(CaseAccess Access, T? Value = default);

using TipLine.Contracts;

namespace TipLine.Teams.Cases;

internal sealed record QueueItem(
    Guid CaseId, string SchoolName, SuggestedUrgency SuggestedUrgency, IReadOnlyList<string> Categories, bool DangerNow,
    string Channel, string Pseudonym, string ReporterLanguage, bool NeedsTranslation, DateTimeOffset AcceptedAt,
    bool Acknowledged, bool AssignedToMe, Guid? IncidentId = null, bool PossibleFlood = false);

internal sealed record ConversationItem(
    Guid Id, bool FromReporter, string? AuthorName, string Text, string Language, string? Translation, bool NeedsTranslation,
    DateTimeOffset CreatedAt, string? DeliveryStatus, string? TranslatedBy = null);

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
    TipReadability Readability, CaseIncident Incident, string? TranslatedBy = null, IReadOnlyList<CaseNote>? Notes = null);

/// <summary>A note from intake on the case's report (a deletion at the provider, a picture kept sealed).</summary>
internal sealed record CaseNote(DateTimeOffset At, string Text);

/// <summary>
/// The incident a case was grouped into (<paramref name="Id"/> null while it stands alone; <paramref name="Tips"/> counts
/// the team's tips in it), whether a member kept it apart, whether its text arrived as a possible flood, and whether its
/// reporter's thread was flooded with messages.
/// </summary>
internal sealed record CaseIncident(Guid? Id, int Tips, bool KeptApart, bool PossibleFlood, bool SenderFlood = false);

internal enum CaseAccess
{
    Allowed,
    NotFound,
    Forbidden,
}

internal sealed record CaseResult<T>(CaseAccess Access, T? Value = default);

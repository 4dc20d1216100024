namespace TipLine.Contracts;

/// <summary>Routing chose the team and on-call member; the team's queue opens a case from this. Attachments and the sender check travel with the report; <paramref name="Readability"/> says whether anyone can read it yet; <paramref name="TranslatedBy"/> names the engine that made <paramref name="Translation"/>.</summary>
public sealed record ReportRouted(
    Guid ReportId,
    Guid SchoolId,
    Guid TeamId,
    Guid? OnCallMemberId,
    string Channel,
    string Pseudonym,
    string ReporterLanguage,
    string TeamLanguage,
    TipContent Original,
    TipContent? Translation,
    bool NeedsTranslation,
    SuggestedUrgency SuggestedUrgency,
    IReadOnlyList<string> Categories,
    bool DangerNow,
    DateTimeOffset AcceptedAt,
    DateTimeOffset RoutedAt,
    IReadOnlyList<Guid>? AttachmentIds = null,
    bool? SenderVerified = null,
    TipReadability Readability = TipReadability.Read,
    string? TranslatedBy = null);

using TipLine.Contracts;

namespace TipLine.Teams.Cases;

/// <summary>A routed tip in a team's queue. It holds a pseudonym, never the reporter's contact details.</summary>
internal sealed class Case
{
    public Guid Id { get; init; }
    public Guid ReportId { get; init; }
    public Guid SchoolId { get; init; }
    public Guid TeamId { get; init; }
    public Guid? AssignedMemberId { get; init; }
    public required string Channel { get; init; }
    public required string Pseudonym { get; init; }
    public required string ReporterLanguage { get; init; }
    public required string TeamLanguage { get; init; }
    public required TipContent Original { get; init; }
    public TipContent? Translation { get; init; }
    public bool NeedsTranslation { get; init; }
    /// <summary>The engine that made <see cref="Translation"/> ("Apertium", "Azure AI Translator").</summary>
    public string? TranslatedBy { get; init; }

    /// <summary>Whether anyone on the team can read the tip yet; an unread tip was suggested at least High.</summary>
    public TipReadability Readability { get; init; }
    public SuggestedUrgency SuggestedUrgency { get; init; }
    public List<string> Categories { get; init; } = [];
    public bool DangerNow { get; init; }

    /// <summary>False: a sender was given but the provider did not vouch for it (its own thread; no answers on that channel).</summary>
    public bool? SenderVerified { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
    public DateTimeOffset RoutedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The incident the case was grouped into (its first case's id); null while it stands alone.</summary>
    public Guid? IncidentId { get; set; }

    /// <summary>A member said it is not the same incident: it is never grouped again.</summary>
    public bool KeptApart { get; set; }

    /// <summary>Many copies of its text arrived in a short time: a possible flood or template, a signal and never a reason to discard.</summary>
    public bool PossibleFlood { get; set; }

    /// <summary>Many messages arrived in its reporter's thread in a short time (one number texting again and again): kept, and marked.</summary>
    public bool SenderFlood { get; set; }
    public Guid? AcknowledgedBy { get; set; }
}

using TipLine.Contracts;

namespace TipLine.Teams.Escalation;

/// <summary>
/// The durable timer of one case's alerts (teams.escalations). Written with the case; a worker in any teams process
/// claims it when <see cref="NextDueAt"/> passes, alerts the next level and sets the next due time. Null when finished.
/// </summary>
public sealed class CaseEscalation
{
    public Guid CaseId { get; init; }
    public Guid TeamId { get; init; }
    public Guid SchoolId { get; init; }
    public Guid? OnCallMemberId { get; init; }
    public SuggestedUrgency Urgency { get; init; }

    /// <summary>The digits a staff member texts back to acknowledge; unique among open escalations.</summary>
    public required string ReplyCode { get; init; }

    /// <summary>The last level alerted; 0 before the first alert.</summary>
    public int Level { get; set; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? NextDueAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>acknowledged, digest sent, nobody to alert.</summary>
    public string? StopReason { get; set; }
}

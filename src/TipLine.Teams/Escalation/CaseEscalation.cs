using TipLine.Bus.Work;
using TipLine.Contracts;

namespace TipLine.Teams.Escalation;

/// <summary>
/// The durable timer of one case's alerts (teams.escalations), on the work queue. Written with the case; a worker in any
/// teams process claims it when <see cref="NextAttemptAt"/> passes, alerts the next level and sets the next due time,
/// until it is stopped (<see cref="StoppedAt"/>). Each level is one piece of work: its attempts start again from zero.
/// </summary>
internal sealed class CaseEscalation : IQueuedItem
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
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>acknowledged, digest sent, nobody to alert.</summary>
    public string? StopReason { get; set; }

    /// <summary>When the next level is due (or the claimed step's lease runs out); not claimed once stopped.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

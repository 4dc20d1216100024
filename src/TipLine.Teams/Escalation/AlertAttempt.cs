using TipLine.Bus.Work;
using TipLine.Contracts;
using TipLine.Teams.Alerts;

namespace TipLine.Teams.Escalation;

internal enum AttemptStatus
{
    Pending,
    Sent,
    Delivered,
    Failed,
    Cancelled,

    /// <summary>Not sent on its own: a combined alert to the same member (<see cref="AlertAttempt.CoveredBy"/>) covered its case.</summary>
    Covered,
}

/// <summary>
/// One alert to one staff member by one method (teams.alert_attempts): planned as Pending on the work queue, sent by
/// whichever worker claims it, then kept as the case timeline's record of who was alerted, how, and what the provider
/// said. It holds the alert's words (school, urgency), never tip text or anyone's address.
/// </summary>
internal sealed class AlertAttempt : IQueuedItem
{
    public Guid Id { get; init; }

    /// <summary>Attempts planned together (one level of one escalation, or one digest) share a step.</summary>
    public Guid StepId { get; init; }

    /// <summary>The case alerted about; a digest, or an alert that covers others sent within the window, lists every case it counts.</summary>
    public List<Guid> CaseIds { get; set; } = [];
    public Guid MemberId { get; init; }
    public AlertMethod Method { get; init; }

    /// <summary>Escalation level (1, 2, 3…); 0 for a digest.</summary>
    public int Level { get; init; }
    public bool Digest { get; init; }
    public required string SchoolName { get; set; }
    public SuggestedUrgency Urgency { get; set; }
    public int TipCount { get; set; } = 1;

    /// <summary>How many of the tips it counts were suggested Imminent.</summary>
    public int ImminentCount { get; set; }
    public string? ReplyCode { get; init; }

    /// <summary>Why nobody can read the tip yet (<see cref="UnreadNote"/>), said in the alert; null when it can be read.</summary>
    public string? Unread { get; set; }

    /// <summary>A notice to district administrators that is about no case (a surge began); it has no acknowledgement link.</summary>
    public string? Notice { get; init; }

    /// <summary>The combined alert that covered this one (status <see cref="AttemptStatus.Covered"/>).</summary>
    public Guid? CoveredBy { get; set; }

    /// <summary>The failed attempt this one replaces by the other method; a failure gets at most one fallback.</summary>
    public Guid? FallbackFor { get; init; }

    /// <summary>When the alert was planned to go out; <see cref="NextAttemptAt"/> starts there.</summary>
    public DateTimeOffset DueAt { get; init; }
    public AttemptStatus Status { get; set; }
    public string? Detail { get; set; }
    public string? ProviderId { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the acknowledgement link in this alert was used; a link works once.</summary>
    public DateTimeOffset? LinkUsedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeadAt { get; set; }
}

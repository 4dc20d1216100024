using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TipLine.Contracts;
using TipLine.Teams.Alerts;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Escalation;

/// <summary>
/// The escalation a new case starts with, written in the same transaction as the case: the first alert is due at once,
/// or at the next digest for a routine tip. Nothing is written while alerts are off, so turning them on later does not
/// alert about old cases.
/// </summary>
internal sealed class EscalationStart(IOptions<AlertOptions> alerts, IOptionsMonitor<EscalationOptions> options)
{
    public CaseEscalation? For(Case opened, DateTimeOffset now) => !alerts.Value.Enabled ? null : new CaseEscalation
    {
        CaseId = opened.Id, TeamId = opened.TeamId, SchoolId = opened.SchoolId, OnCallMemberId = opened.AssignedMemberId,
        Urgency = opened.SuggestedUrgency, ReplyCode = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString("D6", null),
        StartedAt = now,
        NextAttemptAt = opened.SuggestedUrgency == SuggestedUrgency.Routine ? DigestClock.Next(now, options.CurrentValue.Routine) : now,
    };
}

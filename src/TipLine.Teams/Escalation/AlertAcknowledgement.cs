using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TipLine.Teams.Alerts;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Escalation;

internal enum LinkState
{
    Valid,
    Invalid,
    Expired,
    Used,
}

/// <summary>What an acknowledgement link is about: only what the alert itself said (one tip, or how many it covers).</summary>
internal sealed record AckLinkView(
    LinkState State, string? SchoolName = null, Contracts.SuggestedUrgency? Urgency = null, Guid? CaseId = null, int Tips = 1);

internal enum ReplyOutcome
{
    Acknowledged,
    AcknowledgedSeveral,
    AlreadyAcknowledged,
    NoMatch,
}

/// <summary>
/// Acknowledging from an alert, as the member it was sent to: by its link (signed, single-use, expiring) or by texting
/// back its code from the phone it went to. Both go through <see cref="CaseWork.AcknowledgeAsync"/>, so they are
/// audited, announced and stop the escalation exactly like the case page's button. An alert that covered several tips
/// acknowledges them all.
/// </summary>
internal sealed partial class AlertAcknowledgement(TeamsDbContext db, CaseWork work, AckLinks links, Directory.SchoolDirectory directory,
    TimeProvider clock)
{
    public async Task<AckLinkView> ReadLinkAsync(string token, CancellationToken ct)
    {
        var (state, attempt) = await CheckAsync(token, ct);
        return state == LinkState.Invalid ? new AckLinkView(state) : View(state, attempt!);
    }

    private static AckLinkView View(LinkState state, AlertAttempt attempt) =>
        new(state, attempt.SchoolName, attempt.Urgency, attempt.CaseIds.Count == 1 ? attempt.CaseIds[0] : null, attempt.CaseIds.Count);

    public async Task<AckLinkView> AcknowledgeByLinkAsync(string token, CancellationToken ct)
    {
        var (state, attempt) = await CheckAsync(token, ct);
        if (state != LinkState.Valid) return state == LinkState.Invalid ? new AckLinkView(state) : View(state, attempt!) with { CaseId = null };
        // Every tip first (acknowledging twice changes nothing), then the link is used up: a failure halfway leaves it working.
        foreach (var caseId in attempt!.CaseIds) await work.AcknowledgeAsync(attempt.MemberId, caseId, ct);
        var now = clock.GetUtcNow();
        var taken = await db.AlertAttempts.Where(a => a.Id == attempt.Id && a.LinkUsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LinkUsedAt, now), ct);
        // Two presses raced: the other one used the link (and acknowledged the same tips).
        return taken == 0 ? View(LinkState.Used, attempt) with { CaseId = null } : View(LinkState.Valid, attempt);
    }

    /// <summary>A text to the alerts number: the code must be one sent by SMS to a member whose alert phone sent the reply.</summary>
    public async Task<ReplyOutcome> AcknowledgeByReplyAsync(string fromPhone, string body, CancellationToken ct)
    {
        if (ReplyCode().Match(body) is not { Success: true } match) return ReplyOutcome.NoMatch;
        var code = match.Value;
        var members = (await directory.MembersWithAlertPhoneAsync(fromPhone, ct)).Select(m => m.Id).ToList();
        var attempt = await db.AlertAttempts.AsNoTracking()
            .Where(a => a.ReplyCode == code && a.Method == AlertMethod.Sms && members.Contains(a.MemberId)
                && a.Status != AttemptStatus.Pending && a.Status != AttemptStatus.Covered)
            .OrderByDescending(a => a.DueAt).FirstOrDefaultAsync(ct);
        if (attempt is null) return ReplyOutcome.NoMatch;
        var open = await db.Cases.Where(c => attempt.CaseIds.Contains(c.Id) && c.AcknowledgedAt == null).Select(c => c.Id).ToListAsync(ct);
        if (open.Count == 0) return ReplyOutcome.AlreadyAcknowledged;
        foreach (var caseId in open) await work.AcknowledgeAsync(attempt.MemberId, caseId, ct);
        return open.Count > 1 ? ReplyOutcome.AcknowledgedSeveral : ReplyOutcome.Acknowledged;
    }

    private async Task<(LinkState, AlertAttempt?)> CheckAsync(string token, CancellationToken ct)
    {
        if (links.Read(token) is not { } link) return (LinkState.Invalid, null);
        var attempt = await db.AlertAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == link.AttemptId && !a.Digest, ct);
        if (attempt is null) return (LinkState.Invalid, null);
        if (attempt.LinkUsedAt is not null) return (LinkState.Used, attempt);
        return link.Expires <= clock.GetUtcNow() ? (LinkState.Expired, attempt) : (LinkState.Valid, attempt);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex ReplyCode();
}

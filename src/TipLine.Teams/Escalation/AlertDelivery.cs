using TipLine.Bus.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Telemetry;
using TipLine.Bus.Work;
using TipLine.Directory;
using TipLine.Teams.Alerts;
using TipLine.Twilio.Webhooks;

namespace TipLine.Teams.Escalation;

/// <summary>
/// Sends one pending alert attempt the work queue claimed (kind <see cref="Kind"/>). The provider is called outside any
/// transaction; the outcome is written after it even when the process is stopping, so a sent alert is recorded. A process
/// that dies mid-send leaves the attempt to be claimed again when its lease runs out (at least once). A provider's
/// failure is this attempt's outcome, answered by the other method once; a failure of our own is retried by the queue.
/// </summary>
internal sealed class AlertDelivery(
    TeamsDbContext db, SchoolDirectory directory, IEnumerable<IAlertSender> senders, AckLinks links, AlertCoalescing coalescing,
    IOptions<AlertOptions> alerts, IOptions<EscalationOptions> options, PipelineMetrics metrics, TimeProvider clock, ILogger<AlertDelivery> log) : IWorkHandler<AlertAttempt>
{
    public const string Kind = "Alert";

    /// <summary>Only pending attempts are queued work; sent, failed and cancelled ones are the case's record.</summary>
    public const string ClaimFilter = "\"Status\" = 'Pending'";

    /// <summary>
    /// Quick retries of our own failures. The lease outlasts the slowest send (an email alert with its SMTP retries takes
    /// minutes), so no second process takes an alert still being sent; a process that dies mid-send delays that one alert
    /// by the lease, while the escalation's next level keeps its own time.
    /// </summary>
    public static void Defaults(WorkOptions o)
    {
        o.PollInterval = TimeSpan.FromSeconds(1);
        o.Lease = TimeSpan.FromMinutes(10);
        o.RetryBaseDelay = TimeSpan.FromSeconds(5);
        o.RetryMaxDelay = TimeSpan.FromMinutes(1);
        o.MaxAttempts = 5;
    }

    public async Task HandleAsync(AlertAttempt attempt, CancellationToken ct)
    {
        if (!attempt.Digest && !await AnyOpenAsync(attempt, ct))
        {
            await db.Entry(attempt).ReloadAsync(ct);
            if (attempt.Status != AttemptStatus.Pending) return; // covered by another alert meanwhile
            Record(attempt, AttemptStatus.Cancelled, "acknowledged before sending", null);
            await db.SaveChangesAsync(ct);
            return;
        }
        if (!await coalescing.ReadyAsync(attempt, ct)) return;
        var member = await directory.MemberAsync(attempt.MemberId, ct);
        var outcome = await SendAsync(attempt, member, ct);
        // From here on the provider has spoken: the outcome is recorded even if the process is stopping.
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (outcome.ProviderId is { } sid) await LockSidAsync(db, sid, CancellationToken.None);
        Record(attempt, outcome.Sent ? AttemptStatus.Sent : AttemptStatus.Failed, outcome.Detail, outcome.ProviderId);
        log.LogInformation("Alert {AttemptId} by {Method} to member {MemberId}: {Status}", attempt.Id, attempt.Method, attempt.MemberId, attempt.Status);
        if (!outcome.Sent && member is not null) await FallBackAsync(attempt, member, CancellationToken.None);
        if (outcome.ProviderId is { } providerId && await db.EarlyAlertStatuses.FindAsync([providerId], CancellationToken.None) is { } early)
        {
            // Twilio's callback beat this commit: it is applied now.
            await ApplyProviderStatusAsync(attempt, new MessageStatus(early.MessageSid, early.Status, early.ErrorCode), CancellationToken.None);
            db.EarlyAlertStatuses.Remove(early);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        metrics.AlertEnded(attempt.Method.ToString(), outcome.Sent);
    }

    /// <summary>Serialises the send's record and Twilio's callback for one text, so neither misses the other.</summary>
    internal static Task LockSidAsync(TeamsDbContext db, string sid, CancellationToken ct) =>
        db.Database.LockAsync(AdvisoryLock.AlertSid, sid, ct);

    /// <summary>
    /// Twilio's later word on a sent text: a failure marks it failed and falls back to email unless its tips were acknowledged
    /// meanwhile; "delivered" is recorded. A final status is never replaced by a late earlier one.
    /// </summary>
    public async Task ApplyProviderStatusAsync(AlertAttempt attempt, MessageStatus status, CancellationToken ct)
    {
        if (attempt.Status is not (AttemptStatus.Sent or AttemptStatus.Delivered)) return;
        if (status.IsFailure)
        {
            attempt.Status = AttemptStatus.Failed;
            attempt.Detail = status.ErrorCode is { } code ? $"{status.Status} (error {code})" : status.Status;
            attempt.UpdatedAt = clock.GetUtcNow();
            log.LogWarning("Alert {AttemptId} {Status} (error {Code})", attempt.Id, status.Status, status.ErrorCode);
            if (await AnyOpenAsync(attempt, ct) && await directory.MemberAsync(attempt.MemberId, ct) is { } member) await FallBackAsync(attempt, member, ct);
        }
        else if (status.Status == "delivered" && attempt.Status == AttemptStatus.Sent)
        {
            attempt.Status = AttemptStatus.Delivered;
            attempt.Detail = "delivered";
            attempt.UpdatedAt = clock.GetUtcNow();
        }
    }

    /// <summary>Our own side kept failing on this attempt: it is recorded as failed and answered by the other method.</summary>
    public async Task GiveUpAsync(AlertAttempt claimed, CancellationToken ct)
    {
        // From what is stored: a failed attempt's unsaved changes (an outcome, a fallback) must not be saved now.
        db.ChangeTracker.Clear();
        var attempt = await db.AlertAttempts.SingleAsync(a => a.Id == claimed.Id, ct);
        if (attempt.Status != AttemptStatus.Pending) return;
        Record(attempt, AttemptStatus.Failed, $"gave up ({claimed.LastError ?? "worker lost"})", null);
        if (await directory.MemberAsync(attempt.MemberId, ct) is { } member) await FallBackAsync(attempt, member, ct);
        await db.SaveChangesAsync(ct);
        metrics.AlertEnded(attempt.Method.ToString(), sent: false);
    }

    /// <summary>
    /// Plans the same alert by the other method, due now, unless this attempt is itself a fallback, the other method
    /// was planned with it (for the same tip), or the member has no address for it.
    /// </summary>
    public async Task FallBackAsync(AlertAttempt failed, TeamMember member, CancellationToken ct)
    {
        var other = EscalationLadder.Other(failed.Method);
        if (failed.FallbackFor is not null || string.IsNullOrEmpty(EscalationLadder.AddressFor(member, other))) return;
        // An alert that covered other tips answers for all of them: the other method planned with it carries only its own tip.
        var merged = failed.CaseIds.Count > 1;
        var alreadyPlanned = await db.AlertAttempts.AnyAsync(a => a.StepId == failed.StepId && a.MemberId == failed.MemberId
            && ((a.Method == other && !merged) || a.FallbackFor == failed.Id), ct);
        if (alreadyPlanned) return;
        var now = clock.GetUtcNow();
        db.AlertAttempts.Add(new AlertAttempt
        {
            Id = Guid.NewGuid(), StepId = failed.StepId, CaseIds = failed.CaseIds, MemberId = failed.MemberId, Method = other,
            Level = failed.Level, Digest = failed.Digest, SchoolName = failed.SchoolName, Urgency = failed.Urgency, TipCount = failed.TipCount,
            ImminentCount = failed.ImminentCount, Unread = failed.Unread, Notice = failed.Notice, ReplyCode = failed.ReplyCode, FallbackFor = failed.Id, DueAt = now, NextAttemptAt = now, UpdatedAt = now,
        });
    }

    private async Task<AlertOutcome> SendAsync(AlertAttempt attempt, TeamMember? member, CancellationToken ct)
    {
        var address = member is null ? null : EscalationLadder.AddressFor(member, attempt.Method);
        if (string.IsNullOrEmpty(address)) return new AlertOutcome(false, "no address for this method");
        if (senders.LastOrDefault(s => s.Method == attempt.Method) is not { } sender) return new AlertOutcome(false, "no sender configured");
        try
        {
            return await sender.SendAsync(address, AlertFor(attempt), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The provider's failure is this attempt's outcome: recorded, and answered by the other method.
            log.LogWarning("Alert {AttemptId} by {Method} threw {Error}", attempt.Id, attempt.Method, e.GetType().Name);
            return new AlertOutcome(false, $"error ({e.GetType().Name})");
        }
    }

    private Alert AlertFor(AlertAttempt attempt)
    {
        var staff = alerts.Value.StaffBaseUrl.TrimEnd('/');
        if (attempt.Digest) return new Alert(attempt.SchoolName, attempt.Urgency, new Uri($"{staff}/staff"), Tips: attempt.TipCount, Notice: attempt.Notice);
        var token = links.Token(attempt.Id, clock.GetUtcNow() + options.Value.AckLinkLifetime);
        return new Alert(attempt.SchoolName, attempt.Urgency, new Uri($"{staff}{AckLinks.PathPrefix}{token}"),
            attempt.Method == AlertMethod.Sms ? attempt.ReplyCode : null, attempt.TipCount, attempt.Unread, attempt.ImminentCount);
    }

    /// <summary>Whether any tip the alert counts is still waiting for someone.</summary>
    private Task<bool> AnyOpenAsync(AlertAttempt attempt, CancellationToken ct) =>
        db.Cases.AnyAsync(c => attempt.CaseIds.Contains(c.Id) && c.AcknowledgedAt == null, ct);

    private void Record(AlertAttempt attempt, AttemptStatus status, string detail, string? providerId)
    {
        var now = clock.GetUtcNow();
        attempt.Status = status;
        attempt.Detail = detail.Length > 200 ? detail[..200] : detail;
        attempt.ProviderId = providerId;
        attempt.SentAt = now;
        attempt.UpdatedAt = now;
    }
}

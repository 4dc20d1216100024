using TipLine.Attachments;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Teams.Audit;
using TipLine.Teams.Escalation;
using TipLine.Teams.Staff;

namespace TipLine.Teams.Cases;

/// <summary>
/// What a staff member does with cases, for the pages and the API alike. A member reaches only
/// their own team's cases and the cases they are on call for; every view and action, allowed or not, is audited.
/// </summary>
internal sealed class CaseWork(
    TeamsDbContext db, SchoolDirectory directory, AuditLog audit, AttachmentStore attachments, AlertTimeline alerts, TimeProvider clock)
{
    public const int MaxQuestionLength = 2000;

    /// <summary>The member's team queue, or only the team's tips grouped into one incident.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(Guid staffId, CancellationToken ct, Guid? incidentId = null)
    {
        var member = await directory.MemberAsync(staffId, ct);
        audit.Record(staffId, incidentId is null ? AuditActions.ViewQueue : AuditActions.ViewIncident, null, member is not null, member?.TeamId);
        await db.SaveChangesAsync(ct);
        if (member is null) return [];
        var cases = await db.Cases.AsNoTracking().Where(c => c.TeamId == member.TeamId && (incidentId == null || c.IncidentId == incidentId))
            .OrderByDescending(c => c.SuggestedUrgency).ThenBy(c => c.AcceptedAt).Take(500).ToListAsync(ct);
        var schools = (await directory.ListSchoolsAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        return cases.Select(c => new QueueItem(c.Id, schools.GetValueOrDefault(c.SchoolId, "?"), c.SuggestedUrgency, c.Categories,
            c.DangerNow, c.Channel, c.Pseudonym, c.ReporterLanguage, c.NeedsTranslation, c.AcceptedAt, c.AcknowledgedAt is not null,
            c.AssignedMemberId == staffId, c.IncidentId, c.PossibleFlood || c.SenderFlood)).ToList();
    }

    /// <summary>Acknowledges every open tip of the member's team in the incident, each as if acknowledged on its own page.</summary>
    public async Task<int> AcknowledgeIncidentAsync(Guid staffId, Guid incidentId, CancellationToken ct)
    {
        var member = await directory.MemberAsync(staffId, ct);
        if (member is null) return 0;
        var open = await db.Cases.AsNoTracking().Where(c => c.TeamId == member.TeamId && c.IncidentId == incidentId && c.AcknowledgedAt == null)
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var caseId in open) await AcknowledgeAsync(staffId, caseId, ct);
        return open.Count;
    }

    /// <summary>Undoes a wrong grouping: the case leaves its incident and is never grouped again. Audited.</summary>
    public async Task<CaseAccess> KeepApartAsync(Guid staffId, Guid caseId, CancellationToken ct)
    {
        var (access, c) = await AuthorizeAsync(staffId, caseId, AuditActions.KeepApart, ct);
        if (access == CaseAccess.Allowed)
        {
            c!.IncidentId = null;
            c.KeptApart = true;
        }
        await db.SaveChangesAsync(ct);
        return access;
    }

    public async Task<CaseResult<CaseDetail>> OpenAsync(Guid staffId, Guid caseId, CancellationToken ct)
    {
        var (access, found) = await AuthorizeAsync(staffId, caseId, AuditActions.ViewCase, ct);
        await db.SaveChangesAsync(ct);
        if (access != CaseAccess.Allowed) return new CaseResult<CaseDetail>(access);
        var c = found!;
        var messages = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var names = (await directory.MembersOfTeamAsync(c.TeamId, ct)).ToDictionary(m => m.Id, m => m.DisplayName);
        var ids = messages.Select(m => m.Id).ToList();
        var deliveries = await db.MessageDeliveries.AsNoTracking().Where(d => ids.Contains(d.MessageId))
            .ToDictionaryAsync(d => d.MessageId, d => d.ErrorCode is { } code ? $"{d.Status} (error {code})" : d.Status, ct);
        var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.AttachmentId)
            .Select(a => a.AttachmentId).ToListAsync(ct);
        var conversation = messages.Select(m => new ConversationItem(m.Id, m.FromReporter,
            m.AuthorId is { } a ? names.GetValueOrDefault(a) : null, m.Text, m.Language, m.Translation, m.NeedsTranslation, m.CreatedAt,
            deliveries.GetValueOrDefault(m.Id), m.TranslatedBy)).ToList();
        return new CaseResult<CaseDetail>(CaseAccess.Allowed, new CaseDetail(c.Id, await directory.SchoolNameAsync(c.SchoolId, ct) ?? "?",
            c.Channel, c.Pseudonym, c.ReporterLanguage, c.TeamLanguage, c.Original, c.Translation, c.NeedsTranslation,
            c.SuggestedUrgency, c.Categories, c.DangerNow, c.AcceptedAt, c.RoutedAt,
            await NameAsync(c.AssignedMemberId, names, ct), c.AcknowledgedAt, await NameAsync(c.AcknowledgedBy, names, ct), conversation, attachments,
            await alerts.ForCaseAsync(caseId, ct), c.SenderVerified, c.Readability,
            new CaseIncident(c.IncidentId, c.IncidentId is { } incident ? await db.Cases.CountAsync(x => x.IncidentId == incident && x.TeamId == c.TeamId, ct) : 1,
                c.KeptApart, c.PossibleFlood, c.SenderFlood), c.TranslatedBy,
            await db.ReportNotes.AsNoTracking().Where(n => n.ReportId == c.ReportId).OrderBy(n => n.At).Select(n => new CaseNote(n.At, n.Text)).ToListAsync(ct)));
    }

    /// <summary>Records who acknowledged and when; acknowledging again changes nothing.</summary>
    public async Task<CaseAccess> AcknowledgeAsync(Guid staffId, Guid caseId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (access, c) = await AuthorizeAsync(staffId, caseId, AuditActions.Acknowledge, ct);
        if (access == CaseAccess.Allowed && c!.AcknowledgedAt is null)
        {
            // Two members pressing at once: exactly one acknowledgement is recorded and announced.
            var now = clock.GetUtcNow();
            var taken = await db.Cases.Where(x => x.Id == caseId && x.AcknowledgedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.AcknowledgedAt, now)
                .SetProperty(x => x.AcknowledgedBy, staffId), ct);
            if (taken == 1)
            {
                db.AddToOutbox(new CaseAcknowledged(c.Id, c.ReportId, now), now);
                await db.Escalations.Where(e => e.CaseId == caseId && e.StoppedAt == null).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.StoppedAt, now)
                    .SetProperty(e => e.StopReason, "acknowledged"), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return access;
    }

    public async Task<CaseAccess> AskAsync(Guid staffId, Guid caseId, string question, CancellationToken ct)
    {
        var (access, c) = await AuthorizeAsync(staffId, caseId, AuditActions.AskQuestion, ct);
        if (access == CaseAccess.Allowed)
        {
            var now = clock.GetUtcNow();
            var message = new CaseMessage
            {
                Id = Guid.NewGuid(), CaseId = caseId, FromReporter = false, AuthorId = staffId,
                Text = question, Language = c!.TeamLanguage, CreatedAt = now,
            };
            db.CaseMessages.Add(message);
            db.AddToOutbox(new TeamQuestionAsked(message.Id, c.Id, c.ReportId, c.Channel, question, c.TeamLanguage,
                c.ReporterLanguage, now), now);
        }
        await db.SaveChangesAsync(ct);
        return access;
    }

    /// <summary>A file of the case, for its team only; every attempt is audited.</summary>
    public async Task<CaseResult<AttachmentFile>> OpenAttachmentAsync(Guid staffId, Guid caseId, Guid attachmentId, CancellationToken ct)
    {
        var (access, c) = await AuthorizeAsync(staffId, caseId, AuditActions.ViewAttachment, ct);
        await db.SaveChangesAsync(ct);
        if (access != CaseAccess.Allowed) return new CaseResult<AttachmentFile>(access);
        var listed = await db.CaseAttachments.AnyAsync(a => a.CaseId == caseId && a.AttachmentId == attachmentId, ct);
        var file = listed ? await attachments.OpenAsync(attachmentId, c!.ReportId, ct) : null;
        return file is null ? new CaseResult<AttachmentFile>(CaseAccess.NotFound) : new CaseResult<AttachmentFile>(CaseAccess.Allowed, file);
    }

    /// <summary>A team member's name, or a district fallback member's, who is not on the case's team.</summary>
    private async Task<string?> NameAsync(Guid? memberId, Dictionary<Guid, string> teamNames, CancellationToken ct) =>
        memberId is not { } id ? null : teamNames.GetValueOrDefault(id) ?? (await directory.MemberAsync(id, ct))?.DisplayName;

    private async Task<(CaseAccess, Case?)> AuthorizeAsync(Guid staffId, Guid caseId, string action, CancellationToken ct)
    {
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == caseId, ct);
        var member = await directory.MemberAsync(staffId, ct);
        // The member on call for the case, or one escalation alerted, may be from the district's 24/7 team.
        var access = c is null ? CaseAccess.NotFound
            : member is not null && (member.TeamId == c.TeamId || c.AssignedMemberId == member.Id || await WasAlertedAsync(staffId, caseId, ct))
                ? CaseAccess.Allowed
            : CaseAccess.Forbidden;
        audit.Record(staffId, action, caseId, access == CaseAccess.Allowed, c?.TeamId);
        return (access, c);
    }

    /// <summary>Escalation reached this member (e.g. on the district's fallback team): they may open and acknowledge the case.</summary>
    private Task<bool> WasAlertedAsync(Guid staffId, Guid caseId, CancellationToken ct) =>
        db.AlertAttempts.AnyAsync(a => a.MemberId == staffId && a.CaseIds.Contains(caseId) && a.Status != AttemptStatus.Pending
            && a.Status != AttemptStatus.Cancelled && a.Status != AttemptStatus.Covered, ct);
}

using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Bus.Outbox;
using TipLine.Bus.Telemetry;
using TipLine.Contracts;
using TipLine.Teams.Cases;
using TipLine.Teams.Escalation;
using TipLine.Teams.Incidents;

namespace TipLine.Teams.Consumers;

/// <summary>
/// Opens the case in the team's queue, once per report however often the report is routed, grouped with the same incident's
/// cases, with the escalation that alerts the team about it.
/// </summary>
internal sealed class ReportRoutedConsumer(
    TeamsDbContext db, EscalationStart escalation, IncidentGrouping incidents, SenderFlood senderFlood, PipelineMetrics metrics,
    TimeProvider clock)
    : IConsumer<ReportRouted>
{
    public async Task Consume(ConsumeContext<ReportRouted> context)
    {
        Case? openedCase = null;
        await db.HandleOnceAsync<ReportRoutedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var r = context.Message;
            var now = clock.GetUtcNow();
            await ReportLock.TakeAsync(db, r.ReportId, ct);
            var existing = await db.Cases.AsNoTracking().Where(c => c.ReportId == r.ReportId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (existing is { } caseId)
            {
                // Published again by the safety net: confirm the case to intake, open nothing new.
                db.AddToOutbox(new CaseOpened(caseId, r.ReportId, r.TeamId, now), now);
                return;
            }
            var opened = new Case
            {
                Id = Guid.NewGuid(), ReportId = r.ReportId, SchoolId = r.SchoolId, TeamId = r.TeamId, AssignedMemberId = r.OnCallMemberId,
                Channel = r.Channel, Pseudonym = ReporterLabel.IsCurrent(r.Pseudonym) ? r.Pseudonym : ReporterLabel.New(), ReporterLanguage = r.ReporterLanguage, TeamLanguage = r.TeamLanguage,
                Original = r.Original, Translation = r.Translation, NeedsTranslation = r.NeedsTranslation, TranslatedBy = r.TranslatedBy,
                SuggestedUrgency = r.SuggestedUrgency, Categories = [.. r.Categories], DangerNow = r.DangerNow,
                AcceptedAt = r.AcceptedAt, RoutedAt = r.RoutedAt, SenderVerified = r.SenderVerified,
                Readability = r.Readability,
            };
            await incidents.PlaceAsync(opened, ct);
            var early = await db.EarlyAnswers.Where(a => a.ReportId == r.ReportId).ToListAsync(ct);
            senderFlood.MarkIfFlooded(opened, early.Select(a => a.AnsweredAt));
            db.Cases.Add(opened);
            if (escalation.For(opened, now) is { } timer) db.Escalations.Add(timer);
            var earlyFiles = await db.EarlyAttachments.Where(a => a.ReportId == r.ReportId).ToListAsync(ct);
            db.EarlyAttachments.RemoveRange(earlyFiles);
            foreach (var attachment in (r.AttachmentIds ?? []).Concat(earlyFiles.Select(a => a.AttachmentId)).Distinct())
            {
                db.CaseAttachments.Add(new CaseAttachment { CaseId = opened.Id, AttachmentId = attachment });
            }
            db.CaseMessages.AddRange(early.Select(a => a.ToMessage(opened.Id)));
            db.EarlyAnswers.RemoveRange(early);
            db.AddToOutbox(new CaseOpened(opened.Id, r.ReportId, r.TeamId, now), now);
            openedCase = opened;
        });
        // Returned normally: committed.
        if (openedCase is not null) metrics.CaseOpened(openedCase.Channel, clock.GetUtcNow() - openedCase.AcceptedAt);
    }
}

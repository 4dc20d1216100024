using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Teams.Cases;
using TipLine.Teams.Incidents;

namespace TipLine.Teams.Consumers;

/// <summary>
/// The reporter's answer joins the case conversation, original and translation, and marks a thread flooded with messages; kept
/// aside if the case is not open yet.
/// </summary>
internal sealed class ReporterAnswerTranslatedConsumer(TeamsDbContext db, SenderFlood senderFlood, TimeProvider clock) : IConsumer<ReporterAnswerTranslated>
{
    public Task Consume(ConsumeContext<ReporterAnswerTranslated> context) =>
        db.HandleOnceAsync<ReporterAnswerTranslatedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var a = context.Message;
            await ReportLock.TakeAsync(db, a.ReportId, ct);
            var early = new EarlyAnswer
            {
                AnswerId = a.AnswerId, ReportId = a.ReportId, OriginalText = a.OriginalText, OriginalLanguage = a.OriginalLanguage,
                TranslatedText = a.TranslatedText, NeedsTranslation = a.NeedsTranslation, TranslatedBy = a.TranslatedBy, AnsweredAt = a.AnsweredAt,
            };
            var caseId = await db.Cases.Where(c => c.ReportId == a.ReportId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (caseId is { } id)
            {
                await senderFlood.MarkIfFloodedAsync(id, a.AnsweredAt, ct);
                db.CaseMessages.Add(early.ToMessage(id));
            }
            else db.EarlyAnswers.Add(early);
        });
}

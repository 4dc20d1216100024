using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Consumers;

/// <summary>The reporter's answer joins the case conversation, original and translation.</summary>
public sealed class ReporterAnswerTranslatedConsumer(TeamsDbContext db, TimeProvider clock) : IConsumer<ReporterAnswerTranslated>
{
    public Task Consume(ConsumeContext<ReporterAnswerTranslated> context) =>
        db.HandleOnceAsync<ReporterAnswerTranslatedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var a = context.Message;
            // Throws (and so retries, then faults) if the case is not there yet: the answer is never dropped.
            var caseId = await db.Cases.Where(c => c.ReportId == a.ReportId).Select(c => c.Id).SingleAsync(ct);
            db.CaseMessages.Add(new CaseMessage
            {
                Id = a.AnswerId, CaseId = caseId, FromReporter = true, Text = a.OriginalText, Language = a.OriginalLanguage,
                Translation = a.TranslatedText, NeedsTranslation = a.NeedsTranslation, CreatedAt = a.AnsweredAt,
            });
        });
}

using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;

namespace TipLine.Teams.Consumers;

/// <summary>
/// A team question on its way to the reporter: the case conversation shows it as the reporter will read it, with the
/// engine that translated it, or says it went as written because no engine could.
/// </summary>
internal sealed class QuestionTranslatedConsumer(TeamsDbContext db, TimeProvider clock) : IConsumer<ReporterQuestionReady>
{
    public Task Consume(ConsumeContext<ReporterQuestionReady> context) =>
        db.HandleOnceAsync<QuestionTranslatedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var q = context.Message;
            // The question was saved with the case before it was published, so it is always here.
            var message = await db.CaseMessages.SingleOrDefaultAsync(m => m.Id == q.QuestionId && !m.FromReporter, ct);
            if (message is null) return;
            var translated = !string.Equals(q.Language, q.OriginalLanguage, StringComparison.OrdinalIgnoreCase);
            message.Translation = translated ? q.Text : null;
            message.TranslatedBy = translated ? q.TranslatedBy : null;
            message.NeedsTranslation = q.NeedsTranslation;
        });
}

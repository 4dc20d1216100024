using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Routing.Translation;

namespace TipLine.Routing.Consumers;

/// <summary>A team question goes to the reporter in the reporter's language when a pair exists, else as written.</summary>
internal sealed class TeamQuestionAskedConsumer(RoutingDbContext db, TipTranslation translation, TimeProvider clock) : IConsumer<TeamQuestionAsked>
{
    public Task Consume(ConsumeContext<TeamQuestionAsked> context) =>
        db.HandleOnceAsync<TeamQuestionAskedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var q = context.Message;
            var (text, needsTranslation, engine) = await translation.TranslateAsync(q.Text, q.TeamLanguage, q.ReporterLanguage, ct);
            db.AddToOutbox(new ReporterQuestionReady(q.QuestionId, q.ReportId, q.Channel, text ?? q.Text,
                text is null ? q.TeamLanguage : q.ReporterLanguage, q.Text, q.TeamLanguage, needsTranslation, q.AskedAt, engine), clock.GetUtcNow());
        });
}

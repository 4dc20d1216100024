using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Directory;
using TipLine.Routing.Translation;

namespace TipLine.Routing.Consumers;

/// <summary>A reporter's answer is translated into the team's language for the case conversation.</summary>
internal sealed class ReporterAnsweredConsumer(
    RoutingDbContext db, TipTranslation translation, SchoolDirectory directory, TimeProvider clock) : IConsumer<ReporterAnswered>
{
    public Task Consume(ConsumeContext<ReporterAnswered> context) =>
        db.HandleOnceAsync<ReporterAnsweredConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var a = context.Message;
            var team = await directory.TeamForSchoolAsync(a.SchoolId, ct)
                ?? throw new InvalidOperationException($"School {a.SchoolId} has no team.");
            var teamLanguage = team.WorkingLanguage;
            var (text, needsTranslation, engine) = await translation.TranslateAsync(a.Text, a.Language, teamLanguage, ct);
            db.AddToOutbox(new ReporterAnswerTranslated(a.AnswerId, a.ReportId, a.Text, a.Language,
                TipTranslation.SameLanguage(a.Language, teamLanguage) ? null : text, teamLanguage, needsTranslation, a.AnsweredAt, engine),
                clock.GetUtcNow());
        });
}

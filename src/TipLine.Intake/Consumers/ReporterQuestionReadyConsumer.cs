using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Intake.Followup;

namespace TipLine.Intake.Consumers;

/// <summary>A team question, translated, waits for the web reporter at /report/followup.</summary>
public sealed class ReporterQuestionReadyConsumer(IntakeDbContext db, TimeProvider clock) : IConsumer<ReporterQuestionReady>
{
    public Task Consume(ConsumeContext<ReporterQuestionReady> context) =>
        db.HandleOnceAsync<ReporterQuestionReadyConsumer>(context, clock.GetUtcNow(), _ =>
        {
            var question = context.Message;
            if (question.Channel == ChannelNames.WebForm)
            {
                db.FollowupMessages.Add(new FollowupMessage
                {
                    Id = question.QuestionId,
                    ReportId = question.ReportId,
                    FromReporter = false,
                    Text = question.Text,
                    Language = question.Language,
                    CreatedAt = question.AskedAt,
                });
            }
            return Task.CompletedTask;
        });
}

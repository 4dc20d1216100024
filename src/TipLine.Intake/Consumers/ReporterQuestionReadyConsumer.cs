using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Intake.Channels.Email;
using TipLine.Intake.Channels.Sms;
using TipLine.Intake.Followup;

namespace TipLine.Intake.Consumers;

/// <summary>A team question, translated: it waits for a web reporter at /report/followup, or is queued as a text or an email.</summary>
public sealed class ReporterQuestionReadyConsumer(IntakeDbContext db, TimeProvider clock) : IConsumer<ReporterQuestionReady>
{
    public Task Consume(ConsumeContext<ReporterQuestionReady> context) =>
        db.HandleOnceAsync<ReporterQuestionReadyConsumer>(context, clock.GetUtcNow(), ct =>
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
            else if (question.Channel is ChannelNames.Sms or ChannelNames.Voice)
            {
                // Queued in this transaction (exactly once per question); the SMS worker unseals the number and sends it, outside
                // any transaction. A voicemail's caller is asked by text, from the number they called.
                db.PendingSms.Add(new PendingSms
                {
                    Id = Guid.NewGuid(), ReportId = question.ReportId, QuestionId = question.QuestionId, Text = question.Text,
                    CreatedAt = question.AskedAt, NextAttemptAt = clock.GetUtcNow(),
                });
            }
            else if (question.Channel == ChannelNames.Email)
            {
                // Queued in this transaction (exactly once per question); the outgoing-mail worker unseals the address and sends it.
                db.PendingEmails.Add(new PendingEmail
                {
                    Id = Guid.NewGuid(), ReportId = question.ReportId, Kind = OutgoingEmailKinds.Question, QuestionId = question.QuestionId,
                    Text = question.Text, CreatedAt = question.AskedAt, NextAttemptAt = clock.GetUtcNow(),
                });
            }
            return Task.CompletedTask;
        });
}

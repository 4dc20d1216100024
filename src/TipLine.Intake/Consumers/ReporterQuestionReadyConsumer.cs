using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using Microsoft.Extensions.DependencyInjection;
using TipLine.Intake.Channels.Sms;
using TipLine.Intake.Followup;

namespace TipLine.Intake.Consumers;

/// <summary>A team question, translated: it waits for a web reporter at /report/followup, or goes out by SMS.</summary>
public sealed class ReporterQuestionReadyConsumer(IntakeDbContext db, IServiceProvider services, TimeProvider clock) : IConsumer<ReporterQuestionReady>
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
                // A voicemail's caller is asked by text, from the number they called. Resolved here so a deployment without Twilio settings still runs the web channel.
                return services.GetRequiredService<SmsReplyRelay>().SendAsync(question, ct);
            }
            return Task.CompletedTask;
        });
}

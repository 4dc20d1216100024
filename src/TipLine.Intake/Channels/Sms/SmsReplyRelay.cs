using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipLine.Bus.Outbox;
using TipLine.Contracts;
using TipLine.Intake.Reporters;
using TipLine.Twilio;
using TipLine.Twilio.Messages;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// Sends a team question to an SMS reporter from the number they texted. The reporter's number is
/// unsealed only here, at send time, and never leaves this method. The outcome goes to the case.
/// </summary>
public sealed class SmsReplyRelay(
    IntakeDbContext db,
    SealedContactStore contacts,
    ReporterPseudonym pseudonyms,
    TwilioMessagesClient twilio,
    IOptions<TwilioOptions> twilioOptions,
    TimeProvider clock,
    ILogger<SmsReplyRelay> log)
{
    public async Task SendAsync(ReporterQuestionReady question, CancellationToken ct)
    {
        var thread = await db.SmsThreads.AsNoTracking().SingleOrDefaultAsync(t => t.ReportId == question.ReportId, ct);
        var number = await contacts.UnsealAsync(question.ReportId, ChannelNames.Sms, ct);
        var delivery = new SmsDelivery { QuestionId = question.QuestionId, ReportId = question.ReportId, Status = "not-sent", UpdatedAt = clock.GetUtcNow() };
        db.SmsDeliveries.Add(delivery);
        if (thread is null || number is null)
        {
            delivery.Status = "not-sent: no way to reach the reporter";
        }
        else if (await db.SmsOptOuts.AnyAsync(o => o.ReporterKey == pseudonyms.Key(ChannelNames.Sms, number), ct))
        {
            delivery.Status = "not-sent: the reporter texted STOP";
        }
        else
        {
            var callback = twilioOptions.Value.PublicBaseUrl.TrimEnd('/') + SmsWebhooks.StatusPath;
            switch (await twilio.SendAsync(thread.OurNumber, number, question.Text, callback, ct))
            {
                case MessageSent sent:
                    delivery.MessageSid = sent.Sid;
                    delivery.Status = sent.Status;
                    break;
                case MessageRefused refused:
                    delivery.Status = "failed";
                    delivery.ErrorCode = refused.Code;
                    if (refused.RecipientOptedOut) db.SmsOptOuts.Add(new SmsOptOut { ReporterKey = pseudonyms.Key(ChannelNames.Sms, number), OptedOutAt = clock.GetUtcNow() });
                    break;
                case MessageTransientFailure failure:
                    delivery.Status = "failed after retries";
                    delivery.ErrorCode = failure.Code;
                    break;
            }
        }
        log.LogInformation("Question {QuestionId} to SMS reporter of {ReportId}: {Status} {ErrorCode}",
            question.QuestionId, question.ReportId, delivery.Status, delivery.ErrorCode);
        db.AddToOutbox(new ReporterMessageStatusChanged(question.QuestionId, question.ReportId, delivery.Status, delivery.ErrorCode,
            delivery.UpdatedAt), delivery.UpdatedAt);
    }
}

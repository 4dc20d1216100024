using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Intake.Channels.Email;
using TipLine.Intake.Channels.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipLine.Intake.Channels.WebForm;
using TipLine.Intake.Followup;

namespace TipLine.Intake.Consumers;

/// <summary>
/// A team question, translated: it waits for a web reporter at /report/followup (who is told so, when they left a contact
/// for it), or is queued as a text or an email.
/// </summary>
internal sealed class ReporterQuestionReadyConsumer(IntakeDbContext db, IOptions<ReplyNoticeOptions> notices, TimeProvider clock)
    : IConsumer<ReporterQuestionReady>
{
    public Task Consume(ConsumeContext<ReporterQuestionReady> context) =>
        db.HandleOnceAsync<ReporterQuestionReadyConsumer>(context, clock.GetUtcNow(), async ct =>
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
                var settings = notices.Value;
                // One notice waits at a time per report: several questions asked together make one message.
                if ((settings.BySms || settings.ByEmail) && await db.SealedContacts.AnyAsync(c => c.ReportId == question.ReportId, ct)
                    && !await db.ReplyNotices.AnyAsync(n => n.ReportId == question.ReportId && n.DeadAt == null, ct))
                {
                    // In the language the reporter chose on the form, whatever language the question could be put in.
                    var language = await db.Reports.Where(r => r.Id == question.ReportId).Select(r => r.Language).SingleAsync(ct);
                    db.ReplyNotices.Add(new PendingReplyNotice
                    {
                        Id = Guid.NewGuid(), ReportId = question.ReportId, Language = language, CreatedAt = question.AskedAt,
                        NextAttemptAt = clock.GetUtcNow(),
                    });
                }
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
        });
}

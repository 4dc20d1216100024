using TipLine.Contracts;
using TipLine.Intake.Followup;
using TipLine.Intake.Reporters;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// A texting reporter's question is queued for <see cref="SmsReplySender"/>, which unseals the number and sends it. A
/// voicemail's caller is asked by text too, from the number they called. The question also waits at /report/followup,
/// for a student who continues on the web with the receipt they were texted.
/// </summary>
internal sealed class SmsReplies(IntakeDbContext db, TimeProvider clock) : IReporterReplies
{
    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Sms, ChannelNames.Voice];

    public Task QueueAsync(ReporterQuestionReady question, CancellationToken ct)
    {
        db.FollowupMessages.Add(FollowupMessage.Question(question));
        db.PendingSms.Add(new PendingSms
        {
            Id = Guid.NewGuid(), ReportId = question.ReportId, QuestionId = question.QuestionId, Text = question.Text,
            CreatedAt = question.AskedAt, NextAttemptAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

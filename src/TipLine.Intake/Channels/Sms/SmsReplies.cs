using TipLine.Contracts;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Channels.Sms;

/// <summary>
/// A texting reporter's question is queued for <see cref="SmsReplySender"/>, which unseals the number and sends it. A
/// voicemail's caller is asked by text too, from the number they called.
/// </summary>
internal sealed class SmsReplies(IntakeDbContext db, TimeProvider clock) : IReporterReplies
{
    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Sms, ChannelNames.Voice];

    public Task QueueAsync(ReporterQuestionReady question, CancellationToken ct)
    {
        db.PendingSms.Add(new PendingSms
        {
            Id = Guid.NewGuid(), ReportId = question.ReportId, QuestionId = question.QuestionId, Text = question.Text,
            CreatedAt = question.AskedAt, NextAttemptAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

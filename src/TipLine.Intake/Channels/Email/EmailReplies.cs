using TipLine.Contracts;
using TipLine.Intake.Followup;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Channels.Email;

/// <summary>
/// A mailing reporter's question is queued for <see cref="OutgoingEmailProcessor"/>, which unseals the address and sends it
/// threaded. It also waits at /report/followup, for a reporter who goes on there with the receipt they were mailed.
/// </summary>
internal sealed class EmailReplies(IntakeDbContext db, TimeProvider clock) : IReporterReplies
{
    public IReadOnlyCollection<string> Channels { get; } = [ChannelNames.Email];

    public Task QueueAsync(ReporterQuestionReady question, CancellationToken ct)
    {
        db.FollowupMessages.Add(FollowupMessage.Question(question));
        db.PendingEmails.Add(new PendingEmail
        {
            Id = Guid.NewGuid(), ReportId = question.ReportId, Kind = OutgoingEmailKinds.Question, QuestionId = question.QuestionId,
            Text = question.Text, CreatedAt = question.AskedAt, NextAttemptAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

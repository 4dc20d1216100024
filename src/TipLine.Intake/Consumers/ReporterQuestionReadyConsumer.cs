using MassTransit;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Consumers;

/// <summary>A team question, translated: handed to the reply path of the reporter's channel, once per question.</summary>
internal sealed class ReporterQuestionReadyConsumer(IntakeDbContext db, IEnumerable<IReporterReplies> replies, TimeProvider clock)
    : IConsumer<ReporterQuestionReady>
{
    public Task Consume(ConsumeContext<ReporterQuestionReady> context) =>
        db.HandleOnceAsync<ReporterQuestionReadyConsumer>(context, clock.GetUtcNow(), ct =>
        {
            var question = context.Message;
            // A channel without a reply path is our own mistake: the message fails to the error queue rather than vanish.
            var path = replies.SingleOrDefault(r => r.Channels.Contains(question.Channel))
                ?? throw new InvalidOperationException($"No reply path for channel '{question.Channel}'.");
            return path.QueueAsync(question, ct);
        });
}

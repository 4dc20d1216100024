using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Teams.Cases;

namespace TipLine.Teams.Consumers;

/// <summary>Shows on the case whether a question reached the reporter; a late, older status never overwrites a newer one.</summary>
internal sealed class ReporterMessageStatusChangedConsumer(TeamsDbContext db, TimeProvider clock) : IConsumer<ReporterMessageStatusChanged>
{
    public Task Consume(ConsumeContext<ReporterMessageStatusChanged> context) =>
        db.HandleOnceAsync<ReporterMessageStatusChangedConsumer>(context, clock.GetUtcNow(), async ct =>
        {
            var m = context.Message;
            var row = await db.MessageDeliveries.SingleOrDefaultAsync(d => d.MessageId == m.QuestionId, ct);
            if (row is null) db.MessageDeliveries.Add(row = new MessageDelivery { MessageId = m.QuestionId, Status = m.Status });
            else if (row.UpdatedAt > m.At) return;
            row.Status = m.Status;
            row.ErrorCode = m.ErrorCode;
            row.UpdatedAt = m.At;
        });
}

using MassTransit;
using Microsoft.EntityFrameworkCore;
using TipLine.Bus.Inbox;
using TipLine.Contracts;
using TipLine.Intake.Reports;

namespace TipLine.Intake.Consumers;

/// <summary>The report reached its team's queue: the safety net stops watching it.</summary>
internal sealed class CaseOpenedConsumer(IntakeDbContext db, TimeProvider clock) : IConsumer<CaseOpened>
{
    public Task Consume(ConsumeContext<CaseOpened> context) =>
        db.HandleOnceAsync<CaseOpenedConsumer>(context, clock.GetUtcNow(), ct =>
            db.Reports.Where(r => r.Id == context.Message.ReportId && r.CaseOpenedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.CaseOpenedAt, context.Message.OpenedAt)
                .SetProperty(r => r.Status, r => r.Status == ReportStatus.Received ? ReportStatus.InQueue : r.Status), ct));
}
